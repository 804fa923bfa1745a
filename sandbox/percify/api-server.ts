import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError } from './api-error.js';
import { readJsonBody, sendJson } from './http-io.js';
import { IdempotencyCache } from './idempotency-cache.js';
import { SlidingWindowLimiter } from './rate-limiter.js';
import { accountRoutes, audioRoutes } from './routes/audio-routes.js';
import { avatarRoutes } from './routes/avatar-routes.js';
import type { RouteResult } from './routes/route-types.js';
import { Router } from './routes/router.js';
import { videoRoutes } from './routes/video-routes.js';
import type { SimState } from './sim-state.js';
import type { SimRequestRecord } from './types.js';

const MAX_LOGGED_REQUESTS = 10_000;

export interface ApiServerOptions {
  state: SimState;
  apiKey: string | undefined;
  rateLimitPerMinute: number;
}

/**
 * The HTTP front: media under /media (no auth, no rate limit, like a CDN), the API under /v1. Each API
 * call passes, in order: the unreachable and hang faults, latency, auth, the rate limit, the 500/429
 * fault switches, idempotency replay, then the route.
 */
export class ApiServer {
  readonly server: Server;
  readonly requests: SimRequestRecord[] = [];
  private readonly router = new Router([...avatarRoutes, ...videoRoutes, ...audioRoutes, ...accountRoutes]);
  private readonly limiter: SlidingWindowLimiter;
  private readonly idempotency = new IdempotencyCache();
  private readonly heldSockets = new Set<Socket>();

  constructor(private readonly options: ApiServerOptions) {
    this.limiter = new SlidingWindowLimiter(options.rateLimitPerMinute, options.state.now);
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        options.state.logger.error({ err: error }, 'simulator request crashed');
        if (!response.headersSent)
          sendJson(response, 500, new ApiError(500, 'internal_error', 'Internal error').toBody());
        else response.destroy();
      });
    });
  }

  /** Ends held (hung) connections so close() does not wait for them. */
  releaseHeld(): void {
    for (const socket of this.heldSockets) socket.destroy();
    this.heldSockets.clear();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { state } = this.options;
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const method = request.method ?? 'GET';
    if (url.pathname.startsWith('/media/') && (method === 'GET' || method === 'HEAD')) {
      if (!(await state.media.serve(url.pathname, request, response))) {
        sendJson(response, 404, new ApiError(404, 'not_found', 'No such media file').toBody());
      }
      return;
    }
    if (url.pathname === '/health') {
      sendJson(response, 200, { ok: true });
      return;
    }
    const idempotencyKey = headerValue(request, 'idempotency-key');
    const record: SimRequestRecord = { method, path: url.pathname, status: 0, at: state.now() };
    if (idempotencyKey !== undefined) record.idempotencyKey = idempotencyKey;
    this.log(record);

    const { faults } = state;
    if (faults.unreachable) {
      // A reset, not a clean close: what a client sees when the API is down.
      const socket = request.socket as Socket & { resetAndDestroy?: () => void };
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
      return;
    }
    if (faults.hangBurst > 0) {
      faults.hangBurst -= 1;
      this.heldSockets.add(request.socket);
      request.socket.once('close', () => this.heldSockets.delete(request.socket));
      return;
    }
    if (faults.latencyMs > 0) await state.sleep(faults.latencyMs);

    const result = await this.answer(request, url, method, idempotencyKey);
    record.status = result.status;
    sendJson(response, result.status, result.body, result.headers);
  }

  private async answer(
    request: IncomingMessage,
    url: URL,
    method: string,
    idempotencyKey: string | undefined,
  ): Promise<RouteResult & { headers: Record<string, string> }> {
    const { state, apiKey: expectedKey } = this.options;
    const apiKey = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(request, 'authorization') ?? '')?.[1];
    if (apiKey === undefined || (expectedKey !== undefined && apiKey !== expectedKey)) {
      const error = new ApiError(
        401,
        'authentication_required',
        'A valid API key is required: Authorization: Bearer <key>',
      );
      return { status: 401, body: error.toBody(), headers: { 'WWW-Authenticate': 'Bearer' } };
    }
    const window = this.limiter.take(apiKey);
    const headers = {
      'X-RateLimit-Limit': String(this.limiter.limit),
      'X-RateLimit-Remaining': String(window.remaining),
      'X-RateLimit-Reset': String(Math.ceil(window.resetAt / 1000)),
    };
    const fail = (error: ApiError) => ({ status: error.status, body: error.toBody(), headers });
    if (!window.allowed) return fail(rateLimited(window.retryAfterSeconds, this.limiter.limit));
    const { faults } = state;
    if (faults.serverErrorBurst > 0 || Math.random() < faults.serverErrorRate) {
      faults.serverErrorBurst = Math.max(0, faults.serverErrorBurst - 1);
      return fail(new ApiError(500, 'internal_error', 'An internal error occurred. Please retry later.'));
    }
    if (faults.rateLimitBurst > 0) {
      faults.rateLimitBurst -= 1;
      return fail(rateLimited(faults.retryAfterSeconds, this.limiter.limit));
    }
    try {
      const { handler, params } = this.router.match(method, url.pathname);
      const run = async () => {
        try {
          return await handler({ state, params, query: url.searchParams, body: () => readJsonBody(request) });
        } catch (error) {
          if (error instanceof ApiError) return { status: error.status, body: error.toBody() };
          throw error;
        }
      };
      if (idempotencyKey === undefined || method !== 'POST') return { ...(await run()), headers };
      const { result, replayed } = await this.idempotency.run(
        [apiKey, method, url.pathname, idempotencyKey],
        run,
      );
      return { ...result, headers: replayed ? { ...headers, 'Idempotent-Replayed': 'true' } : headers };
    } catch (error) {
      if (error instanceof ApiError) return fail(error);
      throw error;
    }
  }

  private log(record: SimRequestRecord): void {
    this.requests.push(record);
    if (this.requests.length > MAX_LOGGED_REQUESTS)
      this.requests.splice(0, this.requests.length - MAX_LOGGED_REQUESTS);
  }
}

function rateLimited(retryAfter: number, limit: number): ApiError {
  return new ApiError(429, 'rate_limit_exceeded', `Too many requests. Try again in ${retryAfter} seconds`, {
    retryAfter,
    limit,
    window: '1m',
  });
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
