/**
 * Secrets blanked out of every log line: values under these keys (any case) at any depth, and the
 * interaction token inside a Discord URL (`/webhooks/<app>/<token>/…`, `/interactions/<id>/<token>/…`),
 * where an error's `url` carries it. Anyone holding an interaction token can edit the reply.
 *
 * Written here instead of pino's `redact` option: pino 10's redactor (@pinojs/redact) clones the
 * log object for every line when a path starts with a wildcard, which under the full load was 18 %
 * of everything the bot allocated (issue 19). This walk copies only what it changes, so a line with
 * no secret (nearly all of them) allocates nothing, and it is stricter: any depth, any case, URLs.
 * Binary data (a refused upload's files, kept on Discord's error) is logged as its size only.
 */
const SECRET_KEYS = new Set(
  [
    'token',
    'interactionToken',
    'apiKey',
    'secret',
    'webhookSecret',
    'authorization',
    'DISCORD_TOKEN',
    'PERCIFY_API_KEY',
    'PERCIFY_WEBHOOK_SECRET',
  ].map((key) => key.toLowerCase()),
);

const CENSOR = '[redacted]';

/** Deeper than any log object the bot writes; past it values are left as they are. */
const MAX_DEPTH = 8;

const TOKEN_IN_URL = /\/(webhooks|interactions)\/(\d+)\/[\w.-]+/g;

/** `value` with its secrets censored; the very same value when it has none. Never mutates. */
export function redactSecrets<T>(value: T): T {
  return redact(value, 0) as T;
}

function redact(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  // Errors are censored after pino's serializer has made them plain (see createLogger); dates and
  // collections hold no keys of their own to censor.
  if (value instanceof Error || value instanceof Date) return value;
  if (value instanceof Map || value instanceof Set) return value;
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    let copy: unknown[] | undefined;
    items.forEach((item, index) => {
      const next = redact(item, depth + 1);
      if (next !== item) (copy ??= [...items])[index] = next;
    });
    return copy ?? items;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const next =
      SECRET_KEYS.has(key.toLowerCase()) && item !== undefined && item !== null
        ? CENSOR
        : redact(item, depth + 1);
    if (next !== item) (copy ??= { ...record })[key] = next;
  }
  return copy ?? value;
}

function redactString(text: string): string {
  if (!text.includes('/webhooks/') && !text.includes('/interactions/')) return text;
  return text.replace(TOKEN_IN_URL, `/$1/$2/${CENSOR}`);
}
