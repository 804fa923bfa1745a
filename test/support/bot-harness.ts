import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startDiscordEmulator,
  type DiscordEmulator,
  type MemberSeed,
  type RoleSeed,
  type SeededGuild,
} from '../../sandbox/discord/index.js';
import {
  startPercifySimulator,
  type PercifySimulator,
  type PercifySimulatorOptions,
} from '../../sandbox/percify/index.js';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { deployCommands } from '../../src/deploy.js';
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
}

const TOKEN = 'e2e-bot-token';

export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'bot-e2e-'));
  const speed = options.speed ?? 2000;
  const emulator = await startDiscordEmulator({ botToken: TOKEN });
  const guild = emulator.driver.seedGuild({
    name: 'Studio',
    channels: [{ name: 'general' }, { name: 'studio' }],
    roles: options.roles ?? [],
    members: [
      { username: 'ada', globalName: 'Ada (admin)', admin: true, owner: true },
      { username: 'ben', globalName: 'Ben' },
      { username: 'cleo', globalName: 'Cleo' },
      ...(options.members ?? []),
    ],
  });
  const percify = await startPercifySimulator({
    port: 0,
    speed,
    plan: options.plan ?? 'pro',
    mediaScale: 0.25,
    ...options.simulator,
  });
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emulator.apiUrl,
    PERCIFY_API_KEY: 'e2e-key',
    PERCIFY_API_URL: percify.url,
    PERCIFY_PLAN: options.plan ?? 'pro',
    PERCIFY_RATE_LIMIT_PER_MINUTE: '100000',
    WEBHOOKS_DISABLED: 'true',
    METRICS_PORT: '0',
    DATABASE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    ...options.env,
  });
  await deployCommands({ token: TOKEN, apiUrl: emulator.apiUrl, guildId: guild.id });
  const app = await startApp({
    config,
    // E2E_LOG=debug shows the bot's log while a test runs.
    logger:
      options.logger ?? (process.env.E2E_LOG ? createLogger({ level: process.env.E2E_LOG }) : silentLogger()),
    percifySpeed: speed,
    progressIntervalMs: 50,
    retryDelayMs: () => 100,
    ...(options.resultNote ? { resultNote: options.resultNote } : {}),
  });
  await emulator.driver.waitForBot();
  return {
    emulator,
    percify,
    app,
    guild,
    async close() {
      await app.stop();
      await percify.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
