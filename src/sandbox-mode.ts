import { startApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/**
 * Which world the bot runs in is chosen by what is configured, so a fresh clone works with nothing set:
 * - no DISCORD_TOKEN: the sandbox (Discord emulator + Percify simulator + the playground page);
 * - DISCORD_TOKEN without PERCIFY_API_KEY: the real Discord with the simulator behind it (no credits spent);
 * - both: production.
 */
export type RunMode = 'sandbox' | 'simulated-percify' | 'production';

export function selectMode(config: Pick<Config, 'DISCORD_TOKEN' | 'PERCIFY_API_KEY'>): RunMode {
  if (!config.DISCORD_TOKEN) return 'sandbox';
  if (!config.PERCIFY_API_KEY) return 'simulated-percify';
  return 'production';
}

/** The one start-up line naming the mode; plain words, since an operator reads it first. */
export function describeMode(mode: RunMode): string {
  switch (mode) {
    case 'sandbox':
      return 'Mode: sandbox (no DISCORD_TOKEN): local Discord emulator + simulated Percify + playground page; nothing leaves this machine.';
    case 'simulated-percify':
      return 'Mode: simulated Percify (DISCORD_TOKEN set, no PERCIFY_API_KEY): real Discord, Percify simulated in-process; no credits are spent and every result is simulated.';
    case 'production':
      return 'Mode: production: real Discord and the real Percify API.';
  }
}

/** In every result's footer in simulated-Percify mode, so nobody mistakes it for a real render. */
export const SIMULATED_RESULT_NOTE = '🧪 Simulated result: Percify simulator, no credits spent';

export interface Running {
  stop(): Promise<void>;
}

export interface StartModeOptions {
  config: Config;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  /** Told the playground's address as soon as it answers, before the bot has connected. */
  onSandboxUrl?: (url: string) => void;
}

/** Reads SANDBOX_SPEED: how much faster than real time the simulator runs (1 = realistic). */
export function sandboxSpeed(env: NodeJS.ProcessEnv): number {
  const raw = env.SANDBOX_SPEED?.trim();
  const value = raw ? Number(raw) : 1;
  return Number.isFinite(value) && value > 0 ? value : 1;
}

export async function startInMode(mode: RunMode, options: StartModeOptions): Promise<Running> {
  const { config, logger, env } = options;
  switch (mode) {
    case 'production':
      return startApp({ config, logger });
    case 'sandbox': {
      // Loaded only here and for the simulated Percify below, so production never loads the sandbox.
      const { startSandbox } = await import('../sandbox/start.js');
      const sandbox = await startSandbox({
        host: '127.0.0.1',
        port: config.SANDBOX_PORT,
        // Its own file, never DATABASE_URL: sandbox guilds and ledgers must not land in a real database.
        databaseUrl: env.SANDBOX_DATABASE_URL?.trim() || 'sqlite://data/sandbox.sqlite',
        speed: sandboxSpeed(env),
        plan: config.PERCIFY_PLAN,
        logLevel: config.LOG_LEVEL,
        logger,
        onListening: options.onSandboxUrl,
      });
      return sandbox;
    }
    case 'simulated-percify': {
      const { startWithSimulatedPercify } = await import('../sandbox/simulated-percify.js');
      return startWithSimulatedPercify(config, logger, sandboxSpeed(env));
    }
  }
}
