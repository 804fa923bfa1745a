import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * The operational metrics added to the bot's registry next to those of `../metrics.ts`: what jobs
 * ended as and how long they took, what members clicked and how fast they got an answer, what Discord
 * refused, what alerts went out and how far the bot's books are from Percify's.
 */

export const INTERACTION_TYPES = ['command', 'autocomplete', 'button', 'select', 'modal'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export interface OpsMetrics {
  /** A job reached a final state; `outcome` is `done` or the failure code. */
  countJobFinished(kind: string, outcome: string): void;
  /** From the member's command to Percify accepting the job; `tier` is the video tier or image model. */
  observeQueueWait(kind: string, tier: string, seconds: number): void;
  /** From the member's command to the job's final state. */
  observeJobDuration(kind: string, tier: string, seconds: number): void;
  countInteraction(type: InteractionType, name: string): void;
  /** From the interaction's arrival to Discord accepting its first answer. */
  observeAck(type: InteractionType, name: string, seconds: number): void;
  /** A Discord REST call failed; `code` is Discord's JSON error code or the HTTP status. */
  countDiscordError(code: string, status: number): void;
  countAlert(kind: string): void;
  /** The last reconciliation: credits Percify charged minus what members paid, for the jobs compared. */
  setReconciliationDifference(credits: number): void;
}

export function createOpsMetrics(registry: Registry): OpsMetrics {
  const registers = [registry];
  const jobsFinished = new Counter({
    name: 'percify_bot_jobs_finished_total',
    help: 'Jobs that reached a final state, by kind and outcome (done, or the failure code).',
    labelNames: ['kind', 'outcome'] as const,
    registers,
  });
  for (const kind of ['avatar', 'video']) jobsFinished.inc({ kind, outcome: 'done' }, 0);

  // Avatars wait seconds and take tens of seconds; videos wait longer and take minutes.
  const jobBuckets = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];
  const queueWait = new Histogram({
    name: 'percify_bot_job_queue_wait_seconds',
    help: "From the member's command to Percify accepting the job, by kind and tier (video tier or image model).",
    labelNames: ['kind', 'tier'] as const,
    buckets: jobBuckets,
    registers,
  });
  const jobDuration = new Histogram({
    name: 'percify_bot_job_duration_seconds',
    help: "From the member's command to the job's final state, by kind and tier (video tier or image model).",
    labelNames: ['kind', 'tier'] as const,
    buckets: jobBuckets,
    registers,
  });

  const interactions = new Counter({
    name: 'percify_bot_interactions_total',
    help: 'Interactions received, by type and command or button name.',
    labelNames: ['type', 'name'] as const,
    registers,
  });
  const ackLatency = new Histogram({
    name: 'percify_bot_interaction_ack_seconds',
    help: "From an interaction's arrival to Discord accepting its first answer (Discord allows 3 s).",
    labelNames: ['type', 'name'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers,
  });

  const discordErrors = new Counter({
    name: 'percify_bot_discord_errors_total',
    help: 'Discord REST calls that failed, by Discord error code (or HTTP status) and status.',
    labelNames: ['code', 'status'] as const,
    registers,
  });

  const alerts = new Counter({
    name: 'percify_bot_alerts_total',
    help: "Alerts posted to servers' alert channels, by kind.",
    labelNames: ['kind'] as const,
    registers,
  });

  const reconciliation = new Gauge({
    name: 'percify_bot_reconciliation_difference_credits',
    help: 'At the last reconciliation: credits Percify charged minus credits members paid for the same jobs.',
    registers,
  });

  return {
    countJobFinished: (kind, outcome) => jobsFinished.inc({ kind, outcome }),
    observeQueueWait: (kind, tier, seconds) => queueWait.observe({ kind, tier }, Math.max(0, seconds)),
    observeJobDuration: (kind, tier, seconds) => jobDuration.observe({ kind, tier }, Math.max(0, seconds)),
    countInteraction: (type, name) => interactions.inc({ type, name }),
    observeAck: (type, name, seconds) => ackLatency.observe({ type, name }, Math.max(0, seconds)),
    countDiscordError: (code, status) => discordErrors.inc({ code, status: String(status) }),
    countAlert: (kind) => alerts.inc({ kind }),
    setReconciliationDifference: (credits) => reconciliation.set(credits),
  };
}
