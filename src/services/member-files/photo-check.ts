import { createI18n, type Message, type Translator } from '../i18n/index.js';

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

const MIB = 1024 * 1024;

/** "a PNG, JPEG or WebP of at most 10 MB, each side 256–4096 pixels", in the reader's language. */
export function photoRules(tr: Translator): string {
  return tr.t('avatar.photo.rules', {
    maxMb: PHOTO_LIMITS.maxBytes / MIB,
    min: String(PHOTO_LIMITS.minSide),
    max: String(PHOTO_LIMITS.maxSide),
  });
}

let english: Translator | undefined;

function inEnglish(text: Message): string {
  english ??= createI18n().translator('en');
  return english.render(text);
}

/**
 * A photo refused, with the sentence the member reads: `text`, for the reader's translator. The
 * error's own message is that sentence in English (logs, and code that has no reader yet).
 */
export class PhotoRefusal extends Error {
  constructor(
    readonly reason: 'type' | 'size' | 'pixels',
    readonly text: Message,
  ) {
    super(inEnglish(text));
    this.name = 'PhotoRefusal';
  }
}

function tooLarge(bytes: number): PhotoRefusal {
  return new PhotoRefusal('size', {
    key: 'avatar.photo.tooLarge',
    vars: { size: bytes / MIB, max: PHOTO_LIMITS.maxBytes / MIB },
  });
}

/** What Discord says about the attachment, checked before it is even downloaded. */
export function checkDeclaredPhoto(declared: {
  size: number;
  width?: number | null | undefined;
  height?: number | null | undefined;
}): void {
  if (declared.size > PHOTO_LIMITS.maxBytes) throw tooLarge(declared.size);
  if (declared.width && declared.height) checkSides(declared.width, declared.height);
}

/** The bytes themselves: the file name and the declared type are not trusted. */
export function checkPhotoBytes(bytes: Buffer): CheckedPhoto {
  if (bytes.length > PHOTO_LIMITS.maxBytes) throw tooLarge(bytes.length);
  const found = readHeader(bytes);
  if (!found) throw new PhotoRefusal('type', { key: 'avatar.photo.notPicture' });
  checkSides(found.width, found.height);
  return found;
}

function checkSides(width: number, height: number): void {
  if (Math.max(width, height) > PHOTO_LIMITS.maxSide || Math.min(width, height) < PHOTO_LIMITS.minSide) {
    // Pixel sizes as a spec writes them ("4096"), not as an amount ("4,096").
    throw new PhotoRefusal('pixels', {
      key: 'avatar.photo.badSides',
      vars: {
        width: String(width),
        height: String(height),
        min: String(PHOTO_LIMITS.minSide),
        max: String(PHOTO_LIMITS.maxSide),
      },
    });
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

/** A RIFF chunk name is four bytes: the lossy one's ends in a space (a code, not a word). */
const VP8_LOSSY = 'VP8' + '\x20';

/** The three WebP flavours: lossy (VP8), lossless (VP8L) and extended (VP8X). */
function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === VP8_LOSSY) {
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
