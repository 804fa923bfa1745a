import { setTimeout as delay } from 'node:timers/promises';
import { type FormData, Pool, Response } from 'undici';
import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { errorFromResponse } from './error-mapper.js';
import type { PercifyError } from './errors.js';
import {
  NetworkError,
  OutcomeUnknownError,
  PercifyResponseError,
  RateLimitedError,
  TimeoutError,
} from './errors.js';
import { SlidingWindowLimiter, type Sleep } from './rate-limiter.js';
import {
  backoffDelayMs,
  classifyTransportError,
  type RequestKind,
  type TransportFailure,
  verdictForStatus,
  verdictForTransport,
} from './retry-policy.js';
import { scrubSecret } from './scrub.js';

/** What the metrics hook sees for every attempt. `status` is undefined when no answer came. */
export interface RequestInfo {
  method: string;
  /** Templated, e.g. `/avatars/:id`, so metrics labels stay few. */
  route: string;
  status: number | undefined;
  durationMs: number;
  /** 1 for the first try. */
  attempt: number;
  /** Error code when the attempt failed (`timeout`, `network_error`, `rate_limit_exceeded`, …). */
  errorCode?: string;
}

export interface PercifyHttpOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  rateLimitPerMinute: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** A 429 asking for a longer wait than this is not waited out; the RateLimitedError goes to the caller. */
  maxRetryAfterMs: number;
  random: () => number;
  sleep: Sleep;
  now: () => number;
  logger: Logger;
  onRequest?: (info: RequestInfo) => void;
}

export interface ApiCall<Schema extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A multipart upload (Percify Yourself, voice cloning) instead of a JSON body. */
  form?: FormData | undefined;
  idempotencyKey?: string | undefined;
  kind: RequestKind;
  /** Validates a 2xx answer; undefined for calls whose answer is ignored (deletes). */
  schema: Schema | undefined;
}

type AttemptResult =
  | { ok: true; value: unknown }
  | { ok: false; error: PercifyError; verdict: 'retry' | 'fail' | 'outcome-unknown' };

export const defaultSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
};

/**
 * One keep-alive connection pool to the API origin, with the client-side rate limiter, per-attempt
 * timeouts and the retry policy. Knows nothing about endpoints.
 */
export class PercifyHttp {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly limiter: SlidingWindowLimiter;
  private readonly closing = new AbortController();
  private readonly log: Logger;
  private inFlight = 0;

  constructor(private readonly options: PercifyHttpOptions) {
    const base = new URL(options.baseUrl);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new TypeError('The Percify base URL must be http(s)');
    }
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.pool = new Pool(base.origin, {
      connections: 16,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: Math.min(options.timeoutMs, 10_000) },
      keepAliveTimeout: 4_000,
    });
    this.limiter = new SlidingWindowLimiter({
      limit: options.rateLimitPerMinute,
      now: options.now,
      sleep: options.sleep,
    });
    this.log = options.logger.child({ component: 'percify-client' });
  }

  get origin(): string {
    return new URL(this.options.baseUrl).origin;
  }

  /** Calls waiting for a rate-limit slot. */
  pendingRequests(): number {
    return this.limiter.waiting;
  }

  inFlightRequests(): number {
    return this.inFlight;
  }

  async call<Schema extends z.ZodType>(call: ApiCall<Schema>): Promise<z.output<Schema>> {
    const path = this.buildPath(call);
    const { maxRetries } = this.options;
    // Encoded once, so a retry sends the very same bytes and boundary.
    const upload = call.form === undefined ? undefined : await encodeForm(call.form);
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.attempt(call, path, attempt, upload);
      if (result.ok) return result.value as z.output<Schema>;
      const { error, verdict } = result;
      if (verdict === 'outcome-unknown') {
        throw new OutcomeUnknownError(
          { method: call.method, path, idempotencyKey: call.idempotencyKey },
          { cause: error, status: error.status, requestId: error.requestId },
        );
      }
      if (verdict === 'fail' || attempt > maxRetries) throw error;
      const retryAfter = error instanceof RateLimitedError ? error.retryAfterSeconds : undefined;
      if (retryAfter !== undefined && retryAfter * 1000 > this.options.maxRetryAfterMs) throw error;
      const waitMs = backoffDelayMs(attempt - 1, this.options, retryAfter);
      this.log.warn(
        { method: call.method, route: call.route, attempt, waitMs, code: error.code },
        'retrying Percify call',
      );
      try {
        await this.options.sleep(waitMs, this.closing.signal);
      } catch {
        throw error;
      }
    }
  }

  /** Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.limiter.close();
    // Let answers already on their way arrive, but do not let a hung server hold shutdown.
    const graceful = this.pool.close().then(
      () => true,
      () => true,
    );
    const finished = await Promise.race([graceful, delay(2_000, false, { ref: false })]);
    if (!finished) await this.pool.destroy();
  }

  private buildPath(call: ApiCall<z.ZodType>): string {
    const route = call.route.replace(/:(\w+)/g, (_match, name: string) => {
      const value = call.params?.[name];
      if (value === undefined) throw new TypeError(`Missing route parameter ${name}`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams(call.query ?? {}).toString();
    return `${this.basePath}${route}${query === '' ? '' : `?${query}`}`;
  }

  private async attempt(
    call: ApiCall<z.ZodType>,
    path: string,
    attempt: number,
    upload: EncodedForm | undefined,
  ): Promise<AttemptResult> {
    await this.limiter.acquire();
    const started = performance.now();
    const report = (status: number | undefined, errorCode?: string): void => {
      const durationMs = Math.round(performance.now() - started);
      const info: RequestInfo = { method: call.method, route: call.route, status, durationMs, attempt };
      if (errorCode !== undefined) info.errorCode = errorCode;
      this.log.debug(info, 'Percify call');
      try {
        this.options.onRequest?.(info);
      } catch (hookError) {
        this.log.warn({ err: hookError }, 'onRequest hook threw');
      }
    };

    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: 'application/json',
    };
    if (upload !== undefined) headers['content-type'] = upload.contentType;
    else if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;

    this.inFlight += 1;
    let status: number;
    let text: string;
    let responseHeaders: Record<string, string | string[] | undefined>;
    try {
      const response = await this.pool.request({
        method: call.method,
        path,
        headers,
        body: upload?.bytes ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
        // undici's own header/body timeouts tick at about 1 s resolution; this deadline is exact
        // and also covers reading the body.
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await response.body.text();
    } catch (cause) {
      const failure = classifyTransportError(cause);
      const error = this.transportError(failure, cause);
      report(undefined, error.code);
      return { ok: false, error, verdict: verdictForTransport(call.kind, failure) };
    } finally {
      this.inFlight -= 1;
    }

    this.respectServerWindow(responseHeaders);
    const requestId = firstHeader(responseHeaders['x-request-id']);
    const body = parseJson(text);
    if (status >= 200 && status < 300) {
      report(status);
      if (call.schema === undefined) return { ok: true, value: undefined };
      const parsed = call.schema.safeParse(body);
      if (parsed.success) return { ok: true, value: parsed.data };
      const where = parsed.error.issues[0]?.path.join('.') || 'body';
      return {
        ok: false,
        // A generation answered 2xx was accepted (and will be charged) even if we cannot read the
        // answer: the caller must reconcile rather than treat it as refused.
        verdict: call.kind === 'generation' ? 'outcome-unknown' : 'fail',
        error: new PercifyResponseError(
          `Percify answered ${call.method} ${call.route} with an unexpected shape (at ${where})`,
          { status, requestId },
        ),
      };
    }
    const error = errorFromResponse({
      status,
      body: scrubSecret(body, this.options.apiKey),
      retryAfterHeader: firstHeader(responseHeaders['retry-after']),
      requestId,
    });
    report(status, error.code);
    // A definite answer (e.g. tier_limit_reached, even when sent as 429) is final, whatever the status.
    return { ok: false, error, verdict: error.retryable ? verdictForStatus(call.kind, status) : 'fail' };
  }

  /**
   * The server's own count wins over ours when it says the window is spent (another process may share
   * the key): hold further requests until its reset time, at most one window ahead.
   */
  private respectServerWindow(headers: Record<string, string | string[] | undefined>): void {
    const remaining = firstHeader(headers['x-ratelimit-remaining']);
    const reset = firstHeader(headers['x-ratelimit-reset']);
    if (remaining !== '0' || reset === undefined || !/^\d+$/.test(reset)) return;
    const now = this.options.now();
    const resetAt = Math.min(Number(reset) * 1000, now + 60_000);
    if (resetAt > now) this.limiter.pauseUntil(resetAt);
  }

  private transportError(failure: TransportFailure, cause: unknown): PercifyError {
    if (failure === 'timeout') return new TimeoutError(this.options.timeoutMs, { cause });
    const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    const label = typeof code === 'string' ? code : 'connection failed';
    const message =
      failure === 'not-sent'
        ? `Could not connect to Percify (${label})`
        : `The connection to Percify broke (${label})`;
    return new NetworkError(message, { cause });
  }
}

interface EncodedForm {
  bytes: Buffer;
  contentType: string;
}

/** undici's own multipart encoder (the one fetch uses), with the boundary it chose. */
async function encodeForm(form: FormData): Promise<EncodedForm> {
  const response = new Response(form);
  const contentType = response.headers.get('content-type');
  if (contentType === null) throw new TypeError('a multipart body has a content type');
  return { bytes: Buffer.from(await response.arrayBuffer()), contentType };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
