import { Events, type Client } from 'discord.js';
import { COMMAND_MODULES } from './commands/index.js';
import type { Config } from './config.js';
import type { BotContext } from './context.js';
import { createDiscordClient } from './discord-client.js';
import { buildRouter, createInteractionListener } from './events/interaction-create.js';
import { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  now?: () => number;
}

export interface RunningApp {
  readonly client: Client;
  readonly context: BotContext;
  /** Stops taking commands, lets running writes finish, then closes every connection. */
  stop(): Promise<void>;
}

/**
 * Builds the whole bot from its configuration and logs in. The same function runs in production, in
 * the sandbox and in end-to-end tests; only the URLs in the configuration differ.
 */
export async function startApp({ config, logger, now = Date.now }: AppOptions): Promise<RunningApp> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is required to start the bot');
  const lifecycle = new Lifecycle();
  const context: BotContext = { config, logger, lifecycle, now };

  const client = createDiscordClient({ apiUrl: config.DISCORD_API_URL });
  // discord.js turns a rejected listener into an 'error' event; without a listener it would crash.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.once(Events.ClientReady, (ready) =>
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'),
  );
  client.on(Events.InteractionCreate, createInteractionListener(context, buildRouter(COMMAND_MODULES)));

  await client.login(config.DISCORD_TOKEN);

  return {
    client,
    context,
    async stop() {
      lifecycle.startDraining();
      await client.destroy();
    },
  };
}
