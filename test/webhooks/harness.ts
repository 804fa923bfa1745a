import { silentLogger } from '../../src/logger.js';
import { createMetrics, type Metrics } from '../../src/services/metrics.js';
import {
  signWebhookBody,
  startWebhookServer,
  type PercifyEvent,
  type WebhookEventHandler,
  type WebhookServer,
  type WebhookServerOptions,
} from '../../src/services/webhooks/index.js';

export const SECRET = 'whsec_test_0123456789abcdef';
export const WEBHOOK_PATH = '/webhooks/percify';

/** Records every event the listener hands over and lets a test wait for the n-th one. */
export class EventRecorder {
  readonly events: PercifyEvent[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  result: Awaited<ReturnType<WebhookEventHandler>> = 'handled';

  readonly onEvent: WebhookEventHandler = (event) => {
    this.record(event);
    return this.result;
  };

  record(event: PercifyEvent): void {
    this.events.push(event);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.events.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Resolves once `count` events were recorded; fails the test after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 3_000): Promise<void> {
    if (this.events.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} events, got ${this.events.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

export interface TestListener {
  server: WebhookServer;
  recorder: EventRecorder;
  metrics: Metrics;
  /** http://127.0.0.1:<port> without the webhook path. */
  origin: string;
}

export async function startTestListener(
  overrides: Partial<WebhookServerOptions> = {},
): Promise<TestListener> {
  const recorder = new EventRecorder();
  const metrics = overrides.metrics ?? createMetrics();
  const server = await startWebhookServer({
    host: '127.0.0.1',
    port: 0,
    path: WEBHOOK_PATH,
    secret: SECRET,
    logger: silentLogger(),
    onEvent: recorder.onEvent,
    ...overrides,
    metrics,
  });
  return { server, recorder, metrics, origin: new URL(server.url).origin };
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
  elapsedMs: number;
}

/** POSTs exactly `rawBody`, signed with `secret` unless a signature (or null for none) is given. */
export async function deliver(
  url: string,
  rawBody: string,
  options: { signature?: string | null; secret?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const signature =
    options.signature === undefined ? signWebhookBody(rawBody, options.secret ?? SECRET) : options.signature;
  if (signature !== null) headers['X-Percify-Signature'] = signature;
  return request(url, { method: 'POST', headers, body: rawBody });
}

export async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  // A listener that fails to answer should fail the test quickly, not at the 30 s test timeout.
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000), ...init });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (metrics text): keep the string.
  }
  return { status: response.status, body, headers: response.headers, elapsedMs: performance.now() - started };
}

/** The webhooks-guide envelope, serialised compactly as Percify sends it. */
export function guideEnvelope(type: string, id: string, data: Record<string, unknown>): string {
  return JSON.stringify({ type, id, created: '2025-11-25T06:40:00Z', data });
}

/** The API-overview envelope (no event id). */
export function overviewEnvelope(event: string, data: Record<string, unknown>): string {
  return JSON.stringify({ event, data, timestamp: '2025-11-25T06:15:45Z' });
}

/** Reads one sample's value from Prometheus text, e.g. `percify_bot_webhook_deliveries_total{outcome="accepted"}`. */
export function sampleValue(metricsText: string, series: string): number | undefined {
  const line = metricsText.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
