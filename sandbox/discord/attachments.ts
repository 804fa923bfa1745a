import type { StoredAttachment } from './types.js';

/** Builds stored attachments: content type from the filename when the upload did not say, and image size. */

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  zip: 'application/zip',
};

export function contentTypeFor(filename: string, declared?: string): string {
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  const byName = CONTENT_TYPES[ext];
  if (byName) return byName;
  if (declared && declared !== 'application/octet-stream') return declared;
  return 'application/octet-stream';
}

/** Width and height of PNG, GIF and JPEG images; undefined for anything else. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 10 && bytes.toString('ascii', 0, 3) === 'GIF') {
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return undefined;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

/** Discord's CDN path shape, served by the emulator itself. */
export function attachmentUrl(origin: string, channelId: string, id: string, filename: string): string {
  return `${origin}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
}

export function makeAttachment(input: {
  id: string;
  origin: string;
  channelId: string;
  filename: string;
  bytes: Buffer;
  contentType?: string;
  description?: string;
}): StoredAttachment {
  const filename = input.filename.replace(/[^\w.-]+/g, '_') || 'file';
  const contentType = contentTypeFor(filename, input.contentType);
  const size = contentType.startsWith('image/') ? imageSize(input.bytes) : undefined;
  return {
    id: input.id,
    channelId: input.channelId,
    filename,
    contentType,
    size: input.bytes.length,
    bytes: input.bytes,
    url: attachmentUrl(input.origin, input.channelId, input.id, filename),
    ...(input.description ? { description: input.description } : {}),
    ...(size ? { width: size.width, height: size.height } : {}),
  };
}
