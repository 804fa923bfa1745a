/**
 * What a member's photo must be before anything is spent on it. Percify leaves the limits open
 * (docs §3.7); these match what its simulator enforces, and every refusal says the limit it broke.
 */
export const PHOTO_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  /** A face smaller than this is not the "clear, front-facing" photo Percify asks for. */
  minSide: 256,
  maxSide: 4096,
} as const;

export type PhotoFormat = 'png' | 'jpeg' | 'webp';

export const PHOTO_CONTENT_TYPES: Record<PhotoFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export interface CheckedPhoto {
  format: PhotoFormat;
  width: number;
  height: number;
}

export const PHOTO_RULES = `a PNG, JPEG or WebP of at most ${PHOTO_LIMITS.maxBytes / (1024 * 1024)} MB, each side ${PHOTO_LIMITS.minSide}–${PHOTO_LIMITS.maxSide} pixels`;

/** A photo refused, with the sentence the member reads. */
export class PhotoRefusal extends Error {
  constructor(
    readonly reason: 'type' | 'size' | 'pixels',
    message: string,
  ) {
    super(message);
    this.name = 'PhotoRefusal';
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What Discord says about the attachment, checked before it is even downloaded. */
export function checkDeclaredPhoto(declared: {
  size: number;
  width?: number | null | undefined;
  height?: number | null | undefined;
}): void {
  if (declared.size > PHOTO_LIMITS.maxBytes) {
    throw new PhotoRefusal(
      'size',
      `That picture is ${megabytes(declared.size)}; photos can be up to ${megabytes(PHOTO_LIMITS.maxBytes)}.`,
    );
  }
  if (declared.width && declared.height) checkSides(declared.width, declared.height);
}

/** The bytes themselves: the file name and the declared type are not trusted. */
export function checkPhotoBytes(bytes: Buffer): CheckedPhoto {
  if (bytes.length > PHOTO_LIMITS.maxBytes) {
    throw new PhotoRefusal(
      'size',
      `That picture is ${megabytes(bytes.length)}; photos can be up to ${megabytes(PHOTO_LIMITS.maxBytes)}.`,
    );
  }
  const found = readHeader(bytes);
  if (!found) throw new PhotoRefusal('type', 'That file is not a PNG, JPEG or WebP picture.');
  checkSides(found.width, found.height);
  return found;
}

function checkSides(width: number, height: number): void {
  if (Math.max(width, height) > PHOTO_LIMITS.maxSide || Math.min(width, height) < PHOTO_LIMITS.minSide) {
    throw new PhotoRefusal(
      'pixels',
      `That picture is ${width}×${height} pixels; each side must be ${PHOTO_LIMITS.minSide} to ${PHOTO_LIMITS.maxSide} pixels.`,
    );
  }
}

function readHeader(bytes: Buffer): CheckedPhoto | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) {
    return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = jpegSize(bytes);
    return size ? { format: 'jpeg', ...size } : undefined;
  }
  if (
    bytes.length >= 30 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    const size = webpSize(bytes);
    return size ? { format: 'webp', ...size } : undefined;
  }
  return undefined;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return undefined;
}

/** The three WebP flavours: lossy (VP8), lossless (VP8L) and extended (VP8X). */
function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}
