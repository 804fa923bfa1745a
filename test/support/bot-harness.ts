import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscordEmulator, MemberSeed, RoleSeed, SeededGuild } from '../../sandbox/discord/index.js';
import type { PercifySimulator, PercifySimulatorOptions } from '../../sandbox/percify/index.js';
import { startStack } from '../../sandbox/stack.js';
import type { RunningApp } from '../../src/app.js';
import type { JobDeadlines } from '../../src/services/jobs/job-deadlines.js';
import { createLogger, silentLogger, type Logger } from '../../src/logger.js';

/**
 * The whole bot end to end: the real app (discord.js, the job runner, the ledger on a real SQLite
 * file) against the Discord emulator and the Percify simulator over real HTTP.
 */
export interface BotHarness {
  emulator: DiscordEmulator;
  percify: PercifySimulator;
  app: RunningApp;
  guild: SeededGuild;
  close(): Promise<void>;
}

export interface BotHarnessOptions {
  plan?: 'free' | 'pro' | 'enterprise';
  env?: Record<string, string>;
  speed?: number;
  /** Extra roles and members seeded after the usual ones (ada, ben, cleo keep their places). */
  roles?: RoleSeed[];
  members?: MemberSeed[];
  simulator?: Partial<PercifySimulatorOptions>;
  /** The bot's logger, for tests that read its log lines. */
  logger?: Logger;
  /** Passed to startApp: a note in every delivered result's footer. */
  resultNote?: string;
  /** Passed to startApp: job deadlines in ms, shortened for the tests that drive jobs past them. */
  jobDeadlines?: Partial<JobDeadlines>;
}

const TOKEN = 'e2e-bot-token';

export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'bot-e2e-'));
  const speed = options.speed ?? 2000;
  const plan = options.plan ?? 'pro';
  const stack = await startStack({
    botToken: TOKEN,
    guilds: [
      {
        name: 'Studio',
        channels: [{ name: 'general' }, { name: 'studio' }],
        roles: options.roles ?? [],
        members: [
          { username: 'ada', globalName: 'Ada (admin)', admin: true, owner: true },
          { username: 'ben', globalName: 'Ben' },
          { username: 'cleo', globalName: 'Cleo' },
          ...(options.members ?? []),
        ],
      },
    ],
    commands: 'first-guild',
    percify: { speed, plan, mediaScale: 0.25, ...options.simulator },
  });
  try {
    const app = await stack.startBot({
      env: {
        PERCIFY_PLAN: plan,
        PERCIFY_RATE_LIMIT_PER_MINUTE: '100000',
        WEBHOOKS_DISABLED: 'true',
        DATABASE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
        ...options.env,
      },
      // E2E_LOG=debug shows the bot's log while a test runs.
      logger:
        options.logger ??
        (process.env.E2E_LOG ? createLogger({ level: process.env.E2E_LOG }) : silentLogger()),
      percifySpeed: speed,
      progressIntervalMs: 50,
      retryDelayMs: () => 100,
      resultNote: options.resultNote,
      jobDeadlines: options.jobDeadlines,
    });
    await stack.emulator.driver.waitForBot();
    return {
      emulator: stack.emulator,
      percify: stack.percify,
      app,
      guild: stack.guilds[0]!,
      async close() {
        await stack.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
