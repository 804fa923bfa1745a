import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logger.js';
import { createMetrics, type Metrics } from '../metrics.js';
import { MAX_WEBHOOK_BODY_BYTES } from './body.js';
import type { DedupeOptions } from './dedupe.js';
import { createDeliveryHandler, type WebhookEventHandler } from './delivery-handler.js';
import { MissingWebhookSecretError } from './errors.js';
import { answerHealth, answerMetrics, type HealthProbe } from './ops-routes.js';
import { sendJson } from './replies.js';

export const HEALTH_PATH = '/healthz';
export const METRICS_PATH = '/metrics';

export interface WebhookServerOptions {
  host: string;
  /** 0 picks a free port; the bound one is returned. */
  port: number;
  /** The webhook path, e.g. `/webhooks/percify`. */
  path: string;
  /** PERCIFY_WEBHOOK_SECRET; without it the server refuses to start. */
  secret: string | undefined;
  logger: Logger;
  /** Called after the 200 was sent; its errors are logged, never surfaced to Percify. */
  onEvent: WebhookEventHandler;
  /** Backs GET /healthz; without it the endpoint reports healthy when the listener is up. */
  health?: HealthProbe;
  /** Backs GET /metrics and counts deliveries; a private set is created when omitted. */
  metrics?: Metrics;
  /** Defaults to 1 MiB. */
  maxBodyBytes?: number;
  /** How long /healthz waits for the probe before answering 503. Defaults to 5 s. */
  healthTimeoutMs?: number;
  dedupe?: DedupeOptions;
}

export interface WebhookServer {
  /** Full URL of the webhook path as bound, e.g. `http://127.0.0.1:41234/webhooks/percify`. */
  url: string;
  port: number;
  /** Stops accepting connections; in-flight answers get a moment to finish. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 2_000;

/** Starts the HTTP listener for Percify webhooks, /healthz and /metrics. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { host, port, path, secret, logger } = options;
  if (secret === undefined || secret === '') throw new MissingWebhookSecretError();
  if (!path.startsWith('/') || path === HEALTH_PATH || path === METRICS_PATH) {
    throw new Error(`WEBHOOK_PATH must start with / and differ from ${HEALTH_PATH} and ${METRICS_PATH}`);
  }
  const metrics = options.metrics ?? createMetrics();
  const health: HealthProbe = options.health ?? (() => ({ ok: true, checks: {} }));
  const healthTimeoutMs = options.healthTimeoutMs ?? 5_000;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  const handleDelivery = createDeliveryHandler({
    secret,
    logger,
    onEvent: options.onEvent,
    metrics,
    maxBodyBytes,
    ...(options.dedupe ? { dedupe: options.dedupe } : {}),
  });

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const pathname = pathOf(request.url);
    const method = request.method ?? 'GET';
    if (pathname === path) {
      if (method === 'POST') return handleDelivery(request, response);
      metrics.countWebhookDelivery('method_not_allowed');
      return sendJson(response, 405, { error: 'Method not allowed' }, { Allow: 'POST' });
    }
    if (pathname === HEALTH_PATH || pathname === METRICS_PATH) {
      if (method !== 'GET' && method !== 'HEAD') {
        return sendJson(response, 405, { error: 'Method not allowed' }, { Allow: 'GET, HEAD' });
      }
      return pathname === HEALTH_PATH
        ? answerHealth(response, health, healthTimeoutMs, logger)
        : answerMetrics(response, metrics, logger);
    }
    sendJson(response, 404, { error: 'Not found' });
  };

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'webhook server request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
      else response.destroy();
    });
  };

  // A slow client must not hold a connection for long: Percify sends a few hundred bytes at once.
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, onRequest);
  // `Expect: 100-continue` with a body over the limit gets its 413 without inviting the body first.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    if (!(Number(request.headers['content-length']) > maxBodyBytes)) response.writeContinue();
    onRequest(request, response);
  });
  server.on('clientError', (error, socket) => {
    logger.debug({ err: error }, 'webhook server client error');
    if (!socket.writable) return socket.destroy();
    const code = (error as NodeJS.ErrnoException).code;
    const statusLine =
      code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${statusLine}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'webhook server error'));

  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}${path}`;
  logger.info({ url }, 'Percify webhook listener started');

  return {
    url,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** The path part of a request target, or undefined when it cannot be parsed (→ 404). */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://listener.invalid').pathname;
  } catch {
    return undefined;
  }
}
