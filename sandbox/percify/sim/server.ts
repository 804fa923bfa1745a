import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiError } from './errors.js';
import type { FaultSwitches } from './faults.js';
import type { MediaStore } from './media-store.js';
import { isMultipart, parseMultipart, type UploadForm } from './multipart.js';
import { RateLimiter } from './rate-limit.js';

export interface RouteRequest {
  params: string[];
  query: URLSearchParams;
  /** The JSON body; `undefined` when the request was an upload. */
  body: unknown;
  /** The parsed `multipart/form-data` body, when the request was one. */
  form: UploadForm | undefined;
  idempotencyKey: string | undefined;
}
export interface RouteAnswer {
  status: number;
  body: unknown;
}
export interface Route {
  method: string;
  pattern: RegExp;
  handle(request: RouteRequest): RouteAnswer | Promise<RouteAnswer>;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  at: number;
  idempotencyKey?: string;
}

export interface ServerSetup {
  routes: Route[];
  faults: FaultSwitches;
  media: MediaStore;
  apiKey: string | undefined;
  rateLimitPerMinute: number;
  speed: number;
  now: () => number;
  requests: RequestRecord[];
  onError: (error: unknown) => void;
}

const MAX_JSON_BYTES = 1024 * 1024;
/**
 * Uploads (a photo, a voice sample) are capped per file at 10 MB by their routes; the whole body may
 * be a little larger so that a slightly oversized file still gets the route's descriptive error.
 */
export const MAX_MULTIPART_BYTES = 16 * 1024 * 1024;

interface RawBody {
  bytes: Buffer;
  /** More than the cap arrived; the rest was read and dropped so the client can read the answer. */
  tooLarge: boolean;
}

function readBody(request: IncomingMessage, cap: number): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= cap) chunks.push(chunk);
    });
    request.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge: size > cap }));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_request', 'Request body is not valid JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown, record: RequestRecord): void {
  record.status = status;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The HTTP front: fault switches, auth, rate limit, idempotency replay, then the route. */
export function createSimServer(setup: ServerSetup): Server {
  const limiter = new RateLimiter(setup.rateLimitPerMinute, setup.now, setup.speed);
  const replays = new Map<string, RouteAnswer>();
  const { faults } = setup;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const rawUrl = request.url ?? '/';
    const url = new URL(rawUrl, 'http://sim');
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' && header !== '' ? header : undefined;
    const record: RequestRecord = { method, path: rawUrl, status: 0, at: setup.now() };
    if (idempotencyKey !== undefined) record.idempotencyKey = idempotencyKey;
    setup.requests.push(record);

    if (url.pathname.startsWith('/media/')) return await serveMedia(request, response, url.pathname, record);
    if (faults.unreachable) {
      request.socket.destroy();
      return;
    }
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.hangBurst > 0) {
      faults.hangBurst -= 1;
      return; // never answered; the socket is destroyed when the simulator closes
    }
    const contentType = request.headers['content-type'];
    const upload = isMultipart(contentType);
    const raw = await readBody(request, upload ? MAX_MULTIPART_BYTES : MAX_JSON_BYTES);
    try {
      const key = bearer(request.headers.authorization);
      if (
        faults.serverErrorBurst > 0 ||
        (faults.serverErrorRate > 0 && Math.random() < faults.serverErrorRate)
      ) {
        if (faults.serverErrorBurst > 0) faults.serverErrorBurst -= 1;
        throw new ApiError(500, 'internal_error', 'An internal error occurred. Please try again.');
      }
      if (faults.rateLimitBurst > 0) {
        faults.rateLimitBurst -= 1;
        throw rateLimited(faults.retryAfterSeconds, setup.rateLimitPerMinute);
      }
      if (key === undefined || (setup.apiKey !== undefined && key !== setup.apiKey)) {
        throw new ApiError(401, 'authentication_required', 'A valid API key is required');
      }
      const window = limiter.take(key);
      response.setHeader('x-ratelimit-limit', String(setup.rateLimitPerMinute));
      response.setHeader('x-ratelimit-remaining', String(window.remaining));
      response.setHeader('x-ratelimit-reset', String(window.resetEpochSeconds));
      if (!window.allowed) throw rateLimited(window.retryAfterSeconds, setup.rateLimitPerMinute);

      const replayKey =
        idempotencyKey === undefined ? undefined : `${method} ${url.pathname} ${idempotencyKey}`;
      const replay = replayKey === undefined ? undefined : replays.get(replayKey);
      if (replay) return send(response, replay.status, replay.body, record);

      const route = findRoute(setup.routes, method, url.pathname);
      if (!route) throw new ApiError(404, 'not_found', `No route for ${method} ${url.pathname}`);
      if (raw.tooLarge) {
        const cap = upload ? MAX_MULTIPART_BYTES : MAX_JSON_BYTES;
        throw new ApiError(413, 'invalid_request', 'Request body too large', { maxBytes: cap });
      }
      const answer = await route.route.handle({
        params: route.params,
        query: url.searchParams,
        body: upload ? undefined : parseJson(raw.bytes.toString('utf8')),
        form: upload && contentType !== undefined ? await parseMultipart(contentType, raw.bytes) : undefined,
        idempotencyKey,
      });
      if (replayKey !== undefined && method !== 'GET' && answer.status < 500) replays.set(replayKey, answer);
      send(response, answer.status, answer.body, record);
    } catch (error) {
      if (error instanceof ApiError) return send(response, error.status, error.body(), record);
      setup.onError(error);
      send(response, 500, new ApiError(500, 'internal_error', 'An internal error occurred').body(), record);
    }
  }

  async function serveMedia(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    record: RequestRecord,
  ): Promise<void> {
    const file = await setup.media.get(path);
    if (!file) return send(response, 404, new ApiError(404, 'not_found', 'No such media').body(), record);
    if (request.method === 'HEAD' && setup.faults.refuseMediaHead) {
      record.status = 403;
      response.writeHead(403).end();
      return;
    }
    record.status = 200;
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.bytes.length,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    response.end(request.method === 'HEAD' ? undefined : file.bytes);
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      setup.onError(error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function rateLimited(retryAfter: number, limit: number): ApiError {
  return new ApiError(429, 'rate_limit_exceeded', `Too many requests. Try again in ${retryAfter} seconds`, {
    retryAfter,
    limit,
    window: '1m',
  });
}

function findRoute(
  routes: Route[],
  method: string,
  pathname: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (match) return { route, params: match.slice(1).map((part) => decodeURIComponent(part ?? '')) };
  }
  return undefined;
}
