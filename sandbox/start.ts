import { randomBytes } from 'node:crypto';
import type { Logger } from '../src/logger.js';
import type { RunningApp } from '../src/app.js';
import type { PercifyPlan } from '../src/config.js';
import { SANDBOX_GUILD, type DiscordEmulator, type GuildSeed, type SeededGuild } from './discord/index.js';
import type { PercifySimulator } from './percify/index.js';
import { createPlaygroundHandler } from './playground/server.js';
import { startStack } from './stack.js';

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
  /** Shrinks rendered avatar images and video frames; tests use 0.25 to encode quickly. */
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
  const stack = await startStack({
    botToken: BOT_TOKEN,
    emulator: {
      host: options.host ?? '127.0.0.1',
      port: options.port,
      // Its own info lines would come before the playground URL, which must be the first thing printed.
      logger: logger.child({ component: 'discord-emulator' }, { level: 'warn' }),
      serveOther: (req, res, url) => playground.handle(req, res, url),
    },
    guilds: [SANDBOX_SEED],
    commands: 'first-guild',
    onEmulatorListening: (emulator) => options.onListening?.(`${emulator.origin}/`),
    percify: {
      speed,
      plan,
      mediaScale: options.mediaScale,
      logger: logger.child({ component: 'percify-simulator' }),
    },
    logger,
  });
  try {
    playground.attach(stack.percify);
    const guild = stack.guilds[0]!;
    const secret = randomBytes(24).toString('hex');
    const app = await stack.startBot({
      env: {
        DISCORD_GUILD_ID: guild.id,
        PERCIFY_PLAN: plan,
        PERCIFY_WEBHOOK_SECRET: secret,
        WEBHOOK_HOST: '127.0.0.1',
        WEBHOOK_PORT: '0',
        DATABASE_URL: options.databaseUrl,
        LOG_LEVEL: options.logLevel ?? 'info',
        SANDBOX_PORT: String(options.port),
      },
      logger,
      percifySpeed: speed,
      progressIntervalMs: options.progressIntervalMs,
    });
    // The listener's port is known only once it is bound; until then jobs are tracked by polling.
    stack.percify.setWebhook(app.webhookUrl, secret);
    return {
      url: `${stack.emulator.origin}/`,
      emulator: stack.emulator,
      percify: stack.percify,
      app,
      guild,
      stop: () => stack.stop(),
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
