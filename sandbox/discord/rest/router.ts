import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from '../core.js';
import { BodyParseError, parseRequestBody } from '../multipart.js';
import { DiscordHttpError, entityTooLarge, methodNotAllowed, notFound, unauthorized } from '../errors.js';
import type { RestLogEntry } from '../types.js';
import { RateLimits } from './rate-limits.js';
import type { RouteDefinition } from './route-types.js';

/** Requests larger than this are refused before parsing (the largest guild limit plus form overhead). */
const MAX_BODY_BYTES = 101 * 1024 * 1024;

interface Match {
  route: RouteDefinition;
  params: Record<string, string>;
}

function matchRoute(
  routes: RouteDefinition[],
  method: string,
  segments: string[],
): Match | 'wrong-method' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const parts = route.pattern.split('/').slice(1);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? 'wrong-method' : undefined;
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Keep draining past the limit so the client reads our 413 instead of a reset connection.
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? 'too-large' : Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Handles one request under /api: faults, auth, body parsing, the route, headers and the REST log. */
export function createApiHandler(core: EmulatorCore, routes: RouteDefinition[]) {
  const rateLimits = new RateLimits();
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const arrivedAt = performance.now();
    const method = req.method ?? 'GET';
    const rawPath = url.pathname.replace(/^\/api(\/v\d+)?/, '');
    const segments = rawPath.split('/').slice(1).map(safeDecode);
    const path = `/${segments.join('/')}`;
    const label = `${method} ${path}`;
    const entry: RestLogEntry = {
      at: core.clock.now(),
      method,
      path,
      query: url.search,
      route: path,
      status: 0,
      valid: true,
    };
    core.store.restLog.push(entry);
    const finish = (status: number, body: unknown, headers: Record<string, string>): void => {
      entry.status = status;
      const code = typeof body === 'object' && body !== null ? Reflect.get(body, 'code') : undefined;
      if (status >= 400 && typeof code === 'number') entry.code = code;
      sendJson(res, status, body, headers);
    };

    const match = matchRoute(routes, method, segments);
    const route = match && match !== 'wrong-method' ? match.route : undefined;
    if (route) entry.route = route.pattern;
    const routeName = `${method} ${route?.pattern ?? path}`;
    const bucketKey = `${routeName} ${route?.major && match !== 'wrong-method' ? match?.params[route.major] : ''}`;

    const injected =
      core.faults.rateLimit.remaining429 > 0 ? rateLimits.takeInjected(core.faults, label) : undefined;
    if (injected) {
      entry.injected = 'rate-limit';
      const bucket = injected.body.global
        ? {}
        : {
            ...rateLimits.headersFor(bucketKey, routeName),
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-after': injected.headers['retry-after'] ?? '1',
          };
      await readBody(req, MAX_BODY_BYTES);
      finish(429, injected.body, { ...bucket, ...injected.headers });
      return;
    }
    const headers = rateLimits.headersFor(bucketKey, routeName);
    if (
      core.faults.serverErrors > 0 &&
      (!core.faults.serverErrorRoute || label.includes(core.faults.serverErrorRoute))
    ) {
      core.faults.serverErrors -= 1;
      entry.injected = 'server-error';
      await readBody(req, MAX_BODY_BYTES);
      finish(500, { message: '500: Internal Server Error', code: 0 }, headers);
      return;
    }

    try {
      if (match === undefined) throw notFound();
      if (match === 'wrong-method') throw methodNotAllowed();
      if (match.route.auth === 'bot' && req.headers.authorization !== `Bot ${core.settings.botToken}`)
        throw unauthorized();
      const raw = await readBody(req, MAX_BODY_BYTES);
      if (raw === 'too-large') throw entityTooLarge();
      let parsed;
      try {
        parsed = await parseRequestBody(raw, req.headers['content-type']);
      } catch (error) {
        if (error instanceof BodyParseError) throw new DiscordHttpError(400, 50109, error.message);
        throw error;
      }
      entry.body = parsed.payload;
      if (parsed.files.length > 0)
        entry.files = parsed.files.map((f) => ({
          name: f.field,
          filename: f.filename,
          size: f.bytes.length,
        }));
      const result = await match.route.handle({
        core,
        params: match.params,
        query: url.searchParams,
        body: parsed.payload,
        files: parsed.files,
        arrivedAt,
      });
      finish(result.status, result.body, headers);
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        if (error.code === 50035) {
          entry.valid = false;
          entry.errors = error.errors;
        }
        finish(error.status, error.body(), headers);
        return;
      }
      core.logger.error({ err: error, route: label }, 'discord emulator route failed');
      finish(500, { message: '500: Internal Server Error', code: 0 }, headers);
    }
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
