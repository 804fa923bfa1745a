import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../metrics.js';
import { answerHealth, answerMetrics, type HealthProbe } from '../webhooks/ops-routes.js';
import { sendJson } from '../webhooks/replies.js';

export const LIVENESS_PATH = '/livez';
export const READINESS_PATH = '/readyz';
export const OPS_METRICS_PATH = '/metrics';

export interface OpsServerOptions {
  host: string;
  /** 0 picks a free port; the bound one is returned. */
  port: number;
  logger: Logger;
  metrics: Metrics;
  readiness: HealthProbe;
  /** How long /readyz waits for its checks before answering 503 (default 5 s). */
  readinessTimeoutMs?: number;
}

export interface OpsServer {
  /** e.g. `http://127.0.0.1:9464` */
  url: string;
  close(): Promise<void>;
}

/**
 * The operator's own listener: /metrics for Prometheus, /livez (the process answers) and /readyz (it
 * can do its work) for an orchestrator. Apart from the webhook listener, so it exists with webhooks
 * disabled and can stay on a private address while the webhook port faces the internet.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const { logger } = options;
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const pathname = (request.url ?? '/').split('?')[0];
    const known = [LIVENESS_PATH, READINESS_PATH, OPS_METRICS_PATH];
    if (!pathname || !known.includes(pathname)) return sendJson(response, 404, { error: 'Not found' });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, { error: 'Method not allowed' }, { Allow: 'GET, HEAD' });
    }
    if (pathname === LIVENESS_PATH) return sendJson(response, 200, { ok: true });
    if (pathname === READINESS_PATH) {
      return answerHealth(response, options.readiness, options.readinessTimeoutMs ?? 5_000, logger);
    }
    return answerMetrics(response, options.metrics, logger);
  };

  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, (request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'metrics listener request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'metrics listener error'));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url }, 'metrics, /livez and /readyz listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
