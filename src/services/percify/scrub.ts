/**
 * Removes a secret from an error answer before it can reach an error message, a log line or error
 * details: a server that echoes the Authorization header back must not leak the key through us.
 * Works on parsed JSON (every string, at any depth) so successful data is never touched.
 */
export function scrubSecret<T>(value: T, secret: string): T {
  if (secret === '') return value;
  return scrub(value, secret) as T;
}

function scrub(value: unknown, secret: string): unknown {
  if (typeof value === 'string')
    return value.includes(secret) ? value.split(secret).join('[redacted]') : value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secret));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, secret)]));
  }
  return value;
}
