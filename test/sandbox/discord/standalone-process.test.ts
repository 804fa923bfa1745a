import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTs } from '../../../sandbox/processes.js';
import { startTestBot, type TestBot } from './test-bot.js';

// `npm run emulator` in its own process, a discord.js bot connecting to it, and a command driven over
// /_emulator/ by a third party (this test): what the playground page and a separate bot process do.

const TOKEN = 'standalone-token';
let child: ChildProcess | undefined;
let bot: TestBot | undefined;
let origin = '';

beforeAll(async () => {
  const port = await freePort();
  const started = await startTs(
    'sandbox/discord/main.ts',
    { SANDBOX_DISCORD_PORT: String(port), SANDBOX_DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
    /Discord emulator listening on (http:\/\/\S+)\/api/,
  );
  child = started.child;
  origin = /listening on (http:\/\/\S+)\/api/.exec(started.output())?.[1] ?? '';
  bot = await startTestBot({ apiUrl: `${origin}/api`, token: TOKEN });
}, 30_000);

afterAll(async () => {
  await bot?.destroy();
  child?.kill('SIGTERM');
});

describe('npm run emulator', () => {
  it('seeds the Sandbox guild and serves a bot in another process', async () => {
    const state = (await (await fetch(`${origin}/_emulator/state`)).json()) as {
      botConnected: boolean;
      guilds: Array<{ name: string; channels: Array<{ name: string }> }>;
    };
    expect(state.botConnected).toBe(true);
    expect(state.guilds[0]?.name).toBe('Sandbox');
    expect(state.guilds[0]?.channels.map((channel) => channel.name)).toEqual(['general', 'studio']);

    const response = await fetch(`${origin}/_emulator/commands/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'cleo', channel: 'studio', name: 'hello', wait: 'reply' }),
    });
    const run = (await response.json()) as { reply: { content: string; author: { bot: boolean } } };
    expect(response.status).toBe(200);
    expect(run.reply.content).toBe('Hello, cleo!');
    expect(run.reply.author.bot).toBe(true);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
  });
});
