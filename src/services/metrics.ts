import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The bot's Prometheus metrics. Each call builds its own Registry (never prom-client's global one) so
 * tests can create as many bots as they like without "metric already registered" errors.
 * Every labelled series is created at zero up front so dashboards and `rate()` see it before the
 * first event happens.
 */

export const WEBHOOK_OUTCOMES = [
  'accepted',
  'duplicate',
  'bad_signature',
  'too_large',
  'malformed',
  'unknown_type',
  'unknown_resource',
  'method_not_allowed',
] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

export const CREDIT_OPERATIONS = ['reserved', 'captured', 'released'] as const;
export type CreditOperation = (typeof CREDIT_OPERATIONS)[number];

export const DELIVERY_PATHS = ['interaction', 'channel', 'mention', 'dm', 'failed'] as const;
export type DeliveryPath = (typeof DELIVERY_PATHS)[number];

export interface JobCount {
  kind: string;
  state: string;
  count: number;
}

/** Reads the current job counts at scrape time; the job store is the truth, not a running tally. */
export type JobCountSource = () => readonly JobCount[] | Promise<readonly JobCount[]>;
export type NumberSource = () => number | Promise<number>;

export interface MetricsOptions {
  /** Adds Node's process metrics (event loop lag, heap, GC) with the `percify_bot_` prefix. */
  defaultMetrics?: boolean;
}

export interface Metrics {
  readonly registry: Registry;
  /** Sets the job gauge from a callback read at every scrape (replaces any earlier source). */
  trackJobs(source: JobCountSource): void;
  /** Sets one job gauge series directly, for callers that keep their own tally (a source wins). */
  setJobs(kind: string, state: string, count: number): void;
  /** Sets the queue length gauge from a callback read at every scrape. */
  trackQueueLength(source: NumberSource): void;
  setQueueLength(length: number): void;
  /** Adds credits (an amount, not a number of operations) to the reserved/captured/released counter. */
  countCredits(operation: CreditOperation, amount: number): void;
  /** Records one finished Percify request; `status` is the HTTP status or a word such as `timeout`. */
  observePercifyRequest(route: string, status: number | string, seconds: number): void;
  /** Starts a timer for a Percify request; call the result with the status when it ends. */
  startPercifyRequest(route: string): (status: number | string) => void;
  countWebhookDelivery(outcome: WebhookOutcome): void;
  /** An `onEvent` handler threw or rejected after the delivery was already answered. */
  countWebhookHandlerError(): void;
  countDelivery(path: DeliveryPath): void;
  /** The Prometheus text exposition and its content type, ready for an HTTP answer. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  let jobSource: JobCountSource | undefined;
  let queueSource: NumberSource | undefined;

  const jobs = new Gauge({
    name: 'percify_bot_jobs',
    help: 'Jobs by kind and state, read from the job store at scrape time.',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      if (!jobSource) return;
      const counts = await jobSource();
      this.reset();
      for (const { kind, state, count } of counts) this.set({ kind, state }, count);
    },
  });

  const queueLength = new Gauge({
    name: 'percify_bot_queue_length',
    help: 'Jobs waiting for a free Percify concurrency slot.',
    registers: [registry],
    async collect() {
      if (queueSource) this.set(await queueSource());
    },
  });

  const credits = new Counter({
    name: 'percify_bot_credits_total',
    help: 'Percify credits reserved, captured and released by the bot.',
    labelNames: ['op'] as const,
    registers: [registry],
  });
  for (const op of CREDIT_OPERATIONS) credits.inc({ op }, 0);

  const percifyRequests = new Counter({
    name: 'percify_bot_percify_requests_total',
    help: 'Requests to the Percify API by route template and HTTP status (or timeout/network).',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const percifyDuration = new Histogram({
    name: 'percify_bot_percify_request_duration_seconds',
    help: 'Time from sending a Percify request to its answer, by route template.',
    labelNames: ['route'] as const,
    // Most calls answer in well under a second; generation submits and media fetches take longer.
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const webhookDeliveries = new Counter({
    name: 'percify_bot_webhook_deliveries_total',
    help: 'Percify webhook deliveries by what the listener did with them.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  for (const outcome of WEBHOOK_OUTCOMES) webhookDeliveries.inc({ outcome }, 0);

  const webhookHandlerErrors = new Counter({
    name: 'percify_bot_webhook_handler_errors_total',
    help: 'Accepted webhook events whose handler failed (the delivery had already been answered 200).',
    registers: [registry],
  });

  const deliveries = new Counter({
    name: 'percify_bot_delivery_total',
    help: 'Results delivered to Discord, by the path that worked (or failed).',
    labelNames: ['path'] as const,
    registers: [registry],
  });
  for (const path of DELIVERY_PATHS) deliveries.inc({ path }, 0);

  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'percify_bot_' });

  const observePercifyRequest = (route: string, status: number | string, seconds: number): void => {
    percifyRequests.inc({ route, status: String(status) });
    percifyDuration.observe({ route }, seconds);
  };

  return {
    registry,
    trackJobs(source) {
      jobSource = source;
    },
    setJobs(kind, state, count) {
      jobs.set({ kind, state }, count);
    },
    trackQueueLength(source) {
      queueSource = source;
    },
    setQueueLength(length) {
      queueLength.set(length);
    },
    countCredits(operation, amount) {
      // A counter cannot go down and prom-client throws if asked to; a metric must never break a
      // credits operation, so nonsense amounts are dropped instead.
      if (Number.isFinite(amount) && amount > 0) credits.inc({ op: operation }, amount);
    },
    observePercifyRequest,
    startPercifyRequest(route) {
      const started = performance.now();
      return (status) => observePercifyRequest(route, status, (performance.now() - started) / 1000);
    },
    countWebhookDelivery(outcome) {
      webhookDeliveries.inc({ outcome });
    },
    countWebhookHandlerError() {
      webhookHandlerErrors.inc();
    },
    countDelivery(path) {
      deliveries.inc({ path });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
