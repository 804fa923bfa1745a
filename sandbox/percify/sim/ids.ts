import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Percify ids are a type prefix plus 12 lowercase alphanumerics, e.g. `avatar_k3j9x0q2m1ab`. */
export function newId(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 12; i += 1) suffix += ALPHABET[randomInt(ALPHABET.length)] ?? 'x';
  return `${prefix}_${suffix}`;
}

/** ISO 8601 without milliseconds, as the docs show (`2025-11-25T06:10:00Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
