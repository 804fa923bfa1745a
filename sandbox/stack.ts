import type { ChildProcess } from 'node:child_process';
import { startApp, type AppOptions, type RunningApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { deployCommands } from '../src/deploy.js';
import type { Logger } from '../src/logger.js';
import {
  startDiscordEmulator,
  type DiscordEmulator,
  type DiscordEmulatorOptions,
  type GuildSeed,
  type SeededGuild,
} from './discord/index.js';
import { startTs } from './processes.js';
import {
  startPercifySimulator,
  type PercifySimulator,
  type PercifySimulatorOptions,
} from './percify/index.js';

/**
 * The one place that builds the offline stack: the Discord emulator, the Percify simulator and the
 * bot, in-process or as a child process. The sandbox, the end-to-end and resilience tests and the
 * benchmark all start it here with the knobs they need, and every part is stopped in reverse order
 * of starting, whether the stack is stopped or failed halfway up.
 */

/** Stops what was started, last first; runs once however often it is asked. */
export class Teardown {
  readonly #steps: Array<() => Promise<unknown>> = [];
  #done: Promise<void> | undefined;

  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  add(step: () => Promise<unknown>): void {
    this.#steps.push(step);
  }

  run(): Promise<void> {
    this.#done ??= (async () => {
      for (const step of [...this.#steps].reverse()) {
        await step().catch(this.onError);
      }
    })();
    return this.#done;
  }
}

export interface StackOptions {
  botToken: string;
  /** The emulator's own knobs (host, port, logger, extra routes such as the playground). */
  emulator?: Omit<DiscordEmulatorOptions, 'botToken'>;
  /** Guilds seeded before the commands are registered. */
  guilds: readonly GuildSeed[];
  /** Register the commands in the first guild (instant) or globally (one PUT for every guild). */
  commands: 'first-guild' | 'global';
  percify?: Partial<PercifySimulatorOptions>;
  /** Told as soon as the emulator answers, before the simulator and the bot are up. */
  onEmulatorListening?: (emulator: DiscordEmulator) => void;
  /** Logs a step that failed while stopping. */
  logger?: Logger;
}

export interface Stack {
  emulator: DiscordEmulator;
  percify: PercifySimulator;
  guilds: SeededGuild[];
  /** The bot's environment pointed at this stack, for a config or a child process. */
  botEnv(extra?: Record<string, string>): Record<string, string>;
  /** Starts the bot in this process; it is stopped first when the stack stops. */
  startBot(options: Omit<AppOptions, 'config'> & { env?: Record<string, string> }): Promise<RunningApp>;
  /** Starts the bot as a child process from `entry`; it is killed first when the stack stops. */
  startBotChild(
    entry: string,
    env: Record<string, string>,
    ready?: RegExp,
    timeoutMs?: number,
  ): Promise<{ child: ChildProcess; output: () => string }>;
  /** Stops the bots, then the simulator, then the emulator. */
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const teardown = new Teardown((error) => options.logger?.error({ err: error }, 'error while stopping'));
  try {
    const emulator = await startDiscordEmulator({ ...options.emulator, botToken: options.botToken });
    teardown.add(() => emulator.close());
    const guilds = options.guilds.map((seed) => emulator.driver.seedGuild(seed));
    options.onEmulatorListening?.(emulator);
    const percify = await startPercifySimulator({ port: 0, ...options.percify });
    teardown.add(() => percify.close());
    await deployCommands({
      token: options.botToken,
      apiUrl: emulator.apiUrl,
      guildId: options.commands === 'first-guild' ? guilds[0]?.id : undefined,
    });
    const botEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
      DISCORD_TOKEN: options.botToken,
      DISCORD_API_URL: emulator.apiUrl,
      PERCIFY_API_KEY: 'offline-key',
      PERCIFY_API_URL: percify.url,
      // A free port for /metrics, /livez and /readyz, so that several stacks can run at once.
      METRICS_PORT: '0',
      ...extra,
    });
    return {
      emulator,
      percify,
      guilds,
      botEnv,
      async startBot({ env, ...appOptions }) {
        const app = await startApp({ ...appOptions, config: parseConfig(botEnv(env)) });
        teardown.add(() => app.stop());
        return app;
      },
      async startBotChild(entry, env, ready = /^ready.*\n/m, timeoutMs = 30_000) {
        const started = await startTs(entry, env, ready, timeoutMs);
        teardown.add(async () => {
          if (started.child.exitCode === null && started.child.signalCode === null)
            started.child.kill('SIGKILL');
        });
        return started;
      },
      stop: () => teardown.run(),
    };
  } catch (error) {
    await teardown.run();
    throw error;
  }
}
