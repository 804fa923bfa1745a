import { ApiError } from './errors.js';
import { readImageHeader, type ImageHeader } from './image-probe.js';

/**
 * Percify Yourself's file limits are unspecified in the docs (§3.7); these are the simulator's, and
 * every refusal names the limit it broke so a client can show it before spending anything.
 */
export const PHOTO_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  /** Longest side: larger photos only cost upload time, the result is 1024 px. */
  maxSide: 4096,
  /** Shortest side: below this a face is too small to be "clear, front-facing". */
  minSide: 256,
  formats: ['png', 'jpeg', 'webp'],
} as const;

const invalidImage = (message: string, details: Record<string, unknown>): ApiError =>
  new ApiError(400, 'invalid_image', message, { field: 'image', ...details });

/** Throws `invalid_image` unless the bytes are a PNG, JPEG or WebP within the limits. */
export function checkPhoto(bytes: Buffer): ImageHeader {
  if (bytes.length > PHOTO_LIMITS.maxBytes) {
    throw invalidImage(`Image is too large: ${bytes.length} bytes, at most ${PHOTO_LIMITS.maxBytes}`, {
      reason: 'file_too_large',
      size: bytes.length,
      maxBytes: PHOTO_LIMITS.maxBytes,
    });
  }
  const header = readImageHeader(bytes);
  if (!header) {
    throw invalidImage('Image must be a PNG, JPEG or WebP file', {
      reason: 'unsupported_format',
      accepted: [...PHOTO_LIMITS.formats],
    });
  }
  const { width, height } = header;
  if (Math.max(width, height) > PHOTO_LIMITS.maxSide || Math.min(width, height) < PHOTO_LIMITS.minSide) {
    throw invalidImage(
      `Image is ${width}x${height} pixels; each side must be ${PHOTO_LIMITS.minSide}-${PHOTO_LIMITS.maxSide}`,
      { reason: 'dimensions', width, height, minSide: PHOTO_LIMITS.minSide, maxSide: PHOTO_LIMITS.maxSide },
    );
  }
  return header;
}
