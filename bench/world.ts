import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { DiscordEmulator } from '../sandbox/discord/index.js';
import type { PercifySimulator } from '../sandbox/percify/index.js';
import { startStack, type Stack } from '../sandbox/stack.js';
import { silentLogger } from '../src/logger.js';
import { GuildSettingsService, Ledger } from '../src/services/credits/index.js';
import { JobStore } from '../src/services/jobs/job-store.js';
import { createStore } from '../src/services/store.js';
import { startTs } from '../sandbox/processes.js';

/** The benchmark's sandbox: emulator and simulator here, the bot (or the bare bot) as a child process. */

export const TOKEN = 'bench-bot-token';
const BOT_ENTRY = new URL('../sandbox/bot-child.ts', import.meta.url).pathname;
const BARE_ENTRY = new URL('./bare-bot.ts', import.meta.url).pathname;
const WEBHOOK_SECRET = 'bench-webhook-secret';

export interface BenchGuild {
  id: string;
  members: string[];
}

export interface BenchWorld {
  stack: Stack;
  emulator: DiscordEmulator;
  percify: PercifySimulator;
  guilds: BenchGuild[];
  dir: string;
  close(): Promise<void>;
}

export async function startBenchWorld(options: { members: number; guilds: number; speed: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'bot-bench-'));
  const perGuild = Math.max(1, Math.round(options.members / options.guilds));
  const names = Array.from({ length: options.guilds }, (_, g) =>
    Array.from({ length: perGuild }, (_, i) => `m${g}x${i}`),
  );
  const stack = await startStack({
    botToken: TOKEN,
    guilds: names.map((members, g) => ({
      name: `Guild ${g}`,
      channels: [{ name: 'studio' }],
      members: [
        { username: `admin${g}`, admin: true, owner: true },
        ...members.map((username) => ({ username })),
      ],
    })),
    // Global commands: one PUT serves every guild.
    commands: 'global',
    percify: { speed: options.speed, plan: 'pro', mediaScale: 0.25, rateLimitPerMinute: 1_000_000 },
  });
  const guilds: BenchGuild[] = stack.guilds.map((guild, g) => ({ id: guild.id, members: names[g] ?? [] }));
  const world: BenchWorld = {
    stack,
    emulator: stack.emulator,
    percify: stack.percify,
    guilds,
    dir,
    async close() {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export interface BotChild {
  child: ChildProcess;
  output: () => string;
  /** Peak RSS (VmHWM) from /proc, in bytes; NaN where /proc is missing. */
  peakRss(): number;
  peakHeap(): number;
  stop(): Promise<number | null>;
}

function peakRssOf(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function wrap(started: { child: ChildProcess; output: () => string }): Promise<BotChild> {
  const { child, output } = started;
  return {
    child,
    output,
    peakRss: () => peakRssOf(child.pid),
    peakHeap: () => {
      const heaps = [...output().matchAll(/^memory \d+ (\d+)$/gm)].map((m) => Number(m[1]));
      return heaps.length === 0 ? Number.NaN : Math.max(...heaps);
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

export async function startRealBot(
  world: BenchWorld,
  options: { webhooks: boolean; database: string; speed: number },
): Promise<BotChild> {
  const started = await world.stack.startBotChild(
    BOT_ENTRY,
    world.stack.botEnv({
      PERCIFY_PLAN: 'pro',
      PERCIFY_RATE_LIMIT_PER_MINUTE: '1000000',
      DATABASE_URL: `sqlite://${join(world.dir, options.database)}`,
      METRICS_PORT: '0',
      CHILD_PERCIFY_SPEED: String(options.speed),
      CHILD_MEMORY_MS: '250',
      ...(options.webhooks
        ? { PERCIFY_WEBHOOK_SECRET: WEBHOOK_SECRET, WEBHOOK_HOST: '127.0.0.1', WEBHOOK_PORT: '0' }
        : { WEBHOOKS_DISABLED: 'true' }),
    }),
    /^ready.*\n/m,
    60_000,
  );
  const url = /^ready (\S+)$/m.exec(started.output())?.[1];
  world.percify.setWebhook(options.webhooks ? url : undefined, options.webhooks ? WEBHOOK_SECRET : undefined);
  await world.emulator.driver.waitForBot();
  return wrap(started);
}

export async function startBareBot(world: BenchWorld): Promise<BotChild> {
  const started = await startTs(
    BARE_ENTRY,
    { BARE_API_URL: world.emulator.apiUrl, BARE_TOKEN: TOKEN },
    /^ready\n/m,
    60_000,
  );
  return wrap(started);
}

/** Opens the bot's database while no bot runs: to give everyone credits before, and to audit after. */
export async function withBotStore<T>(
  world: BenchWorld,
  database: string,
  work: (parts: { ledger: Ledger; settings: GuildSettingsService; jobs: JobStore }) => Promise<T>,
): Promise<T> {
  const logger = silentLogger();
  const store = await createStore(`sqlite://${join(world.dir, database)}`, { logger });
  try {
    const settings = new GuildSettingsService({ store, logger });
    return await work({
      ledger: new Ledger({ store, settings, logger }),
      settings,
      jobs: new JobStore(store),
    });
  } finally {
    await store.close();
  }
}

export async function openTheTaps(world: BenchWorld, database: string): Promise<void> {
  await withBotStore(world, database, async ({ settings }) => {
    for (const [g, guild] of world.guilds.entries()) {
      await settings.update(
        guild.id,
        world.emulator.driver.userId(`admin${g}`),
        (s) => ({
          ...s,
          allowancePerDay: 100_000,
          limits: { ...s.limits, concurrentJobs: 20, confirmAbove: 1000 },
        }),
        'benchmark',
      );
    }
  });
}
