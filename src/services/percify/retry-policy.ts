/**
 * When a failed attempt may be sent again, and how long to wait first.
 *
 * Reads, deletes and patches are idempotent: retried on 429, 5xx, network errors and timeouts.
 * Generation POSTs spend credits, so they are resent ONLY when the server surely did nothing with
 * them: the connection was refused before anything was sent, or the server answered 429 / 503
 * (both mean "not accepted, come back later"). Any other failure after the body may have reached the
 * server becomes "outcome unknown" — including a 500, 502 or 504: an internal error can happen after
 * the job was queued and charged (or a gateway can lose the answer to a request the backend took),
 * so a blind resend risks a double charge. The caller reconciles instead.
 */

export type RequestKind = 'idempotent' | 'generation';

/** How an attempt ended without a usable HTTP answer. */
export type TransportFailure = 'not-sent' | 'timeout' | 'reset';

export type AttemptVerdict = 'retry' | 'fail' | 'outcome-unknown';

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's connect errors can arrive wrapped (AggregateError for multi-address hosts, or `cause`).
  const nested = (error as { cause?: unknown; errors?: unknown }).cause;
  if (nested !== undefined) return errorCode(nested);
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  return undefined;
}

export function classifyTransportError(error: unknown): TransportFailure {
  const code = errorCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) return 'not-sent';
  if (code !== undefined && TIMEOUT_CODES.has(code)) return 'timeout';
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError.
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  // A reset or close: the request may or may not have been read.
  return 'reset';
}

export function verdictForStatus(kind: RequestKind, status: number): AttemptVerdict {
  if (status === 429) return 'retry';
  if (status >= 500) {
    if (kind === 'idempotent' || status === 503) return 'retry';
    return 'outcome-unknown';
  }
  return 'fail';
}

export function verdictForTransport(kind: RequestKind, failure: TransportFailure): AttemptVerdict {
  if (kind === 'idempotent' || failure === 'not-sent') return 'retry';
  return 'outcome-unknown';
}

export interface BackoffOptions {
  retryBaseMs: number;
  retryMaxMs: number;
  random: () => number;
}

/**
 * Capped exponential backoff with full jitter: a random wait in [0, min(max, base × 2^retry)).
 * A server-given wait (Retry-After, seconds) is a floor: we never come back sooner than asked.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions, retryAfterSeconds?: number): number {
  const ceiling = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** retry);
  const jittered = Math.floor(options.random() * ceiling);
  if (retryAfterSeconds === undefined) return jittered;
  return Math.max(jittered, Math.ceil(retryAfterSeconds * 1000));
}
