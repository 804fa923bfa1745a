import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';

/**
 * Values exactly as Keyv 5 stores them (`{"value":…,"expires":…}` through @keyv/serialize), so that
 * a plain Keyv on the same database reads the store's data and the store reads Keyv's, expiry
 * included.
 */

interface Envelope {
  value?: unknown;
  expires?: number | null;
}

export function encodeValue(value: unknown, ttlMs?: number): string {
  const envelope: Envelope = { value };
  if (ttlMs !== undefined) envelope.expires = Date.now() + ttlMs;
  return defaultSerialize(envelope);
}

/** The stored value, or undefined when there is none or it has expired. */
export function decodeValue<T>(raw: string | undefined, now = Date.now()): T | undefined {
  if (raw === undefined) return undefined;
  const envelope = defaultDeserialize<Envelope>(raw);
  if (typeof envelope.expires === 'number' && now > envelope.expires) return undefined;
  // Keyv answers null for some backends' misses; JSON null is never stored on purpose.
  const value = envelope.value;
  return value === null || value === undefined ? undefined : (value as T);
}
