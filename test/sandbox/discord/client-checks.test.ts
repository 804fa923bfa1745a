import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClientRefusal,
  startDiscordEmulator,
  type DiscordEmulator,
  type OptionValue,
} from '../../../sandbox/discord/index.js';
import { startTestBot, type TestBot } from './test-bot.js';

// What Discord's client refuses before anything is sent: the emulator refuses the same, so the bot never
// sees a value its options do not allow, nor a command its member is not offered.

const TOKEN = 'client-checks-token';
let emulator: DiscordEmulator;
let bot: TestBot;

beforeAll(async () => {
  emulator = await startDiscordEmulator({ botToken: TOKEN });
  emulator.driver.seedGuild({
    name: 'Checks',
    channels: [{ name: 'general' }],
    roles: [{ name: 'Moderator', permissions: ['ManageGuild'] }],
    members: [
      { username: 'ada', admin: true },
      { username: 'ben' },
      { username: 'max', roles: ['Moderator'] },
    ],
  });
  bot = await startTestBot({ apiUrl: emulator.apiUrl, token: TOKEN });
});

afterAll(async () => {
  await bot?.destroy();
  await emulator?.close();
});

const roll = (options: Record<string, OptionValue>, extra: { skipClientChecks?: boolean } = {}) =>
  emulator.driver.runCommand({ user: 'ben', channel: 'general', name: 'roll', options, ...extra });

/** The refusal's text, checking that nothing was dispatched to the bot. */
function refusal(act: () => unknown): string {
  const before = emulator.driver.interactions().length;
  let caught: unknown;
  try {
    act();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ClientRefusal);
  expect(emulator.driver.interactions()).toHaveLength(before);
  return (caught as Error).message;
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.origin}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("the emulator checks options as Discord's client does", () => {
  it.each<[string, Record<string, OptionValue>, string]>([
    ['an integer under min_value', { dice: 0 }, '/roll dice: must be between 1 and 6'],
    ['an integer over max_value', { dice: 99_999_999_999 }, '/roll dice: must be between 1 and 6'],
    ['a fraction for an integer', { dice: 2.5 }, '/roll dice: needs a whole number'],
    ['text for an integer', { dice: 'two' }, '/roll dice: needs a whole number'],
    ['an empty integer', { dice: ' ' }, '/roll dice: needs a whole number'],
    ['a number over max_value', { dice: 1, scale: 50 }, '/roll scale: must be between 0.5 and 2'],
    ['a string under min_length', { dice: 1, label: 'a' }, '/roll label: needs at least 2 characters'],
    ['a string over max_length', { dice: 1, label: 'abcdef' }, '/roll label: takes at most 5 characters'],
    ['a value that is not a choice', { dice: 1, mode: 'medium' }, '/roll mode: must be one of fast, slow'],
    ['a boolean that is neither', { dice: 1, loud: 'yes' }, '/roll loud: must be true or false'],
    ['a required option left out', {}, '/roll needs the option "dice"'],
  ])('refuses %s and the bot never sees it', (_, options, message) => {
    expect(refusal(() => roll(options))).toBe(message);
  });

  it('sends values on the limits, typed, and counts an emoji as one character', async () => {
    const reply = await roll({ dice: '6', scale: 0.5, label: '🦊🦊', mode: 'slow', loud: 'false' }).reply();
    expect(reply.content).toBe('rolled dice=6 scale=0.5 label=🦊🦊 mode=slow loud=false');
    expect(bot.errors).toEqual([]);
  });

  it('refuses over HTTP with 422 and says it was the client', async () => {
    const { status, json } = await call('POST', 'commands/run', {
      user: 'ben',
      channel: 'general',
      name: 'roll',
      options: { dice: -5 },
    });
    expect(status).toBe(422);
    expect(json).toEqual({ error: '/roll dice: must be between 1 and 6', refused: true });
    // A mistake in the request itself stays a plain 400.
    const unknown = await call('POST', 'commands/run', {
      user: 'ben',
      channel: 'general',
      name: 'roll',
      options: { dice: 1, colour: 'red' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.refused).toBeUndefined();
  });

  it("lets a test forge what the client would refuse, to pin the bot's own checks", async () => {
    const reply = await roll({ dice: -5, label: 'a' }, { skipClientChecks: true }).reply();
    expect(reply.content).toBe('rolled dice=-5 label=a');
  });

  it('carries only the other options that pass the checks while autocomplete is typed', async () => {
    const handle = emulator.driver.autocomplete({
      user: 'ben',
      channel: 'general',
      name: 'roll',
      focused: 'topic',
      options: { dice: 4, scale: 9, label: 'x', mode: 'fast', topic: 'sp' },
    });
    const { choices } = await handle.response();
    expect(choices).toEqual([{ name: 'dice=4 mode=fast', value: 'seen' }]);
  });
});

describe('default_member_permissions', () => {
  it('hides /quota from a member without Manage Server, in the driver and over HTTP', async () => {
    const names = (user: string) => emulator.driver.commands(undefined, { as: user }).map((c) => c.name);
    expect(names('ben')).not.toContain('quota');
    expect(names('ben')).toContain('roll');
    expect(names('max')).toContain('quota');
    expect(names('ada')).toContain('quota');
    const listed = await call('GET', `commands?guild=&as=ben&channel=general`);
    expect(listed.status).toBe(200);
    const all = emulator.driver.commands().length;
    expect((listed.json.commands as { name: string }[]).map((c) => c.name)).toEqual(names('ben'));
    expect(names('ben')).toHaveLength(all - 1);
  });

  it('refuses to run it for that member, and runs it for a moderator', async () => {
    const message = refusal(() =>
      emulator.driver.runCommand({
        user: 'ben',
        channel: 'general',
        name: 'quota allowance',
        options: { credits: 5 },
      }),
    );
    expect(message).toBe('/quota is not offered to ben: it needs ManageGuild');
    const reply = await emulator.driver
      .runCommand({ user: 'max', channel: 'general', name: 'quota allowance', options: { credits: 5 } })
      .reply();
    expect(reply.content).toBe('allowance: 5 credits for everyone');
  });
});
