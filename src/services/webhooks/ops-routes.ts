import type { ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../metrics.js';
import { sendJson } from './replies.js';

export interface HealthCheck {
  ok: boolean;
  detail?: string;
}

export interface HealthReport {
  ok: boolean;
  checks: Record<string, HealthCheck>;
}

/** The bot passes its own checks (store reachable, gateway connected). */
export type HealthProbe = () => HealthReport | Promise<HealthReport>;

/**
 * GET /healthz: 200 with the report when healthy, 503 with the reasons otherwise. A probe that
 * throws or hangs is itself a failed check: an orchestrator must get an answer, not a timeout.
 */
export async function answerHealth(
  response: ServerResponse,
  probe: HealthProbe,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<HealthReport>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ ok: false, checks: { health: { ok: false, detail: `no answer within ${timeoutMs} ms` } } }),
      timeoutMs,
    );
  });
  let report: HealthReport;
  try {
    report = await Promise.race([Promise.resolve().then(probe), timedOut]);
  } catch (error) {
    logger.warn({ err: error }, 'health probe failed');
    report = { ok: false, checks: { health: { ok: false, detail: 'health probe threw an error' } } };
  } finally {
    clearTimeout(timer);
  }
  // Overall health cannot be better than its worst check, whatever the probe claimed.
  const ok = report.ok && Object.values(report.checks).every((check) => check.ok);
  sendJson(response, ok ? 200 : 503, { ok, checks: report.checks });
}

/** GET /metrics: Prometheus text exposition. */
export async function answerMetrics(
  response: ServerResponse,
  metrics: Metrics,
  logger: Logger,
): Promise<void> {
  try {
    const { contentType, body } = await metrics.render();
    response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    response.end(body);
  } catch (error) {
    logger.error({ err: error }, 'rendering metrics failed');
    sendJson(response, 500, { error: 'metrics unavailable' });
  }
}
