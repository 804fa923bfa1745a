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
  return serialize(envelope);
}

/** The stored value, or undefined when there is none or it has expired. */
export function decodeValue<T>(raw: string | undefined, now = Date.now()): T | undefined {
  if (raw === undefined) return undefined;
  const envelope = deserialize(raw) as Envelope;
  if (typeof envelope.expires === 'number' && now > envelope.expires) return undefined;
  // Keyv answers null for some backends' misses; JSON null is never stored on purpose.
  const value = envelope.value;
  return value === null || value === undefined ? undefined : (value as T);
}

/**
 * Keyv's format differs from plain JSON only in strings that start with ':' (stored with one more
 * ':', and ':base64:…' read back as a Buffer); the store's values are plain JSON, never Buffers. Such
 * a string shows in JSON text as a quote followed by ':' where a value begins: after ':' (a member),
 * '[' or ',' (an element), with JSON's optional white space. Text without that pattern is read and
 * written by the native JSON functions, which give the same result several times faster than Keyv's
 * own (a JavaScript walk, a parse with a reviver): a member's record of 20 entries costs ~0.3 ms
 * less per transaction. Text with it (or a key that merely looks like it) goes through Keyv's.
 */
const COLON_STRING = /^\s*":|[:,[]\s*":/;

function serialize(envelope: Envelope): string {
  const text = JSON.stringify(envelope);
  return COLON_STRING.test(text) ? defaultSerialize(envelope) : text;
}

function deserialize(raw: string): unknown {
  return COLON_STRING.test(raw) ? defaultDeserialize(raw) : JSON.parse(raw);
}
