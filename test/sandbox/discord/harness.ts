import { DiscordAPIError, type SendableChannels } from 'discord.js';
import {
  startDiscordEmulator,
  type DiscordEmulator,
  type GuildSeed,
  type SeededGuild,
} from '../../../sandbox/discord/index.js';
import { startTestBot, type TestBot } from './test-bot.js';

/** One emulator, one seeded guild and the test bot logged in, plus raw-REST helpers for rule tests. */
export interface Harness {
  emulator: DiscordEmulator;
  bot: TestBot;
  guild: SeededGuild;
  /** A raw REST call (with the bot token unless `auth` is false), as a client misusing the API would make. */
  api(
    method: string,
    path: string,
    body?: unknown,
    auth?: boolean,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
  /** A raw interaction callback, no Authorization header, as Discord expects. */
  callback(
    id: string,
    token: string,
    body: unknown,
    query?: string,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
  /** The bot's discord.js view of a seeded channel. */
  channel(name: string): Promise<SendableChannels>;
  close(): Promise<void>;
}

export async function startHarness(token: string, seed: GuildSeed): Promise<Harness> {
  const emulator = await startDiscordEmulator({ botToken: token });
  const guild = emulator.driver.seedGuild(seed);
  const bot = await startTestBot({ apiUrl: emulator.apiUrl, token });
  const api: Harness['api'] = async (method, path, body, auth = true) => {
    const response = await fetch(`${emulator.apiUrl}/v10${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bot ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return {
    emulator,
    bot,
    guild,
    api,
    callback: (id, interactionToken, body, query = '') =>
      api('POST', `/interactions/${id}/${interactionToken}/callback${query}`, body, false),
    channel: async (name) => {
      const found = await bot.client.channels.fetch(guild.channels[name] ?? '');
      if (!found?.isSendable()) throw new Error(`${name} is not sendable`);
      return found;
    },
    close: async () => {
      await bot.destroy();
      await emulator.close();
    },
  };
}

/** The DiscordAPIError a discord.js call rejected with (fails when it did not reject with one). */
export async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError))
    throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
}
