import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { heading } from '../support/messages.js';
import type { InteractionHandle } from '../../sandbox/discord/index.js';
import { INSTALL_HINT, serverAvailable, startRedis, type TestServer } from '../../sandbox/local-servers.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { silentLogger } from '../../src/logger.js';
import { GuildSettingsService, Ledger } from '../../src/services/credits/index.js';
import { JobStore } from '../../src/services/jobs/job-store.js';
import { createStore } from '../../src/services/store.js';
import { auditRun } from '../resilience/audit.js';
import type { BotProcess, StoreParts, World } from '../resilience/world.js';
import { waitUntilSettled } from '../resilience/world.js';

// Several real bot processes (sandbox/bot-child.ts) on one Redis, against the emulator and the
// simulator: the plan's slots are shared through BullMQ. 50 commands from 10 members while one
// process is SIGKILLed; then a rolling deploy (start a new process, SIGTERM an old one mid-run).
// Afterwards every interaction was answered once, every command made one Percify generation, every
// job was delivered once or refunded once, and Percify never had more generations than the plan.

// Needs a real redis-server; under CI its absence is a failure, not a skip.
const RUN = serverAvailable('redis') || process.env.CI === 'true';
if (!RUN) console.warn(`multi-process test skipped: ${INSTALL_HINT.redis}`);

const CHILD_ENTRY = new URL('../../sandbox/bot-child.ts', import.meta.url).pathname;
const SECRET = 'multi-process-webhook-secret';
const MEMBERS = ['ben', 'cleo', 'dan', 'eve', 'finn', 'gus', 'hana', 'ivo', 'jun', 'kai'];
const PLAN_SLOTS = 3; // pro
const SPEED = 10; // a flux avatar takes ~0.4 s
const LOCK_SECONDS = 2;

let redis: TestServer;
let stack: Stack;
let world: World;
let databaseUrl: string;
/** The most generations Percify had at once (queued there or processing), sampled every few ms. */
let mostInFlight = 0;
let sampler: NodeJS.Timeout | undefined;

async function withStore<T>(work: (parts: StoreParts) => Promise<T>): Promise<T> {
  const logger = silentLogger();
  const store = await createStore(databaseUrl, { logger });
  try {
    const settings = new GuildSettingsService({ store, logger });
    const ledger = new Ledger({ store, settings, logger });
    return await work({ store, ledger, settings, jobs: new JobStore(store) });
  } finally {
    await store.close();
  }
}

async function startBot(): Promise<BotProcess> {
  const env = stack.botEnv({
    PERCIFY_PLAN: 'pro',
    PERCIFY_RATE_LIMIT_PER_MINUTE: '100000',
    PERCIFY_TIMEOUT_MS: '5000',
    DATABASE_URL: databaseUrl,
    QUEUE_LOCK_SECONDS: String(LOCK_SECONDS),
    CHILD_PERCIFY_SPEED: String(SPEED),
    PERCIFY_WEBHOOK_SECRET: SECRET,
    WEBHOOK_HOST: '127.0.0.1',
    WEBHOOK_PORT: '0',
    ...(process.env.CHILD_LOG ? { CHILD_LOG: process.env.CHILD_LOG } : {}),
  });
  const { child, output } = await stack.startBotChild(CHILD_ENTRY, env);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, output, exited };
}

/** Percify's webhooks go to this process only: the others' jobs hear of them through Redis. */
function sendWebhooksTo(bot: BotProcess): void {
  const url = /^ready (\S+)$/m.exec(bot.output())?.[1];
  if (!url) throw new Error('the bot printed no webhook url');
  stack.percify.setWebhook(url, SECRET);
}

const sessions = () => stack.emulator.gatewayStats();

beforeAll(async () => {
  if (!RUN) return;
  redis = await startRedis();
  databaseUrl = await redis.newDatabaseUrl();
  stack = await startStack({
    botToken: 'multi-process-token',
    guilds: [
      {
        name: 'Studio',
        channels: [{ name: 'studio' }],
        members: [
          { username: 'ada', admin: true, owner: true },
          ...MEMBERS.map((username) => ({ username })),
        ],
      },
    ],
    commands: 'first-guild',
    percify: {
      speed: SPEED,
      plan: 'pro',
      mediaScale: 0.25,
      rateLimitPerMinute: 100_000,
      webhookSecret: SECRET,
    },
  });
  const guild = stack.guilds[0]!;
  world = {
    emulator: stack.emulator,
    percify: stack.percify,
    guild,
    databaseUrl,
    startBot,
    withStore,
    close: () => stack.stop(),
  };
  // Every member may have all five of their jobs open at once.
  const admin = stack.emulator.driver.userId('ada');
  await withStore(({ settings }) =>
    settings.update(
      guild.id,
      admin,
      (s) => ({
        ...s,
        allowancePerDay: 100_000,
        limits: { ...s.limits, concurrentJobs: 20, confirmAbove: 1000 },
      }),
      'multi-process test',
    ),
  );
  sampler = setInterval(() => {
    const atPercify = stack.percify
      .avatars()
      .filter((avatar) => avatar.status === 'queued' || avatar.status === 'processing').length;
    mostInFlight = Math.max(mostInFlight, atPercify);
  }, 5);
}, 60_000);
afterAll(async () => {
  clearInterval(sampler);
  await stack?.stop();
  await redis?.stop();
});

/**
 * `count` commands, ten at a time (one per member), each ten answered before the next are sent: the
 * way members type, and gentle on a small CI machine running two bots.
 */
async function sendCommands(from: number, count: number): Promise<InteractionHandle[]> {
  const sent: InteractionHandle[] = [];
  for (let burst = from; burst < from + count; burst += MEMBERS.length) {
    const handles = Array.from({ length: Math.min(MEMBERS.length, from + count - burst) }, (_, offset) => {
      const n = burst + offset;
      const user = MEMBERS[n % MEMBERS.length]!;
      return stack.emulator.driver.runCommand({
        user,
        channel: 'studio',
        name: 'avatar',
        options: { prompt: `${user}'s shared job ${n}`, model: 'flux', seed: n },
      });
    });
    await Promise.all(handles.map((handle) => handle.reply(15_000)));
    sent.push(...handles);
  }
  return sent;
}

/** BullMQ's keys for the bots' line (its default prefix and the queue's name). */
const LINE = 'bull:percify-jobs';

/** The jobs a process holds now: active in the line, taken by its worker (BullMQ's `processedBy`). */
async function jobsHeldBy(pid: number | undefined): Promise<string[]> {
  const redisClient = new Redis(databaseUrl);
  try {
    const active = await redisClient.lrange(`${LINE}:active`, 0, -1);
    const holders = await Promise.all(active.map((id) => redisClient.hget(`${LINE}:${id}`, 'pb')));
    return active.filter((_, index) => holders[index]?.endsWith(`:${pid}`));
  } finally {
    redisClient.disconnect();
  }
}

/**
 * A moment when the process holds a job that is still being generated at Percify: killed then, it
 * leaves work that only a takeover can finish (a job it was delivering might end just before the kill).
 */
async function waitUntilMidGeneration(bot: BotProcess): Promise<void> {
  await vi.waitFor(
    async () => {
      const states = await Promise.all((await jobsHeldBy(bot.child.pid)).map(withStoreJobs));
      expect(states.some((state) => state === 'submitting' || state === 'processing')).toBe(true);
    },
    { timeout: 30_000, interval: 20 },
  );
}

/**
 * Follows the jobs the killed process held (read after its death, so none of them can have been
 * finished by it) until each is finished by the other process; the seconds from the kill to each end.
 */
async function followTakeover(jobs: string[], killedAt: number): Promise<Map<string, number>> {
  const ended = new Map<string, number>();
  const deadline = killedAt + 60_000;
  while (ended.size < jobs.length && Date.now() < deadline) {
    for (const id of jobs) {
      if (ended.has(id)) continue;
      const state = await withStoreJobs(id);
      if (state === 'done' || state === 'failed') ended.set(id, (Date.now() - killedAt) / 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return new Map(jobs.map((id) => [id, ended.get(id) ?? Number.POSITIVE_INFINITY]));
}

async function withStoreJobs(id: string): Promise<string | undefined> {
  return (await withStore(({ jobs }) => jobs.get(id)))?.state;
}

const results = () =>
  stack.emulator.driver.messages('studio').filter((message) => heading(message).startsWith('✅')).length;

/** Every interaction answered exactly once, and one Percify generation per command. */
function expectOneAnswerAndOneGenerationEach(sent: InteractionHandle[], from: number): void {
  expect(sent.map((handle) => handle.record.initialResponses)).toEqual(sent.map(() => 1));
  sent.forEach((_, offset) => {
    const n = from + offset;
    const made = stack.percify.avatars().filter((avatar) => avatar.prompt.endsWith(`shared job ${n}`));
    expect(made, `command ${n}`).toHaveLength(1);
  });
}

describe.skipIf(!RUN)('several bot processes on one Redis', () => {
  let survivor: BotProcess;

  it('share the plan, and finish the jobs of a process killed mid-run', async () => {
    const [doomed, other] = [await startBot(), await startBot()];
    survivor = other;
    sendWebhooksTo(survivor);
    await vi.waitFor(() => expect(sessions().identifies).toBe(2), { timeout: 20_000 });

    const sent = await sendCommands(0, 50);
    // Killed once every member was answered and a part of the work is done: it holds slots now.
    await vi.waitFor(() => expect(results()).toBeGreaterThanOrEqual(12), { timeout: 30_000, interval: 20 });
    await waitUntilMidGeneration(doomed);
    expect(results()).toBeLessThan(50);
    const killedAt = Date.now();
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // Its locks outlive it by up to LOCK_SECONDS: until then its jobs still read as its own.
    const takenOver = await followTakeover(await jobsHeldBy(doomed.child.pid), killedAt);

    await waitUntilSettled(world, 60_000);
    const settledSeconds = (Date.now() - killedAt) / 1000;
    const takeoverSeconds = Math.max(...takenOver.values());
    const audit = await auditRun(world);
    // The closing figures of the run, for whoever reads the test's output.
    process.stdout.write(
      `multi-process: ${audit.delivered} delivered, ${audit.refunded} refunded; at most ${mostInFlight} ` +
        `generations at Percify at once (plan ${PLAN_SLOTS}); the killed process held ${takenOver.size} jobs, ` +
        `finished by the other within ${takeoverSeconds.toFixed(1)} s; all done ${settledSeconds.toFixed(1)} s after the kill\n`,
    );
    expect(takenOver.size).toBeGreaterThan(0);
    expect(audit.problems).toEqual([]);
    expect(audit.jobs).toBe(50);
    expect(audit.delivered + audit.refunded).toBe(50);
    expect(takeoverSeconds).toBeLessThan(60);
    expectOneAnswerAndOneGenerationEach(sent, 0);
    expect(mostInFlight).toBeLessThanOrEqual(PLAN_SLOTS);
    // The line was shared, not one process's: the plan was used in full.
    expect(mostInFlight).toBe(PLAN_SLOTS);
  }, 120_000);

  it('hands the jobs of a process stopped for a deploy to the new one', async () => {
    const next = await startBot();
    await vi.waitFor(() => expect(sessions().identifies).toBeGreaterThanOrEqual(3), { timeout: 20_000 });
    sendWebhooksTo(next);
    const before = results();
    const sent = await sendCommands(50, 20);
    await vi.waitFor(() => expect(results()).toBeGreaterThanOrEqual(before + 4), {
      timeout: 30_000,
      interval: 20,
    });
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toEqual({ code: 0, signal: null });

    await waitUntilSettled(world, 60_000);
    const audit = await auditRun(world);
    expect(audit.problems).toEqual([]);
    expect(audit.jobs).toBe(70);
    expect(audit.delivered + audit.refunded).toBe(70);
    expectOneAnswerAndOneGenerationEach(sent, 50);
    expect(mostInFlight).toBeLessThanOrEqual(PLAN_SLOTS);
  }, 120_000);
});
