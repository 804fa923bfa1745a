import { setTimeout as delay } from 'node:timers/promises';
import { Events, type Client } from 'discord.js';
import { COMMAND_MODULES } from './commands/index.js';
import { sharedQueueUrl, type Config, type PercifyPlan } from './config.js';
import type { BotContext } from './context.js';
import { createDiscordClient } from './discord-client.js';
import { buildRouter, createInteractionListener } from './events/interaction-create.js';
import { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';
import { GuildSettingsService, Ledger } from './services/credits/index.js';
import { Messenger } from './services/delivery/messenger.js';
import { AvatarJobKind } from './services/jobs/avatar-kind.js';
import { CreationHistory } from './services/jobs/creations.js';
import { JobRunner, type JobQueueFactory } from './services/jobs/job-runner.js';
import type { JobDeadlines } from './services/jobs/job-deadlines.js';
import { JobStore, migrateOpenJobIndex } from './services/jobs/job-store.js';
import { ObservedDurations } from './services/jobs/observed-durations.js';
import { VideoJobKind } from './services/jobs/video-kind.js';
import { ShortLivedRecords, SWEEP_INTERVAL_MS } from './services/short-lived-records.js';
import { createMetrics } from './services/metrics.js';
import { Operations } from './services/ops/operations.js';
import { PercifyClient } from './services/percify/client.js';
import { migrateLedgerV1 } from './services/credits/ledger-migration.js';
import { InteractionClaims } from './services/interaction-claims.js';
import { createI18n } from './services/i18n/index.js';
import { createStore, sqliteFileOf } from './services/store.js';
import { lockDatabaseFile } from './services/store/single-process-lock.js';
import { VoiceCatalog } from './services/voices/catalog.js';
import { VoiceLibrary } from './services/voices/voice-library.js';
import { discordFileOrigins } from './services/member-files/discord-cdn.js';
import { MemberFiles } from './services/member-files/member-file.js';
import {
  describeWebhookMode,
  MissingWebhookSecretError,
  resolveWebhookMode,
  startWebhookServer,
  type WebhookServer,
} from './services/webhooks/index.js';

/**
 * BullMQ and ioredis, loaded only when jobs share a line: importing them takes about a second, which
 * a one-process bot should not pay at every start (crash recovery restarts it often).
 */
async function loadSharedLine() {
  const [{ BullmqJobQueue }, { SharedWebhookRouting }] = await Promise.all([
    import('./services/jobs/bullmq-job-queue.js'),
    import('./services/webhooks/shared-routing.js'),
  ]);
  return { BullmqJobQueue, SharedWebhookRouting };
}

/** How long running steps may take to finish on a stop before hanging requests are aborted. */
const STOP_GRACE_MS = 3_000;

/** Concurrent generations per Percify plan (the Video Studio rate-limit table). */
export const PLAN_CONCURRENCY: Readonly<Record<PercifyPlan, number>> = { free: 1, pro: 3, enterprise: 10 };

/** Discord's upload limit by boost tier: 10 MiB up to tier 1, 50 MiB at tier 2, 100 MiB at tier 3. */
export function uploadLimitFor(premiumTier: number): number {
  const mebibytes = premiumTier >= 3 ? 100 : premiumTier === 2 ? 50 : 10;
  return mebibytes * 1024 * 1024;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  now?: () => number;
  /** The Percify simulator's speed-up, so polls are paced to it; 1 against the real API. */
  percifySpeed?: number;
  /** Job runner pacing, shortened by tests. */
  progressIntervalMs?: number;
  retryDelayMs?: (attempt: number) => number;
  /** Job deadlines in ms, over the configured ones (tests shorten them). */
  jobDeadlines?: Partial<JobDeadlines>;
  /** Shown in the footer of every delivered result, e.g. that Percify is simulated. */
  resultNote?: string;
}

export interface RunningApp {
  readonly client: Client;
  readonly context: BotContext;
  readonly webhookUrl: string | undefined;
  /** The metrics listener (/metrics, /livez, /readyz) as bound, e.g. `http://127.0.0.1:9464`. */
  readonly metricsUrl: string;
  /** Stops taking commands, lets running writes finish, then closes every connection. */
  stop(): Promise<void>;
}

/**
 * Builds the whole bot from its configuration and logs in: config -> store -> services -> client ->
 * webhook listener -> resume jobs. The same function runs in production, in the sandbox and in
 * end-to-end tests; only the URLs in the configuration differ.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  // Taken first and given back last: nothing of this process touches a file another bot runs on.
  const databaseFile = sqliteFileOf(options.config.DATABASE_URL);
  const lock = databaseFile ? lockDatabaseFile(databaseFile) : undefined;
  try {
    const app = await startLockedApp(options);
    return {
      ...app,
      async stop() {
        try {
          await app.stop();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function startLockedApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger, now = Date.now } = options;
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is required to start the bot');
  if (!config.PERCIFY_API_KEY) throw new Error('PERCIFY_API_KEY is required to call Percify');
  // Unsigned events would let anyone on the internet poke at jobs: refuse rather than listen open.
  if (resolveWebhookMode(config) === 'missing-secret') throw new MissingWebhookSecretError();

  const store = await createStore(config.DATABASE_URL, { logger });
  // A database written by an older release is converted before anything reads it.
  await migrateLedgerV1(store, logger)
    .then(() => migrateOpenJobIndex(store))
    .catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
  const metrics = createMetrics({ defaultMetrics: true });
  const ops = new Operations({ config, logger, metrics, now });
  // One process per SQLite file (the lock in startApp): its settings change only through this one.
  const onlyWriter = Boolean(sqliteFileOf(config.DATABASE_URL));
  const settings = new GuildSettingsService({ store, logger, now, onlyWriter });
  const ledger = new Ledger({ store, settings, logger, now });
  const percify = new PercifyClient({
    baseUrl: config.PERCIFY_API_URL ?? 'https://api.percify.io/v1',
    apiKey: config.PERCIFY_API_KEY,
    timeoutMs: config.PERCIFY_TIMEOUT_MS,
    rateLimitPerMinute: config.PERCIFY_RATE_LIMIT_PER_MINUTE,
    logger,
    now,
    onRequest: (info) => {
      metrics.observePercifyRequest(
        info.route,
        info.status ?? info.errorCode ?? 'error',
        info.durationMs / 1000,
      );
      ops.recordPercifyRequest(info);
    },
  });
  const client = createDiscordClient({ apiUrl: config.DISCORD_API_URL });
  // Members' photos and voice samples come from Discord's CDN only (and the emulator's, in a sandbox).
  const memberFiles = new MemberFiles(discordFileOrigins(config.DISCORD_API_URL), config.PERCIFY_TIMEOUT_MS);
  const messenger = new Messenger(client.rest, logger, now, options.resultNote);
  const jobs = new JobStore(store, now);
  // The catalogs, loaded once: replies through the context, admin alerts through operations.
  const i18n = createI18n();
  const opsServices = ops.attach({ store, client, ledger, jobs, percify, i18n });
  const history = new CreationHistory(store, logger);
  // Redis configured: the plan's slots and the line are shared by every process (BullMQ), and a
  // webhook reaching any process nudges the job wherever it runs. Otherwise: one process, in memory.
  const queueUrl = sharedQueueUrl(config);
  const shared = queueUrl ? await loadSharedLine() : undefined;
  const sharedQueue: JobQueueFactory | undefined =
    queueUrl && shared
      ? (hooks) =>
          new shared.BullmqJobQueue({
            ...hooks,
            url: queueUrl,
            logger,
            lockMs: config.QUEUE_LOCK_SECONDS * 1000,
          })
      : undefined;
  const routing =
    queueUrl && shared && resolveWebhookMode(config) === 'listen'
      ? new shared.SharedWebhookRouting({
          url: queueUrl,
          logger,
          onNudge: (resourceId) => runner.nudge(resourceId),
        })
      : undefined;
  const runner = new JobRunner({
    i18n,
    queue: sharedQueue,
    jobs,
    handlers: {
      avatar: new AvatarJobKind(percify, memberFiles, i18n),
      video: new VideoJobKind(percify, {
        uploadLimitBytes: (job) => uploadLimitFor(client.guilds.cache.get(job.guildId)?.premiumTier ?? 0),
        now,
        speed: options.percifySpeed ?? 1,
        observed: new ObservedDurations(),
        i18n,
      }),
    },
    credits: ops.settlement(ledger),
    messenger,
    capacity: PLAN_CONCURRENCY[config.PERCIFY_PLAN],
    logger,
    now,
    speed: options.percifySpeed ?? 1,
    webhooks: resolveWebhookMode(config) === 'listen',
    progressIntervalMs: options.progressIntervalMs,
    retryDelayMs: options.retryDelayMs,
    deadlines: {
      waitMs: config.JOB_WAIT_DEADLINE_MINUTES * 60_000,
      processingMargin: config.JOB_DEADLINE_MARGIN,
      deliveryMs: config.JOB_DELIVERY_DEADLINE_MINUTES * 60_000,
      lateWatchMs: config.JOB_LATE_WATCH_MINUTES * 60_000,
      ...options.jobDeadlines,
    },
    onDelivered: ops.jobHooks.onDelivered,
    onStep: ops.jobHooks.onStep,
    onJobFinished: (job) => {
      // Done jobs feed /gallery and /animate's avatar suggestions.
      history.onJobFinished(job);
      ops.jobHooks.onJobFinished(job);
    },
  });
  metrics.trackQueueLength(() => runner.queue.waitingCount);

  const lifecycle = new Lifecycle();
  const shortLived = new ShortLivedRecords(store, now);
  const context: BotContext = {
    config,
    logger,
    lifecycle,
    now,
    store,
    settings,
    ledger,
    percify,
    jobs,
    runner,
    metrics,
    history,
    voices: new VoiceCatalog(percify, new VoiceLibrary(store), logger, now),
    memberFiles,
    shortLived,
    ops: opsServices,
    // One process per SQLite file (the lock in startApp): claims only matter on a shared database.
    claims: new InteractionClaims(sqliteFileOf(config.DATABASE_URL) ? undefined : shortLived, now),
    i18n,
  };
  const stopSweeping = context.shortLived.sweepEvery(SWEEP_INTERVAL_MS, logger);

  // discord.js turns a rejected listener into an 'error' event; without a listener it would crash.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.once(Events.ClientReady, (ready) =>
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'),
  );
  const onInteraction = createInteractionListener(context, buildRouter(COMMAND_MODULES));
  // The listener answers every failure itself, so its promise never rejects.
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  // Up before the gateway connects: /livez answers at once, /readyz says what is still missing.
  const metricsUrl = await ops.listen();

  let webhooks: WebhookServer | undefined;
  await routing?.start();
  if (resolveWebhookMode(config) === 'listen') {
    webhooks = await startWebhookServer({
      host: config.WEBHOOK_HOST,
      port: config.WEBHOOK_PORT,
      path: config.WEBHOOK_PATH,
      secret: config.PERCIFY_WEBHOOK_SECRET,
      logger,
      metrics,
      onEvent: async (event) => {
        // A clone waits in the process that started it; polling is its fallback elsewhere.
        if (event.resourceKind === 'voice') return context.voices.clones.settle(event.resourceId);
        const here = runner.nudge(event.resourceId);
        if (here === 'handled' || !routing) return here;
        // Not a job of this process: the one that runs it hears it (counted as handled).
        await routing.nudge(event.resourceId);
        return 'handled';
      },
      ...(routing ? { dedupe: { seenElsewhere: (key: string) => routing.seenElsewhere(key) } } : {}),
      health: async () => {
        const storeCheck = await store.ping().then(
          () => ({ ok: true }),
          () => ({ ok: false, detail: 'store unreachable' }),
        );
        const gateway = client.isReady() ? { ok: true } : { ok: false, detail: 'gateway not connected' };
        return { ok: storeCheck.ok && gateway.ok, checks: { store: storeCheck, gateway } };
      },
    });
  }
  logger.info(describeWebhookMode(config, webhooks?.url));
  if (queueUrl) logger.info('jobs run on a line shared with every bot process on this Redis');

  await client.login(config.DISCORD_TOKEN);
  const recovered = await runner.resume();
  ops.startSchedules();
  if (recovered.resumed + recovered.released > 0) logger.info(recovered, 'unfinished jobs picked up');

  return {
    client,
    context,
    webhookUrl: webhooks?.url,
    metricsUrl,
    async stop() {
      lifecycle.startDraining();
      stopSweeping();
      // Steps under way get a moment to finish; a Percify request that hangs is then aborted by
      // closing the client. That is safe: every step is saved before its request, so an
      // interrupted submission is reconciled on the next start.
      const drained = runner.stop();
      await Promise.race([drained, delay(STOP_GRACE_MS)]);
      await percify.close();
      await drained;
      await webhooks?.close();
      await routing?.close();
      await ops.stop();
      await client.destroy();
      await store.close();
    },
  };
}
