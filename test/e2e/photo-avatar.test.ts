import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { finalJob, jobIdOf } from '../support/job-runs.js';
import { componentIds, visibleText } from '../support/messages.js';
import { makeImage } from '../sandbox/percify/media-fixtures.js';

// /avatar photo: end to end: a real PNG attachment on the emulator's CDN, the consent line asked
// once, Percify Yourself in the simulator, a real PNG back, and every refusal before a credit moves.

let h: BotHarness;
let dir: string;
let portrait: Buffer;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'photo-avatar-'));
  [portrait] = await Promise.all([makeImage(dir, 'me.png', 512, 640)]);
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

const photoAvatars = () => h.percify.avatars().filter((avatar) => avatar.model === 'percify-yourself');
const spendable = async (user: string) =>
  (await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId(user), [])).spendable;

function photoCommand(
  user: string,
  file: { filename: string; bytes: Buffer },
  options: Record<string, string> = {},
) {
  return h.emulator.driver.runCommand({
    user,
    channel: 'studio',
    name: 'avatar',
    options: { ...options, photo: { filename: file.filename, bytes: file.bytes } },
  });
}

describe('/avatar photo:', () => {
  it('asks for consent once, then turns the photo into an avatar with the usual buttons and charges 10', async () => {
    const consent = await photoCommand(
      'ben',
      { filename: 'me.png', bytes: portrait },
      { style: 'anime' },
    ).reply();
    expect(consent.ephemeral).toBe(true);
    expect(visibleText(consent)).toContain('Use a photo of yourself, or one you have the right to use');
    expect(photoAvatars()).toHaveLength(0);
    expect(await spendable('ben')).toBe(50);

    const first = await h.emulator.driver
      .clickButton({
        message: consent.id,
        customId: componentIds(consent)['✅ It is me, or I have the right']!,
        user: 'ben',
      })
      .reply();
    expect(visibleText(first)).toContain('10 credits · 40 credits left after this');
    const done = await h.emulator.driver.waitForEdit(first.id, (m) => m.attachments.length === 1, 20_000);
    expect(visibleText(done)).toContain('Your photo avatar');
    expect(done.attachments[0]!.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(Object.keys(componentIds(done))).toEqual(
      expect.arrayContaining(['Animate', 'Reroll', 'Vary', 'HD', 'Delete']),
    );
    const job = await finalJob(h, jobIdOf(first));
    expect(job.state).toBe('done');
    // The link to the photo is dropped with the result; the style went to Percify as chosen.
    expect(job.kind === 'avatar' && job.params.photo).toEqual({ fileName: 'me.png' });
    expect(photoAvatars()).toHaveLength(1);
    expect(photoAvatars()[0]!.stylePreset).toBe('anime');
    await vi.waitFor(async () => expect(await spendable('ben')).toBe(40));

    // Consent is remembered: the second photo goes straight to work.
    const second = await photoCommand('ben', { filename: 'me.png', bytes: portrait }).reply();
    expect(second.ephemeral).toBeFalsy();
    expect(visibleText(second)).toContain('Creating your photo avatar');
    await finalJob(h, jobIdOf(second));

    // Another take needs the photo again: the bot did not keep it.
    const reroll = await h.emulator.driver
      .clickButton({ message: done.id, customId: componentIds(done)['Reroll']!, user: 'ben' })
      .reply();
    expect(visibleText(reroll)).toContain('does not keep your photo');
  });

  it('refuses a file that is not a PNG, JPEG or WebP, with the limits, and spends nothing', async () => {
    const gif = await makeImage(dir, 'me.gif', 400, 400);
    const before = await spendable('cleo');
    // Named .png, but the bytes are a GIF: the bytes decide.
    const reply = await photoCommand('cleo', { filename: 'me.png', bytes: gif }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toMatch(/not a PNG, JPEG or WebP picture/);
    expect(visibleText(reply)).toContain('at most 10 MB, each side 256–4096 pixels');
    expect(visibleText(reply)).toContain('Nothing was charged');
    expect(await spendable('cleo')).toBe(before);
  });

  it('refuses an oversized picture before anything is spent', async () => {
    const huge = await makeImage(dir, 'wide.png', 4200, 300);
    const avatarsBefore = photoAvatars().length;
    const reply = await photoCommand('ben', { filename: 'wide.png', bytes: huge }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(
      'That picture is 4200×300 pixels; each side must be 256 to 4096 pixels.',
    );
    expect(photoAvatars()).toHaveLength(avatarsBefore);
    const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId('ben'), []);
    expect(balance.reservedNow).toBe(0);
  });

  it('is refused with a clear line when the server turns photo avatars off', async () => {
    const off = await h.emulator.driver
      .runCommand({
        user: 'ada',
        channel: 'studio',
        name: 'quota features',
        options: { photo_avatars: false },
      })
      .reply();
    expect(visibleText(off)).toContain('Photo avatars (`/avatar photo:`): **off** (was on)');
    const reply = await photoCommand('ben', { filename: 'me.png', bytes: portrait }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toBe(
      'Avatars from photos are turned off on this server. `/avatar` with a prompt still works.',
    );
    await h.emulator.driver
      .runCommand({
        user: 'ada',
        channel: 'studio',
        name: 'quota features',
        options: { photo_avatars: true },
      })
      .reply();
  });

  it('obeys the blocklist on its prompt and the channel list, before anything is spent', async () => {
    const admin = h.emulator.driver.userId('ada');
    await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, blocklist: ['villain'] }), 'test');
    const blocked = await photoCommand(
      'ben',
      { filename: 'me.png', bytes: portrait },
      { prompt: 'as a villain' },
    ).reply();
    expect(visibleText(blocked)).toContain(
      'Your prompt contains "villain", which this server does not allow.',
    );
    const studio = h.emulator.driver.channelId('studio');
    await h.app.context.settings.update(
      h.guild.id,
      admin,
      (s) => ({ ...s, blocklist: [], channels: [studio] }),
      'test',
    );
    const elsewhere = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'general',
        name: 'avatar',
        options: { photo: { filename: 'me.png', bytes: portrait } },
      })
      .reply();
    expect(visibleText(elsewhere)).toContain(`Avatars are made in <#${studio}> on this server.`);
    await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, channels: [] }), 'test');
    expect(photoAvatars()).toHaveLength(2);
  });

  it('counts photo avatars in /quota usage', async () => {
    const usage = await h.emulator.driver
      .runCommand({ user: 'ada', channel: 'studio', name: 'quota usage', options: { period: 'day' } })
      .reply();
    expect(visibleText(usage)).toContain('2 photo avatars · 0 voice clones');
  });
});
