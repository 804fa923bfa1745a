import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator, SeededGuild } from '../../../sandbox/discord/index.js';
import { apiError, startHarness, type Harness } from './harness.js';
import type { TestBot } from './test-bot.js';

// Discord's message rules (schemas and limits, permissions, uploads, edits), rate limits and server errors,
// as the real discord.js client meets them.

const TOKEN = 'message-rules-token';
const MIB = 1024 * 1024;

let harness: Harness;
let emulator: DiscordEmulator;
let bot: TestBot;
let guild: SeededGuild;
const api: Harness['api'] = (...args) => harness.api(...args);
const channel = (name: string) => harness.channel(name);

const buttonRow = (count: number, prefix: string) => ({
  type: 1,
  components: Array.from({ length: count }, (_, i) => ({
    type: 2,
    style: 1,
    label: 'b',
    custom_id: `${prefix}${i}`,
  })),
});

beforeAll(async () => {
  harness = await startHarness(TOKEN, {
    name: 'Message rules',
    channels: [
      { name: 'general' },
      { name: 'read-only', botDeny: ['SendMessages'] },
      { name: 'no-files', botDeny: ['AttachFiles'] },
      { name: 'hidden', botDeny: ['ViewChannel'] },
    ],
    members: [{ username: 'ben' }],
  });
  ({ emulator, bot, guild } = harness);
});

afterAll(async () => {
  expect(bot.errors).toEqual([]);
  await harness?.close();
});

describe('message rules', () => {
  it('rejects an over-long embed title with 50035 and the field path', async () => {
    const error = await apiError((await channel('general')).send({ embeds: [{ title: 'x'.repeat(300) }] }));
    expect(error.code).toBe(50035);
    expect(error.status).toBe(400);
    expect(error.message).toContain('embeds[0].title[BASE_TYPE_MAX_LENGTH]');
    expect(emulator.restLog.at(-1)).toMatchObject({ valid: false, status: 400, code: 50035 });
  });

  it('rejects more than 6000 embed characters, content over 2000 and duplicate custom ids', async () => {
    const general = await channel('general');
    const big = await apiError(
      general.send({ embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2500) }] }),
    );
    expect(big.message).toContain('MAX_EMBED_SIZE_EXCEEDED');
    const long = await apiError(general.send({ content: 'c'.repeat(2001) }));
    expect(long.message).toContain('content[BASE_TYPE_MAX_LENGTH]');
    const row = {
      type: 1,
      components: [1, 2].map(() => ({ type: 2, style: 1, label: 'x', custom_id: 'same' })),
    };
    const duplicate = await api('POST', `/channels/${guild.channels.general}/messages`, {
      content: 'x',
      components: [row],
    });
    expect(duplicate.json).toMatchObject({
      code: 50035,
      errors: { components: { '0': { components: { '1': { custom_id: {} } } } } },
    });
    const empty = await api('POST', `/channels/${guild.channels.general}/messages`, { content: '' });
    expect(empty).toMatchObject({
      status: 400,
      json: { code: 50006, message: 'Cannot send an empty message' },
    });
  });

  it.each([
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, 'embeds'],
    [
      '26 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      'embeds.0.fields',
    ],
    [
      'field name 257',
      { embeds: [{ fields: [{ name: 'n'.repeat(257), value: 'v' }] }] },
      'embeds.0.fields.0.name',
    ],
    [
      'field value 1025',
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
      'embeds.0.fields.0.value',
    ],
    ['description 4097', { embeds: [{ description: 'd'.repeat(4097) }] }, 'embeds.0.description'],
    ['footer 2049', { embeds: [{ footer: { text: 'f'.repeat(2049) } }] }, 'embeds.0.footer.text'],
    ['author 257', { embeds: [{ author: { name: 'a'.repeat(257) } }] }, 'embeds.0.author.name'],
    [
      '6 action rows',
      { components: Array.from({ length: 6 }, (_, i) => buttonRow(1, `r${i}`)) },
      'components',
    ],
    ['6 buttons in a row', { components: [buttonRow(6, 'b')] }, 'components.0.components'],
    [
      'button label 81',
      {
        components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'x', label: 'l'.repeat(81) }] }],
      },
      'components.0.components.0.label',
    ],
    ['custom id 101', { components: [buttonRow(1, 'c'.repeat(101))] }, 'components.0.components.0.custom_id'],
    [
      'select with 26 options',
      {
        components: [
          {
            type: 1,
            components: [
              {
                type: 3,
                custom_id: 's',
                options: Array.from({ length: 26 }, (_, i) => ({ label: `o${i}`, value: `o${i}` })),
              },
            ],
          },
        ],
      },
      'components.0.components.0.options',
    ],
  ])('rejects %s with 50035 at the offending field', async (_name, body, path) => {
    const answer = await api('POST', `/channels/${guild.channels.general}/messages`, {
      content: 'x',
      ...body,
    });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe(50035);
    let node: unknown = answer.json.errors;
    for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    expect(node).toHaveProperty('_errors');
  });

  it('checks the bot permissions in each channel', async () => {
    const readOnly = await apiError((await channel('read-only')).send('hello'));
    expect([readOnly.status, readOnly.code]).toEqual([403, 50013]);
    const noFiles = await apiError(
      (await channel('no-files')).send({ files: [{ attachment: Buffer.from('hi'), name: 'a.txt' }] }),
    );
    expect(noFiles.code).toBe(50013);
    expect((await (await channel('no-files')).send('text is fine')).content).toBe('text is fine');
    const hidden = await api('POST', `/channels/${guild.channels.hidden}/messages`, { content: 'x' });
    expect(hidden).toMatchObject({ status: 403, json: { code: 50001, message: 'Missing Access' } });
  });

  it('refuses an upload over the guild limit with 413 / 40005, and allows it after boosting', async () => {
    const general = await channel('general');
    const big = Buffer.alloc(11 * MIB, 7);
    const error = await apiError(general.send({ files: [{ attachment: big, name: 'big.bin' }] }));
    expect([error.status, error.code]).toEqual([413, 40005]);
    emulator.driver.setBoostTier(guild.id, 2);
    try {
      const sent = await general.send({ files: [{ attachment: big, name: 'big.bin' }] });
      expect(sent.attachments.first()?.size).toBe(big.length);
    } finally {
      emulator.driver.setBoostTier(guild.id, 0);
    }
    const files = Array.from({ length: 11 }, (_, i) => ({ attachment: Buffer.from('x'), name: `f${i}.txt` }));
    const tooMany = await api('POST', `/channels/${guild.channels.general}/messages`, {
      content: 'x',
      attachments: files.map((_, i) => ({ id: String(i) })),
    });
    expect(tooMany.json).toMatchObject({ code: 50035 });
    const eleven = await apiError(general.send({ content: 'many', files }));
    expect([eleven.status, eleven.code]).toEqual([400, 30015]);
  });

  it('keeps only the listed attachments on edit', async () => {
    const general = await channel('general');
    const sent = await general.send({
      files: [
        { attachment: Buffer.from('one'), name: 'one.txt' },
        { attachment: Buffer.from('two'), name: 'two.txt' },
      ],
    });
    const keep = sent.attachments.find((a) => a.name === 'two.txt');
    const edited = await sent.edit({ attachments: keep ? [keep] : [] });
    expect(edited.attachments.map((a) => a.name)).toEqual(['two.txt']);
    expect(emulator.driver.message(sent.id)?.history).toHaveLength(1);
  });

  it('answers 30046 for edits of hour-old messages when the switch is on', async () => {
    const sent = await (await channel('general')).send('old news');
    emulator.faults.oldMessageEdits30046 = true;
    emulator.clock.advance(61 * 60 * 1000);
    try {
      const error = await apiError(sent.edit('new news'));
      expect(error.code).toBe(30046);
    } finally {
      emulator.faults.oldMessageEdits30046 = false;
    }
    expect((await sent.edit('new news')).content).toBe('new news');
  });

  it('answers 10008 for a deleted message', async () => {
    const sent = await (await channel('general')).send('short-lived');
    await sent.delete();
    const gone = await api('GET', `/channels/${guild.channels.general}/messages/${sent.id}`);
    expect(gone).toMatchObject({ status: 404, json: { code: 10008, message: 'Unknown Message' } });
  });
});

describe('Components V2 rules', () => {
  const V2 = 1 << 15;
  const text = (content: string) => ({ type: 10, content });
  const card = (...components: object[]) => ({ type: 17, accent_color: 0x3ba55d, components });
  const send = (body: object) => api('POST', `/channels/${guild.channels.general}/messages`, body);
  const edit = (id: string, body: object) =>
    api('PATCH', `/channels/${guild.channels.general}/messages/${id}`, body);
  const errorAt = (json: Record<string, unknown>, path: string) => {
    let node: unknown = json.errors;
    for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    return node;
  };

  it('takes a container of text, a gallery and labelled buttons, and keeps the flag on later edits', async () => {
    const general = await channel('general');
    const sent = await general.send({
      flags: V2,
      files: [{ attachment: Buffer.from('png'), name: 'a.png' }],
      components: [
        card(
          text('### Hello'),
          { type: 12, items: [{ media: { url: 'attachment://a.png' }, description: 'An image' }] },
          { type: 14, divider: true, spacing: 1 },
          {
            type: 1,
            components: [{ type: 2, style: 1, label: 'Animate 1', emoji: { name: '🎬' }, custom_id: 'go' }],
          },
        ),
      ],
    });
    const stored = emulator.driver.message(sent.id)!;
    expect(stored.flags & V2).toBe(V2);
    // An edit that sends only components (greying out a button) leaves the message V2.
    const greyed = await edit(sent.id, {
      components: [
        card(text('### Hello'), {
          type: 1,
          components: [{ type: 2, style: 1, label: 'Animate 1', custom_id: 'go', disabled: true }],
        }),
      ],
    });
    expect(greyed.status).toBe(200);
    expect(emulator.driver.message(sent.id)!.flags & V2).toBe(V2);
    // The flag cannot be taken off again.
    await edit(sent.id, { flags: 0, components: [card(text('still V2'))] });
    expect(emulator.driver.message(sent.id)!.flags & V2).toBe(V2);
  });

  it('refuses content or embeds beside the flag, on a send and on an edit of a V2 message', async () => {
    const withContent = await send({ flags: V2, content: 'hi', components: [card(text('x'))] });
    expect(withContent.json.code).toBe(50035);
    expect(errorAt(withContent.json, 'content')).toHaveProperty('_errors');
    const withEmbed = await send({ flags: V2, embeds: [{ title: 't' }], components: [card(text('x'))] });
    expect(errorAt(withEmbed.json, 'embeds')).toHaveProperty('_errors');
    const made = await send({ flags: V2, components: [card(text('x'))] });
    expect(made.status).toBe(200);
    const id = String(made.json.id);
    const later = await edit(id, { content: 'back to text' });
    expect(later.status).toBe(400);
    expect(errorAt(later.json, 'content')).toHaveProperty('_errors');
  });

  it('refuses V2 components on a message without the flag', async () => {
    const answer = await send({ components: [card(text('x'))] });
    expect(answer.status).toBe(400);
    expect(errorAt(answer.json, 'components.0.type')).toHaveProperty('_errors');
  });

  it('counts every component at every depth against 40, and all text displays against 4000 characters', async () => {
    // 1 container + 8 rows of 4 buttons (40) + 1 text = 42 components.
    const rows = Array.from({ length: 8 }, (_, r) => ({
      type: 1,
      components: Array.from({ length: 4 }, (_, b) => ({
        type: 2,
        style: 2,
        label: 'b',
        custom_id: `r${r}b${b}`,
      })),
    }));
    const crowded = await send({ flags: V2, components: [card(text('x'), ...rows)] });
    expect(crowded.status).toBe(400);
    expect(JSON.stringify(crowded.json.errors)).toContain('COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED');
    const wordy = await send({
      flags: V2,
      components: [card(text('a'.repeat(2500)), text('b'.repeat(1600)))],
    });
    expect(wordy.status).toBe(400);
    expect(JSON.stringify(wordy.json.errors)).toContain('COMPONENT_MAX_TEXT_LENGTH_EXCEEDED');
    const fits = await send({
      flags: V2,
      components: [card(text('a'.repeat(2400)), text('b'.repeat(1600)))],
    });
    expect(fits.status).toBe(200);
  });

  it('keeps rows of at most five buttons and custom ids unique inside containers too', async () => {
    const six = await send({ flags: V2, components: [card(buttonRow(6, 'six'))] });
    expect(errorAt(six.json, 'components.0.components.0.components')).toHaveProperty('_errors');
    const twice = await send({ flags: V2, components: [card(buttonRow(1, 'dup'), buttonRow(1, 'dup'))] });
    expect(errorAt(twice.json, 'components.0.components.1.components.0.custom_id')).toHaveProperty('_errors');
  });

  it('lets an edit add the flag to a legacy message, which then shows only its components', async () => {
    const made = await send({ content: 'working…', embeds: [{ title: 'Progress' }] });
    const id = String(made.json.id);
    const upgraded = await edit(id, { flags: V2, components: [card(text('### Done'))] });
    expect(upgraded.status).toBe(200);
    const stored = emulator.driver.message(id)!;
    expect(stored.flags & V2).toBe(V2);
    expect([stored.content, stored.embeds]).toEqual(['', []]);
  });
});

describe('rate limits and server errors', () => {
  it('sends rate-limit headers on every answer', async () => {
    const response = await fetch(`${emulator.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bot ${TOKEN}` },
    });
    for (const header of [
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
      'x-ratelimit-reset-after',
      'x-ratelimit-bucket',
    ])
      expect(response.headers.get(header)).not.toBeNull();
  });

  it('injects 429s that discord.js waits out and retries', async () => {
    const before = emulator.restLog.length;
    Object.assign(emulator.faults.rateLimit, {
      remaining429: 2,
      global: false,
      retryAfterMs: 60,
      route: 'POST /channels/',
    });
    const started = Date.now();
    const sent = await (await channel('general')).send('after the rate limit');
    expect(sent.content).toBe('after the rate limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    const calls = emulator.restLog.slice(before).filter((e) => e.method === 'POST');
    expect(calls.map((e) => e.status)).toEqual([429, 429, 200]);
    Object.assign(emulator.faults.rateLimit, {
      remaining429: 1,
      global: true,
      retryAfterMs: 50,
      route: undefined,
    });
    expect((await (await channel('general')).send('after a global limit')).content).toBe(
      'after a global limit',
    );
    expect(emulator.faults.rateLimit.remaining429).toBe(0);
  });

  it('answers a raw 429 with Retry-After and a JSON body', async () => {
    Object.assign(emulator.faults.rateLimit, {
      remaining429: 1,
      global: true,
      retryAfterMs: 1500,
      route: 'GET /users/@me',
    });
    const response = await fetch(`${emulator.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bot ${TOKEN}` },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1.5');
    expect(response.headers.get('x-ratelimit-global')).toBe('true');
    expect(await response.json()).toEqual({
      message: 'You are being rate limited.',
      retry_after: 1.5,
      global: true,
    });
  });

  it('injects 5xx answers that discord.js retries', async () => {
    const before = emulator.restLog.length;
    emulator.faults.serverErrors = 2;
    const sent = await (await channel('general')).send('after two 500s');
    expect(sent.content).toBe('after two 500s');
    expect(emulator.restLog.slice(before).map((e) => e.status)).toEqual([500, 500, 200]);
  });
});
