import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { DiscordEmulator, SeededGuild } from '../../sandbox/discord/index.js';
import type { PercifySimulator } from '../../sandbox/percify/index.js';
import { startStack } from '../../sandbox/stack.js';
import { silentLogger } from '../../src/logger.js';
import { GuildSettingsService, Ledger } from '../../src/services/credits/index.js';
import { JobStore } from '../../src/services/jobs/job-store.js';
import { createStore, type Store } from '../../src/services/store.js';
import { heading, visibleText } from '../support/messages.js';

/**
 * The sandbox for the restart tests: the Discord emulator and the Percify simulator live in the test
 * process and outlive the bot, which runs as a child process (sandbox/bot-child.ts) on a SQLite
 * file in a temp dir, so it can be SIGKILLed and started again on the same state.
 */

const TOKEN = 'resilience-bot-token';
const CHILD_ENTRY = new URL('../../sandbox/bot-child.ts', import.meta.url).pathname;

export interface WorldOptions {
  members: string[];
  speed: number;
  /** Percify's answer delay, which widens the windows around a submission. */
  percifyLatencyMs?: number;
  webhookSecret?: string;
  /** The bot's PERCIFY_TIMEOUT_MS (5 s here; production's default is 30 s). */
  percifyTimeoutMs?: number;
}

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null after a signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface World {
  emulator: DiscordEmulator;
  percify: PercifySimulator;
  guild: SeededGuild;
  databaseUrl: string;
  startBot(): Promise<BotProcess>;
  /** Opens the bot's store (only while no bot runs) to read or prepare what it would see. */
  withStore<T>(work: (parts: StoreParts) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreParts {
  store: Store;
  ledger: Ledger;
  settings: GuildSettingsService;
  jobs: JobStore;
}

export async function startWorld(options: WorldOptions): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'bot-resilience-'));
  const databaseUrl = `sqlite://${join(dir, 'bot.sqlite')}`;
  const stack = await startStack({
    botToken: TOKEN,
    guilds: [
      {
        name: 'Crash Lab',
        channels: [{ name: 'studio' }],
        members: [
          { username: 'ada', admin: true, owner: true },
          ...options.members.map((username) => ({ username })),
        ],
      },
    ],
    commands: 'first-guild',
    percify: {
      speed: options.speed,
      plan: 'pro',
      mediaScale: 0.25,
      rateLimitPerMinute: 100_000,
      webhookSecret: options.webhookSecret,
    },
  });
  const { emulator, percify } = stack;
  const guild = stack.guilds[0]!;
  percify.faults.latencyMs = options.percifyLatencyMs ?? 0;

  const withStore = async <T>(work: (parts: StoreParts) => Promise<T>): Promise<T> => {
    const logger = silentLogger();
    const store = await createStore(databaseUrl, { logger });
    try {
      const settings = new GuildSettingsService({ store, logger });
      const ledger = new Ledger({ store, settings, logger });
      return await work({ store, ledger, settings, jobs: new JobStore(store) });
    } finally {
      await store.close();
    }
  };

  const env = (): Record<string, string> =>
    stack.botEnv({
      PERCIFY_PLAN: 'pro',
      PERCIFY_RATE_LIMIT_PER_MINUTE: '100000',
      PERCIFY_TIMEOUT_MS: String(options.percifyTimeoutMs ?? 5000),
      DATABASE_URL: databaseUrl,
      CHILD_PERCIFY_SPEED: String(options.speed),
      ...(options.webhookSecret
        ? {
            PERCIFY_WEBHOOK_SECRET: options.webhookSecret,
            WEBHOOK_HOST: '127.0.0.1',
            WEBHOOK_PORT: '0',
          }
        : { WEBHOOKS_DISABLED: 'true' }),
      ...(process.env.CHILD_LOG ? { CHILD_LOG: process.env.CHILD_LOG } : {}),
    });

  return {
    emulator,
    percify,
    guild,
    databaseUrl,
    withStore,
    async startBot() {
      const { child, output } = await stack.startBotChild(CHILD_ENTRY, env());
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null)
          resolve({ code: child.exitCode, signal: child.signalCode });
        else child.once('exit', (code, signal) => resolve({ code, signal }));
      });
      // CHILD_LOG=debug CHILD_LOG_FILE=/tmp/bot.log keeps every run's log for a look afterwards.
      if (process.env.CHILD_LOG_FILE)
        child.stderr?.pipe(createWriteStream(process.env.CHILD_LOG_FILE, { flags: 'a' }));
      const webhookUrl = /^ready (\S+)$/m.exec(output())?.[1];
      if (webhookUrl && options.webhookSecret) percify.setWebhook(webhookUrl, options.webhookSecret);
      return { child, output, exited };
    },
    async close() {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Gives every member a large daily allowance and room for many jobs at once, before the bot starts. */
export async function openTheTaps(world: World): Promise<void> {
  const admin = world.emulator.driver.userId('ada');
  await world.withStore(({ settings }) =>
    settings.update(
      world.guild.id,
      admin,
      (s) => ({
        ...s,
        allowancePerDay: 100_000,
        limits: { ...s.limits, concurrentJobs: 20, confirmAbove: 1000 },
      }),
      'resilience tests',
    ),
  );
}

const WORKING = /Rendering|Waiting for a free slot|Starting…|Creating|Animating|Adding a voice/;

/**
 * Waits until no reply in #studio is still working and the bot's open-job index is empty (read
 * through a second connection to the SQLite file, which WAL allows), or until the time is up: the
 * audit afterwards says what did not settle.
 */
export async function waitUntilSettled(world: World, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const working = world.emulator.driver
      .messages('studio')
      .filter((m) => !/^(✅|❌)/.test(heading(m)))
      .filter((m) => m.loading || WORKING.test(`${heading(m)} ${visibleText(m)}`));
    if (working.length === 0) {
      const open = await world.withStore(({ jobs }) => jobs.openIds()).catch(() => ['store busy']);
      if (open.length === 0) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
