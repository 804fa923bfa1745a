import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscordEmulator } from '../sandbox/discord/index.js';
import type { PercifySimulator } from '../sandbox/percify/index.js';
import { startStack, type Stack } from '../sandbox/stack.js';
import { silentLogger } from '../src/logger.js';
import { GuildSettingsService, Ledger } from '../src/services/credits/index.js';
import { JobStore } from '../src/services/jobs/job-store.js';
import { createStore } from '../src/services/store.js';
import { startTs } from '../sandbox/processes.js';
import { startProductionBot, type ProductionBot } from './production-bot.js';
import { procMemory } from './proc-memory.js';

/** The benchmark's sandbox: emulator and simulator here, the bot (or the bare bot) as a child process. */

export const TOKEN = 'bench-bot-token';
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
  /** A database URL for a fresh SQLite file in the world's folder. */
  sqliteUrl(name: string): string;
  /** Run first on close: stops a bot started here, whether its phase finished or failed. */
  onClose(step: () => Promise<unknown>): void;
  /** Stops everything; the bots' logs are copied to `keepLogsIn` first, if given. */
  close(keepLogsIn?: string): Promise<void>;
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
  const closing: Array<() => Promise<unknown>> = [];
  const guilds: BenchGuild[] = stack.guilds.map((guild, g) => ({ id: guild.id, members: names[g] ?? [] }));
  const world: BenchWorld = {
    stack,
    emulator: stack.emulator,
    percify: stack.percify,
    guilds,
    dir,
    sqliteUrl: (name) => `sqlite://${join(dir, name)}`,
    onClose: (step) => closing.push(step),
    async close(keepLogsIn) {
      for (const step of closing.reverse()) await step().catch(() => undefined);
      await stack.stop();
      if (keepLogsIn) {
        mkdirSync(keepLogsIn, { recursive: true });
        for (const name of readdirSync(dir).filter((file) => file.endsWith('.log')))
          copyFileSync(join(dir, name), join(keepLogsIn, name));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export interface BareBot {
  /** Peak RSS (VmHWM) from /proc, in bytes; NaN where /proc is missing. */
  peakRss(): number;
  stop(): Promise<number | null>;
}

/** The bot itself: the production process (bench/production-bot.ts), with Percify's webhooks sent to it. */
export async function startRealBot(
  world: BenchWorld,
  options: { webhooks: boolean; databaseUrl: string; name: string; nodeFlags?: string[] },
): Promise<ProductionBot> {
  const bot = await startProductionBot({
    env: world.stack.botEnv({
      PERCIFY_PLAN: 'pro',
      PERCIFY_RATE_LIMIT_PER_MINUTE: '1000000',
      DATABASE_URL: options.databaseUrl,
      ...(options.webhooks ? { PERCIFY_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
    }),
    webhooks: options.webhooks,
    dir: world.dir,
    name: options.name,
    nodeFlags: options.nodeFlags,
  });
  world.onClose(() => bot.stop());
  await world.emulator.driver.waitForBot();
  return bot;
}

/** Percify's webhooks go to this bot (one URL per account); undefined turns them off. */
export function sendWebhooksTo(world: BenchWorld, bot: ProductionBot | undefined): void {
  world.percify.setWebhook(bot?.webhookUrl, bot?.webhookUrl ? WEBHOOK_SECRET : undefined);
}

export async function startBareBot(world: BenchWorld): Promise<BareBot> {
  const { child } = await startTs(
    BARE_ENTRY,
    { BARE_API_URL: world.emulator.apiUrl, BARE_TOKEN: TOKEN },
    /^ready\n/m,
    60_000,
  );
  // Once, however often it is asked: the world's close asks again after the phase did.
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    peakRss: () => procMemory(child.pid).peak,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Opens the bot's database while no bot runs: to give everyone credits before, and to audit after. */
export async function withBotStore<T>(
  databaseUrl: string,
  work: (parts: { ledger: Ledger; settings: GuildSettingsService; jobs: JobStore }) => Promise<T>,
): Promise<T> {
  const logger = silentLogger();
  const store = await createStore(databaseUrl, { logger });
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

export async function openTheTaps(world: BenchWorld, databaseUrl: string): Promise<void> {
  await withBotStore(databaseUrl, async ({ settings }) => {
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
