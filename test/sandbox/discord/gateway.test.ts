import { Client, Events, GatewayIntentBits } from 'discord.js';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../../sandbox/discord/index.js';
import { startTestBot, type TestBot } from './test-bot.js';

// The gateway: login, a dropped connection resumed with the missed events replayed, and refused tokens.

const TOKEN = 'gateway-token';

let emulator: DiscordEmulator;
let bot: TestBot;

beforeAll(async () => {
  emulator = await startDiscordEmulator({ botToken: TOKEN });
  emulator.driver.seedGuild({
    name: 'Gateway',
    channels: [{ name: 'general' }],
    members: [{ username: 'ben' }],
  });
  bot = await startTestBot({ apiUrl: emulator.apiUrl, token: TOKEN });
});

afterAll(async () => {
  await bot?.destroy();
  await emulator?.close();
});

const hello = () => emulator.driver.runCommand({ user: 'ben', channel: 'general', name: 'hello' });

describe('gateway', () => {
  it('logs the bot in with one IDENTIFY', () => {
    expect(emulator.gatewayStats()).toEqual({ identifies: 1, resumes: 0 });
    expect(bot.client.user?.id).toBe(emulator.botUserId);
    expect(bot.client.application?.id).toBe(emulator.applicationId);
  });

  it('resumes after a dropped socket and replays the interaction it missed', async () => {
    const resumed = new Promise<void>((resolve) => bot.client.once(Events.ShardResume, () => resolve()));
    emulator.faults.dropGateway();
    // Dispatched while the socket is down: it must arrive through the RESUME replay.
    const missed = hello();
    await resumed;
    expect((await missed.reply()).content).toBe('Hello, ben!');
    expect(emulator.gatewayStats()).toEqual({ identifies: 1, resumes: 1 });
    expect((await hello().reply()).content).toBe('Hello, ben!');
  });

  it('adds a guild seeded after login to the client cache', async () => {
    const created = new Promise<string>((resolve) =>
      bot.client.once(Events.GuildCreate, (g) => resolve(g.name)),
    );
    emulator.driver.seedGuild({
      name: 'Late guild',
      channels: [{ name: 'lobby' }],
      members: [{ username: 'late-user' }],
    });
    expect(await created).toBe('Late guild');
  });

  it('answers a member request (op 8) with a members chunk', async () => {
    const guild = bot.client.guilds.cache.find((g) => g.name === 'Gateway');
    const members = await guild?.members.fetch();
    expect(members?.map((m) => m.user.username).sort()).toEqual(['Gateway owner', 'Percify', 'ben'].sort());
  });

  it('rejects login with a wrong token', async () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl } });
    try {
      await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    } finally {
      await client.destroy();
    }
  });

  it('closes a socket that identifies with a wrong token with 4004', async () => {
    const socket = new WebSocket(`${emulator.gatewayUrl}?v=10&encoding=json`);
    const hello = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    expect(await hello).toMatchObject({ op: 10, d: { heartbeat_interval: expect.any(Number) } });
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await closed).toBe(4004);
  });

  it('acknowledges heartbeats', async () => {
    const socket = new WebSocket(`${emulator.gatewayUrl}?v=10&encoding=json`);
    const messages: unknown[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ op: 1, d: null }));
    await expect.poll(() => messages.some((m) => (m as { op: number }).op === 11)).toBe(true);
    socket.close();
  });
});
