import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  seedSandboxGuild,
  startDiscordEmulator,
  type DiscordEmulator,
} from '../../../sandbox/discord/index.js';
import { startTestBot, type TestBot } from './test-bot.js';

// The driver over HTTP (/_emulator/...), as the playground page or another process uses it.

const TOKEN = 'http-driver-token';

let emulator: DiscordEmulator;
let bot: TestBot;

beforeAll(async () => {
  emulator = await startDiscordEmulator({ botToken: TOKEN });
  seedSandboxGuild(emulator);
  bot = await startTestBot({ apiUrl: emulator.apiUrl, token: TOKEN });
});

afterAll(async () => {
  await bot?.destroy();
  await emulator?.close();
});

interface MessageJson {
  id: string;
  content: string;
  ephemeral: boolean;
  author: { bot: boolean };
  attachments: { url: string; filename: string; contentType: string }[];
}

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${emulator.origin}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

describe('HTTP driver', () => {
  it('describes the seeded Sandbox guild', async () => {
    const { json } = await call<{
      botConnected: boolean;
      guilds: {
        name: string;
        channels: { name: string }[];
        members: { displayName: string; admin: boolean }[];
      }[];
    }>('GET', 'state');
    expect(json.botConnected).toBe(true);
    const sandbox = json.guilds[0];
    expect(sandbox?.name).toBe('Sandbox');
    expect(sandbox?.channels.map((c) => c.name)).toEqual(['general', 'studio']);
    expect(sandbox?.members).toEqual([
      expect.objectContaining({ displayName: 'Ada (admin)', admin: true }),
      expect.objectContaining({ displayName: 'Ben', admin: false }),
      expect.objectContaining({ displayName: 'Cleo', admin: false }),
    ]);
  });

  it('runs a command and returns the reply', async () => {
    const { status, json } = await call<{ reply: MessageJson; response: { type: number } }>(
      'POST',
      'commands/run',
      {
        user: 'ben',
        channel: 'general',
        name: 'hello',
        wait: 'reply',
      },
    );
    expect(status).toBe(200);
    expect(json.response.type).toBe(4);
    expect(json.reply.content).toBe('Hello, ben!');
    expect(json.reply.author.bot).toBe(true);
  });

  it("keeps a member's language and the server's, and sends them with each interaction", async () => {
    expect((await call('POST', 'locale', { user: 'ben', locale: 'ja' })).status).toBe(200);
    expect((await call('POST', 'locale', { guild: 'Sandbox', locale: 'de' })).status).toBe(200);
    await call('POST', 'commands/run', { user: 'ben', channel: 'general', name: 'hello', wait: 'reply' });
    expect(emulator.driver.interactions().at(-1)?.payload).toMatchObject({
      locale: 'ja',
      guild_locale: 'de',
    });
    const { json } = await call<{
      guilds: { preferredLocale: string; members: { username: string; locale: string }[] }[];
    }>('GET', 'state');
    expect(json.guilds[0]?.preferredLocale).toBe('de');
    expect(json.guilds[0]?.members.find((member) => member.username === 'ben')?.locale).toBe('ja');
    // Only Discord's own codes, and someone to set it for.
    expect((await call('POST', 'locale', { user: 'ben', locale: 'klingon' })).status).toBe(400);
    expect((await call('POST', 'locale', { locale: 'fr' })).status).toBe(400);
    await call('POST', 'locale', { user: 'ben', locale: 'en-US' });
    await call('POST', 'locale', { guild: 'Sandbox', locale: 'en-US' });
  });

  it('opens a modal and submits it', async () => {
    const opened = await call<{ interactionId: string; response: { modal: { custom_id: string } } }>(
      'POST',
      'commands/run',
      {
        user: 'cleo',
        channel: 'studio',
        name: 'form',
      },
    );
    expect(opened.json.response.modal.custom_id).toBe('prompt-form');
    const submitted = await call<{ reply: MessageJson }>('POST', 'modal-submit', {
      interaction: opened.json.interactionId,
      fields: { prompt: 'a robot' },
      wait: 'reply',
    });
    expect(submitted.json.reply.content).toBe('Prompt received: a robot');
  });

  it('clicks a button, picks from a select and reads autocomplete', async () => {
    const counter = await call<{ reply: MessageJson }>('POST', 'commands/run', {
      user: 'ben',
      channel: 'general',
      name: 'counter',
      wait: 'reply',
    });
    const clicked = await call<{ reply: MessageJson }>('POST', 'click', {
      message: counter.json.reply.id,
      customId: 'count:0',
      user: 'ben',
      wait: 'reply',
    });
    expect(clicked.json.reply.content).toBe('Count: 1');
    const pick = await call<{ reply: MessageJson }>('POST', 'commands/run', {
      user: 'ben',
      channel: 'general',
      name: 'pick',
      wait: 'reply',
    });
    const picked = await call<{ reply: MessageJson }>('POST', 'select', {
      message: pick.json.reply.id,
      customId: 'flavour',
      values: ['vanilla'],
      user: 'ben',
      wait: 'reply',
    });
    expect(picked.json.reply.content).toBe('You picked vanilla');
    const complete = await call<{ response: { choices: { name: string }[] } }>('POST', 'autocomplete', {
      user: 'ben',
      channel: 'general',
      name: 'search',
      focused: 'style',
      options: { style: 'c' },
    });
    expect(complete.json.response.choices.map((c) => c.name)).toEqual(['cyberpunk']);
  });

  it('uploads a file through a command and serves the echoed one by URL', async () => {
    const { json } = await call<{ reply: MessageJson }>('POST', 'commands/run', {
      user: 'ben',
      channel: 'studio',
      name: 'echo',
      attachments: { file: { filename: 'note.txt', base64: Buffer.from('hello file').toString('base64') } },
      wait: 'reply',
    });
    const file = json.reply.attachments[0];
    expect(file?.filename).toBe('echo-note.txt');
    expect(file?.contentType).toBe('text/plain; charset=utf-8');
    expect(await (await fetch(file?.url ?? '')).text()).toBe('hello file');
  });

  it("lists a channel as a user sees it: others' ephemeral messages left out", async () => {
    const secret = await call<{ reply: MessageJson }>('POST', 'commands/run', {
      user: 'cleo',
      channel: 'general',
      name: 'secret',
      wait: 'reply',
    });
    const asBen = await call<{ messages: MessageJson[] }>('GET', 'channels/general/messages?as=ben');
    const asCleo = await call<{ messages: MessageJson[] }>('GET', 'channels/general/messages?as=cleo');
    expect(asBen.json.messages.map((m) => m.id)).not.toContain(secret.json.reply.id);
    expect(asCleo.json.messages.map((m) => m.id)).toContain(secret.json.reply.id);
    expect(asCleo.json.messages.find((m) => m.id === secret.json.reply.id)?.ephemeral).toBe(true);
  });

  it('streams message events over SSE, filtered for the viewer', async () => {
    const abort = new AbortController();
    const stream = await fetch(`${emulator.origin}/_emulator/events?as=ben`, { signal: abort.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body?.getReader();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) throw new Error('stream ended');
        text += Buffer.from(chunk.value).toString('utf8');
      }
    };
    await readUntil(': connected');
    await call('POST', 'commands/run', { user: 'cleo', channel: 'general', name: 'secret', wait: 'reply' });
    await call('POST', 'commands/run', { user: 'ben', channel: 'general', name: 'hello', wait: 'reply' });
    await readUntil('Hello, ben!');
    await call('POST', 'commands/run', { user: 'ben', channel: 'general', name: 'form' });
    await readUntil('event: modal.opened');
    await call('POST', 'autocomplete', {
      user: 'ben',
      channel: 'general',
      name: 'search',
      focused: 'style',
      options: { style: 'f' },
    });
    await readUntil('event: autocomplete.result');
    abort.abort();
    expect(text).toContain('event: message.created');
    expect(text).toContain('"title":"Describe your avatar"');
    expect(text).toContain('"name":"fantasy"');
    expect(text).not.toContain('Only you can see this');
  });

  it('lists registered commands, sets faults and reports bad requests', async () => {
    const commands = await call<{ commands: { name: string }[] }>('GET', 'commands');
    expect(commands.json.commands.map((c) => c.name)).toContain('hello');
    const faults = await call<{ serverErrors: number }>('POST', 'faults', { serverErrors: 1 });
    expect(faults.json.serverErrors).toBe(1);
    const reply = await call<{ reply: MessageJson }>('POST', 'commands/run', {
      user: 'ben',
      channel: 'general',
      name: 'follow',
      wait: 'reply',
    });
    expect(reply.json.reply.content).toBe('First');
    expect(emulator.faults.serverErrors).toBe(0);
    const bad = await call<{ error: string }>('POST', 'commands/run', {
      user: 'nobody',
      channel: 'general',
      name: 'hello',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('Unknown user nobody');
  });
});
