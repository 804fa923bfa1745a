import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `prefix_` + 12 lowercase alphanumerics, like the docs' examples (`avatar_abc123`). */
export function newId(prefix: 'avatar' | 'video' | 'audio' | 'evt'): string {
  const bytes = randomBytes(12);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${suffix}`;
}

/** ISO 8601 in UTC without fractional seconds, as every docs example shows. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
