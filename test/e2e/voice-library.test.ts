import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { finishedAvatar } from '../support/job-runs.js';
import { componentIds, visibleText } from '../support/messages.js';
import { makeTone } from '../sandbox/percify/media-fixtures.js';

// /voice end to end: a real 20 s WAV on the emulator's CDN, measured before anything is held,
// confirmed as the member's own, cloned in the simulator, offered first to its owner only, spoken
// with lip-sync in a video, and deleted at Percify.

let h: BotHarness;
let dir: string;
let tone20: Buffer;
let tone8: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'voice-library-'));
  [tone20, tone8] = await Promise.all([makeTone(dir, 'tone20.wav', 20), makeTone(dir, 'tone8.mp3', 8)]);
  h = await startBotHarness();
  const admin = h.emulator.driver.userId('ada');
  await h.app.context.settings.update(
    h.guild.id,
    admin,
    (s) => ({ ...s, allowancePerDay: 200, limits: { ...s.limits, confirmAbove: 500 } }),
    'tests',
  );
}, 60_000);
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

const spendable = async (user: string) =>
  (await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId(user), [])).spendable;

function clone(user: string, filename: string, bytes: Buffer, name: string) {
  return h.emulator.driver.runCommand({
    user,
    channel: 'studio',
    name: 'voice clone',
    options: { sample: { filename, bytes }, name },
  });
}

function features(options: Record<string, boolean>) {
  return h.emulator.driver
    .runCommand({ user: 'ada', channel: 'studio', name: 'quota features', options })
    .reply();
}

async function voiceChoices(user: string, typed = '') {
  const answer = await h.emulator.driver
    .autocomplete({
      user,
      channel: 'studio',
      name: 'animate',
      options: { avatar: 'x', voice: typed },
      focused: 'voice',
    })
    .response();
  return answer.choices ?? [];
}

let benVoiceId = '';

describe('/voice', () => {
  it('is off until an admin turns voice cloning on', async () => {
    const reply = await clone('ben', 'me.wav', tone20, 'Ben').reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toBe(
      'Voice cloning is turned off on this server. The preset voices still work in `/animate`.',
    );
    const on = await features({ voice_cloning: true });
    expect(visibleText(on)).toContain('Voice cloning (`/voice clone`): **on** (was off)');
  });

  it('obeys the blocklist on the voice name', async () => {
    const admin = h.emulator.driver.userId('ada');
    await h.app.context.settings.update(
      h.guild.id,
      admin,
      (s) => ({ ...s, blocklist: ['celebrity'] }),
      'test',
    );
    const reply = await clone('ben', 'me.wav', tone20, 'Celebrity voice').reply();
    expect(visibleText(reply)).toContain(
      'Your voice name contains "celebrity", which this server does not allow.',
    );
    await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, blocklist: [] }), 'test');
  });

  it('refuses an 8 s sample with the limits, measured before anything is held', async () => {
    const reply = await clone('ben', 'short.mp3', tone8, 'Short').reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toMatch(
      /That recording is 8\.\d s long; a voice needs at least 15 s \(30–60 s works best\)\. Nothing was charged\./,
    );
    expect(h.percify.voices().some((voice) => voice.name === 'Short')).toBe(false);
    expect(await spendable('ben')).toBe(200);
  });

  it('clones a 20 s sample after the member confirms it is their own voice, charging 5', async () => {
    const ask = await clone('ben', 'me.wav', tone20, 'Ben studio').reply();
    expect(ask.ephemeral).toBe(true);
    expect(visibleText(ask)).toContain('A 20.0 s sample. Cloning costs **5 credits**');
    expect(visibleText(ask)).toContain('Only confirm if this is your own voice.');
    expect(await spendable('ben')).toBe(200);

    const click = h.emulator.driver.clickButton({
      message: ask.id,
      customId: componentIds(ask)['✅ This is my own voice']!,
      user: 'ben',
    });
    await click.response();
    const done = await h.emulator.driver.waitForEdit(
      ask.id,
      (m) => visibleText(m).includes('is ready'),
      20_000,
    );
    expect(visibleText(done)).toContain('Your voice “Ben studio” is ready');
    const cloned = h.percify.voices().filter((voice) => voice.name === 'Ben studio');
    expect(cloned.map((voice) => [voice.type, voice.sampleDuration])).toEqual([['cloned', 20]]);
    benVoiceId = cloned[0]!.id;
    await vi.waitFor(async () => expect(await spendable('ben')).toBe(195));
  });

  it('offers the voice first to its owner, and to nobody else', async () => {
    const bens = await voiceChoices('ben');
    expect(bens[0]).toEqual({ name: `Ben studio (your voice) (${benVoiceId})`, value: benVoiceId });
    const cleos = await voiceChoices('cleo');
    expect(cleos.length).toBeGreaterThan(0);
    expect(cleos.some((choice) => choice.value === benVoiceId)).toBe(false);
    const list = await h.emulator.driver
      .runCommand({ user: 'cleo', channel: 'studio', name: 'voice list' })
      .reply();
    expect(visibleText(list)).toContain('You have not cloned a voice yet');
    // The answer is the member's own: in Japanese for a Japanese client.
    const listJa = await h.emulator.driver
      .runCommand({ user: 'cleo', channel: 'studio', name: 'voice list', locale: 'ja' })
      .reply();
    expect(listJa.embeds[0]?.title).toBe('🎙 あなたの声');
    expect(visibleText(listJa)).toContain('まだ声をクローンしていません');
  });

  it('speaks a lip-synced line in the cloned voice, and refuses it to another member', async () => {
    const avatar = await finishedAvatar(h, 'ben', 'a radio host in a studio', 7);
    const reply = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: { avatar: avatar.id, duration: 3, speech: 'This is my own voice.', voice: benVoiceId },
      })
      .reply();
    const done: EmulatedMessage = await h.emulator.driver.waitForEdit(
      reply.id,
      (m) => /Your video|Could not/.test(visibleText(m)),
      30_000,
    );
    expect(visibleText(done)).not.toContain('Could not');
    expect(done.attachments[0]!.filename).toMatch(/\.mp4$/);
    const audio = h.percify.audios().find((a) => a.text === 'This is my own voice.');
    expect(audio?.voiceId).toBe(benVoiceId);
    expect(h.percify.videos().some((video) => video.hasAudio)).toBe(true);
    // Replace voice (the video has one) offers the member's own voice first too.
    const addVoice = await h.emulator.driver
      .clickButton({ message: done, customId: componentIds(done)['Replace voice']!, user: 'ben' })
      .response();
    expect(JSON.stringify(addVoice.modal)).toMatch(
      new RegExp(`"options":\\[\\{"label":"Ben studio \\(your voice\\)","value":"${benVoiceId}"`),
    );

    const cleoAvatar = await finishedAvatar(h, 'cleo', 'a podcast guest', 8);
    const refused = await h.emulator.driver
      .runCommand({
        user: 'cleo',
        channel: 'studio',
        name: 'animate',
        options: { avatar: cleoAvatar.id, duration: 3, speech: 'Borrowed voice.', voice: benVoiceId },
      })
      .reply();
    expect(refused.ephemeral).toBe(true);
    expect(visibleText(refused)).toContain('That voice is not one you can use');
    expect(h.percify.audios().some((a) => a.text === 'Borrowed voice.')).toBe(false);
  }, 60_000);

  it('lists and deletes the voice, at Percify too', async () => {
    const list = await h.emulator.driver
      .runCommand({ user: 'ben', channel: 'studio', name: 'voice list' })
      .reply();
    expect(visibleText(list)).toContain(`**Ben studio** · \`${benVoiceId}\` · 20 s sample`);
    const offered = await h.emulator.driver
      .autocomplete({
        user: 'ben',
        channel: 'studio',
        name: 'voice delete',
        options: { voice: 'ben' },
        focused: 'voice',
      })
      .response();
    expect(offered.choices).toEqual([{ name: 'Ben studio', value: benVoiceId }]);
    // Cleo cannot delete Ben's voice, even knowing its id.
    const notHers = await h.emulator.driver
      .runCommand({ user: 'cleo', channel: 'studio', name: 'voice delete', options: { voice: benVoiceId } })
      .reply();
    expect(visibleText(notHers)).toContain('That is not one of your voices');
    const deleted = await h.emulator.driver
      .runCommand({ user: 'ben', channel: 'studio', name: 'voice delete', options: { voice: benVoiceId } })
      .reply();
    expect(visibleText(deleted)).toContain('Deleted your voice **Ben studio**, here and at Percify.');
    expect(h.percify.voices().some((voice) => voice.id === benVoiceId)).toBe(false);
    expect((await voiceChoices('ben')).some((choice) => choice.value === benVoiceId)).toBe(false);
  });

  it('counts the clone in /quota usage', async () => {
    const usage = await h.emulator.driver
      .runCommand({ user: 'ada', channel: 'studio', name: 'quota usage', options: { period: 'day' } })
      .reply();
    expect(visibleText(usage)).toContain('0 photo avatars · 1 voice clone');
  });
});
