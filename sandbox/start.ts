import { randomBytes } from 'node:crypto';
import type { Logger } from '../src/logger.js';
import { startApp, type RunningApp } from '../src/app.js';
import { parseConfig, type PercifyPlan } from '../src/config.js';
import { deployCommands } from '../src/deploy.js';
import {
  SANDBOX_GUILD,
  startDiscordEmulator,
  type DiscordEmulator,
  type GuildSeed,
  type SeededGuild,
} from './discord/index.js';
import { startPercifySimulator, type PercifySimulator } from './percify/index.js';
import { createPlaygroundHandler } from './playground/server.js';

/**
 * The whole sandbox in one process: the Discord emulator (which also serves the playground page on its own
 * origin, so the page calls /_emulator same-origin), the Percify simulator signing webhooks to the bot, and
 * the real bot from startApp pointed at both by URL, exactly as in production.
 */

export interface SandboxOptions {
  host?: string;
  /** The playground's port (SANDBOX_PORT); 0 picks a free one. */
  port: number;
  databaseUrl: string;
  /** Simulator speed-up; 1 is Percify's documented processing times. */
  speed?: number;
  plan?: PercifyPlan;
  /** Shrinks rendered video frames; tests use 0.25 to encode quickly. */
  mediaScale?: number;
  logLevel?: string;
  logger: Logger;
  /** Called with the playground URL as soon as the page answers, before the bot has connected. */
  onListening?: (url: string) => void;
  /** Job runner pacing, shortened by tests. */
  progressIntervalMs?: number;
}

export interface RunningSandbox {
  url: string;
  emulator: DiscordEmulator;
  percify: PercifySimulator;
  app: RunningApp;
  guild: SeededGuild;
  stop(): Promise<void>;
}

const BOT_TOKEN = 'sandbox-bot-token';

/**
 * Fixed ids, so what the bot keeps in data/sandbox.sqlite (settings, ledgers, creations) still matches the
 * guild and members after a restart; the emulator itself keeps nothing between runs.
 */
export const SANDBOX_IDS = {
  guild: '1300000000000000001',
  channels: { general: '1300000000000000011', studio: '1300000000000000012' },
  members: { ada: '1300000000000000101', ben: '1300000000000000102', cleo: '1300000000000000103' },
} as const;

export const SANDBOX_SEED: GuildSeed = {
  ...SANDBOX_GUILD,
  id: SANDBOX_IDS.guild,
  channels: (SANDBOX_GUILD.channels ?? []).map((channel) => ({
    ...channel,
    id: SANDBOX_IDS.channels[channel.name as keyof typeof SANDBOX_IDS.channels],
  })),
  members: (SANDBOX_GUILD.members ?? []).map((member) => ({
    ...member,
    id: SANDBOX_IDS.members[member.username as keyof typeof SANDBOX_IDS.members],
  })),
};

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const speed = options.speed ?? 1;
  const plan = options.plan ?? 'pro';
  const logger = options.logger;
  const playground = createPlaygroundHandler({ plan, speed });
  const emulator = await startDiscordEmulator({
    host: options.host ?? '127.0.0.1',
    port: options.port,
    botToken: BOT_TOKEN,
    // Its own info lines would come before the playground URL, which must be the first thing printed.
    logger: logger.child({ component: 'discord-emulator' }, { level: 'warn' }),
    serveOther: playground.handle,
  });
  const stack: Array<() => Promise<void>> = [() => emulator.close()];
  let stopped: Promise<void> | undefined;
  // Last started, first stopped: the bot finishes its writes before its Discord and Percify go away.
  const unwind = (): Promise<void> =>
    (stopped ??= (async () => {
      for (const close of [...stack].reverse()) {
        await close().catch((error: unknown) =>
          logger.error({ err: error }, 'sandbox: error while stopping'),
        );
      }
    })());
  try {
    const guild = emulator.driver.seedGuild(SANDBOX_SEED);
    const url = `${emulator.origin}/`;
    options.onListening?.(url);

    const secret = randomBytes(24).toString('hex');
    const percify = await startPercifySimulator({
      port: 0,
      speed,
      plan,
      ...(options.mediaScale !== undefined ? { mediaScale: options.mediaScale } : {}),
      logger: logger.child({ component: 'percify-simulator' }),
    });
    stack.push(() => percify.close());
    playground.attach(percify);

    const config = parseConfig({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_GUILD_ID: guild.id,
      PERCIFY_API_KEY: 'sandbox-key',
      PERCIFY_API_URL: percify.url,
      PERCIFY_PLAN: plan,
      PERCIFY_WEBHOOK_SECRET: secret,
      WEBHOOK_HOST: '127.0.0.1',
      WEBHOOK_PORT: '0',
      METRICS_PORT: '0',
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: options.logLevel ?? 'info',
      SANDBOX_PORT: String(options.port),
    });
    await deployCommands({ token: BOT_TOKEN, apiUrl: emulator.apiUrl, guildId: guild.id });
    const app = await startApp({
      config,
      logger,
      percifySpeed: speed,
      ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
    });
    stack.push(() => app.stop());
    // The listener's port is known only once it is bound; until then jobs are tracked by polling.
    percify.setWebhook(app.webhookUrl, secret);

    return {
      url,
      emulator,
      percify,
      app,
      guild,
      stop: unwind,
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
