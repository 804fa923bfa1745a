import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { componentIds, detail, disabledLabels, heading, visibleText } from '../support/messages.js';
import { finishedAvatar } from '../support/job-runs.js';

// /animate end to end: from a member's avatar to a playable video in the channel, with the confirm
// step, the Animate panel, a spoken line with lip-sync, and Add voice on a finished video.

let h: BotHarness;
let benAvatar: { id: string; message: EmulatedMessage };

const TITLE_DONE = /Your video|Voice added|Could not/;

async function settled(message: EmulatedMessage): Promise<EmulatedMessage> {
  return h.emulator.driver.waitForEdit(message.id, (m) => TITLE_DONE.test(heading(m)), 30_000);
}

/** Ben clicks 🎬 Animate under his avatar: the panel comes back privately. */
function openPanel(): Promise<EmulatedMessage> {
  return h.emulator.driver
    .clickButton({
      message: benAvatar.message,
      customId: componentIds(benAvatar.message)['Animate']!,
      user: 'ben',
    })
    .reply();
}

async function spent(user: string): Promise<number> {
  return (await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId(user), [])).spentToday;
}

beforeAll(async () => {
  h = await startBotHarness();
  const admin = h.emulator.driver.userId('ada');
  await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, allowancePerDay: 1000 }), 'tests');
  benAvatar = await finishedAvatar(h, 'ben', 'a smiling astronaut', 9);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('/animate', () => {
  it("suggests the member's own finished avatars as they type", async () => {
    const own = await h.emulator.driver
      .autocomplete({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: { avatar: 'astro' },
        focused: 'avatar',
      })
      .response();
    expect(own.choices).toEqual([{ name: `a smiling astronaut · ${benAvatar.id}`, value: benAvatar.id }]);
    const others = await h.emulator.driver
      .autocomplete({
        user: 'cleo',
        channel: 'studio',
        name: 'animate',
        options: { avatar: '' },
        focused: 'avatar',
      })
      .response();
    expect(others.choices).toEqual([]);
    const voices = await h.emulator.driver
      .autocomplete({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: { avatar: benAvatar.id, voice: 'narr' },
        focused: 'voice',
      })
      .response();
    expect(voices.choices?.[0]).toEqual({ name: 'Narrator (preset-narrator)', value: 'preset-narrator' });
  });

  it('renders a 5 s basic video into the channel as an MP4 and charges the price list', async () => {
    const before = await spent('ben');
    const reply = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: { avatar: benAvatar.id, duration: 5 },
      })
      .reply();
    expect(heading(reply)).toContain('Animating');
    const done = await settled(reply);
    expect(heading(done)).toBe('✅ Your video');
    const field = (name: string) => detail(done, name);
    expect([field('Length'), field('Tier'), field('Motion'), field('Charged')]).toEqual([
      '5 s',
      'Basic · 720p · 30 fps',
      'moderate',
      '30 credits',
    ]);
    // The video itself is in the card, from the file uploaded with it.
    expect(JSON.stringify(done.components)).toContain('"url":"attachment://video.mp4"');
    const file = done.attachments[0]!;
    expect(file.filename).toBe('video.mp4');
    expect(file.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    await vi.waitFor(async () => expect(await spent('ben')).toBe(before + 30));
    expect(Object.keys(componentIds(done))).toEqual(['Add voice', 'Re-render', 'Delete']);
  });

  it('refuses what the tier cannot do, and avatars that are not yours, before anything is spent', async () => {
    const ask = async (user: string, options: Record<string, string | number>) =>
      (await h.emulator.driver.runCommand({ user, channel: 'studio', name: 'animate', options }).reply())
        .content;
    // A new server allows 10 s, so Reality Lab is no way to a longer clip here: it is not offered.
    expect(await ask('ben', { avatar: benAvatar.id, duration: 12 })).toBe(
      'Basic videos are 3 to 10 seconds long.',
    );
    expect(await ask('ben', { avatar: benAvatar.id, fps: 60 })).toContain('Reality Lab');
    expect(await ask('ben', { avatar: benAvatar.id, format: 'mov' })).toContain('Reality Lab');
    expect(await ask('cleo', { avatar: benAvatar.id })).toContain("can't find that avatar");
    expect(h.percify.videos().filter((v) => v.status !== 'completed')).toEqual([]);
  });

  it('asks before spending above the confirm threshold, and only the owner can confirm', async () => {
    const ask = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: { avatar: benAvatar.id, duration: 8 },
      })
      .reply();
    expect(ask.ephemeral).toBe(true);
    expect(visibleText(ask)).toContain('48 credits');
    expect(visibleText(ask)).toContain('an 8 s Basic video');
    const ids = componentIds(ask);
    const before = await spent('ben');
    const confirmed = await h.emulator.driver
      .clickButton({ message: ask, customId: ids['✅ Confirm']!, user: 'ben' })
      .reply();
    const done = await settled(confirmed);
    expect(detail(done, 'Charged')).toBe('48 credits');
    await vi.waitFor(async () => expect(await spent('ben')).toBe(before + 48));
    // The offer's buttons are greyed out once the video has started: there is nothing to click twice.
    expect(disabledLabels(h.emulator.driver.message(ask.id)!)).toEqual(['✅ Confirm', 'Cancel']);
  });

  it('lets the member cancel, and lets an offer lapse after a minute', async () => {
    const run = () =>
      h.emulator.driver
        .runCommand({
          user: 'ben',
          channel: 'studio',
          name: 'animate',
          options: { avatar: benAvatar.id, duration: 9 },
        })
        .reply();
    const first = await run();
    const cancelled = await h.emulator.driver
      .clickButton({ message: first, customId: componentIds(first)['Cancel']!, user: 'ben' })
      .response();
    expect(cancelled.message?.embeds[0]?.title).toBe('Cancelled');
    const second = await run();
    const pendingId = componentIds(second)['✅ Confirm']!.split(':')[2]!;
    const key = `v1:pending-video:${pendingId}`;
    const pending = await h.app.context.store.get<{ createdAt: number }>(key);
    await h.app.context.store.set(key, { ...pending, createdAt: Date.now() - 61_000 });
    const late = await h.emulator.driver
      .clickButton({ message: second, customId: componentIds(second)['✅ Confirm']!, user: 'ben' })
      .reply();
    expect(late.content).toContain('has expired');
  });

  it('says a line with lip-sync, charging the video and the voice at Percify’s figures', async () => {
    const before = await spent('ben');
    const ask = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: {
          avatar: benAvatar.id,
          speech: 'Hello there, welcome to the studio!',
          voice: 'preset-friendly-female',
        },
      })
      .reply();
    // 30 credits of video plus the voice is over the server's threshold of 30: confirm first.
    expect(visibleText(ask)).toMatch(/video 30 \+ voice about \d+/);
    const reply = await h.emulator.driver
      .clickButton({ message: ask, customId: componentIds(ask)['✅ Confirm']!, user: 'ben' })
      .reply();
    const done = await settled(reply);
    expect(detail(done, 'Voice')).toMatch(/^Yes/);
    const video = h.percify.videos().find((v) => v.hasAudio);
    expect(video).toBeDefined();
    const audio = h.percify.audios().find((a) => a.text === 'Hello there, welcome to the studio!');
    expect(audio?.voiceId).toBe('preset-friendly-female');
    await vi.waitFor(async () => expect(await spent('ben')).toBe(before + 30 + audio!.creditCost));
  }, 60_000);

  it('renders Reality Lab at 60 fps as a MOV file', async () => {
    const reply = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: {
          avatar: benAvatar.id,
          tier: 'reality-lab',
          fps: 60,
          format: 'mov',
          motion: 'dynamic',
          duration: 3,
        },
      })
      .reply();
    const done = await settled(reply);
    const field = (name: string) => detail(done, name);
    expect([field('Tier'), field('Motion'), field('Charged')]).toEqual([
      'Reality Lab · 1080p · 60 fps',
      'dynamic',
      '20 credits',
    ]);
    expect(done.attachments[0]!.filename).toBe('video.mov');
    expect(h.percify.videos().at(-1)).toMatchObject({
      studioTier: 'reality-lab',
      fps: 60,
      format: 'mov',
      motionStyle: 'dynamic',
    });
  });

  it('opens the Animate panel from an avatar result, prices each choice live, and renders', async () => {
    const panel = await openPanel();
    expect(panel.ephemeral).toBe(true);
    // Each tier says the longest video this server allows (10 s by default), not what Percify could render.
    const tierLabels: string[] = [];
    for (const row of panel.components) {
      if (!('components' in row)) continue;
      for (const c of row.components as readonly object[]) {
        const select = c as { custom_id?: string; options?: { label: string }[] };
        if (select.custom_id?.endsWith(':tier'))
          tierLabels.push(...(select.options ?? []).map((o) => o.label));
      }
    }
    expect(tierLabels).toEqual(['Basic — 720p, up to 10 s', 'Reality Lab — 1080p, up to 10 s']);
    const ids = componentIds(panel);
    const tierId = Object.values(ids).find((id) => id.endsWith(':tier'))!;
    const updated = await h.emulator.driver
      .selectMenu({ message: panel, customId: tierId, values: ['reality-lab'], user: 'ben' })
      .response();
    const renderLabel = Object.keys(componentIds(updated.message!)).find((label) =>
      label.startsWith('🎬 Render'),
    );
    expect(renderLabel).toBe('🎬 Render · 20 credits');
    const renderId = componentIds(updated.message!)['🎬 Render · 20 credits']!;
    const job = await h.emulator.driver
      .clickButton({ message: panel, customId: renderId, user: 'ben' })
      .reply();
    const done = await settled(job);
    expect(detail(done, 'Tier')).toBe('Reality Lab · 1080p · 30 fps');
  });

  it('sweeps a panel nobody came back to, and its select then says the panel has closed', async () => {
    const panel = await openPanel();
    const tierId = Object.values(componentIds(panel)).find((id) => id.endsWith(':tier'))!;
    const key = `v1:animate-panel:${tierId.split(':')[2]!}`;
    const store = h.app.context.store;
    const record = await store.get<{ createdAt: number }>(key);
    await store.set(key, { ...record, createdAt: Date.now() - 61 * 60_000 });
    expect(await h.app.context.shortLived.sweep()).toBeGreaterThanOrEqual(1);
    expect(await store.get(key)).toBeUndefined();
    const late = await h.emulator.driver
      .selectMenu({ message: panel, customId: tierId, values: ['reality-lab'], user: 'ben' })
      .reply();
    expect(late.ephemeral).toBe(true);
    expect(late.content).toContain('panels close after an hour');
  });

  it('adds a voice to a finished video through a modal', async () => {
    const reply = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: { avatar: benAvatar.id, duration: 3 },
      })
      .reply();
    const video = await settled(reply);
    const click = h.emulator.driver.clickButton({
      message: video,
      customId: componentIds(video)['Add voice']!,
      user: 'ben',
    });
    expect((await click.response()).modal?.title).toBe('Add a voice');
    const voiced = await h.emulator.driver
      .submitModal({ interaction: click, fields: { line: 'Now I can talk.', voice: 'preset-narrator' } })
      .reply();
    const done = await settled(voiced);
    expect(heading(done)).toBe('✅ Voice added');
  });
});

describe('/animate in the member’s and the server’s language', () => {
  it('offers a German member the video in German, and posts it in the server’s Japanese', async () => {
    // The member reads their own offer and form; the whole channel reads the job's reply.
    h.emulator.driver.setLocale('ben', 'de');
    h.emulator.driver.setGuildLocale('Studio', 'ja');
    try {
      const ask = await h.emulator.driver
        .runCommand({
          user: 'ben',
          channel: 'studio',
          name: 'animate',
          options: { avatar: benAvatar.id, duration: 8 },
        })
        .reply();
      expect(ask.ephemeral).toBe(true);
      expect(heading(ask)).toBe('🎬 Dieses Video bestätigen?');
      expect(visibleText(ask)).toContain('Das ist ein Basic-Video mit 8 s (Bewegung moderat, 30 fps, mp4).');
      expect(visibleText(ask)).toContain('Es kostet **48 Credits**');
      expect(visibleText(ask)).toContain('Dieses Angebot gilt eine Minute.');
      const confirmed = await h.emulator.driver
        .clickButton({ message: ask, customId: componentIds(ask)['✅ Bestätigen']!, user: 'ben' })
        .reply();
      const done = await h.emulator.driver.waitForEdit(
        confirmed.id,
        (m) => /動画ができました|動かせませんでした/.test(heading(m)),
        30_000,
      );
      expect(heading(done)).toBe('✅ 動画ができました');
      expect(detail(done, '長さ')).toBe('8 秒');
      expect(detail(done, '請求額')).toBe('48 クレジット');
      expect(Object.keys(componentIds(done))).toEqual(['声を追加', '再レンダリング', '削除']);
      // 🔊 on the result opens the member's own form: German again, preset voices named in German.
      const form = await h.emulator.driver
        .clickButton({ message: done, customId: componentIds(done)['声を追加']!, user: 'ben' })
        .response();
      expect(form.modal?.title).toBe('Stimme hinzufügen');
      expect(JSON.stringify(form.modal)).toContain('"label":"Erzähler","value":"preset-narrator"');
    } finally {
      h.emulator.driver.setLocale('ben', 'en-US');
      h.emulator.driver.setGuildLocale('Studio', 'en-US');
    }
  }, 60_000);
});

describe('progress while a video renders', () => {
  let slow: BotHarness;
  beforeAll(async () => {
    slow = await startBotHarness({ speed: 20 });
    const admin = slow.emulator.driver.userId('ada');
    await slow.app.context.settings.update(
      slow.guild.id,
      admin,
      (s) => ({ ...s, allowancePerDay: 100 }),
      'tests',
    );
  }, 60_000);
  afterAll(async () => {
    await slow?.close();
  });

  it('moves the bar forward, never to the end before the video is there', async () => {
    const reply = await slow.emulator.driver
      .runCommand({ user: 'ben', channel: 'studio', name: 'avatar', options: { prompt: 'a slow turtle' } })
      .reply();
    await slow.emulator.driver.waitForEdit(reply.id, (m) => m.attachments.length === 1, 20_000);
    const avatarId = slow.percify.avatars()[0]!.id;
    await vi.waitFor(async () =>
      expect(
        await slow.app.context.history.search(slow.guild.id, slow.emulator.driver.userId('ben'), avatarId, 1),
      ).toHaveLength(1),
    );
    const video = await slow.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'animate',
        options: { avatar: avatarId, duration: 3 },
      })
      .reply();
    const done = await slow.emulator.driver.waitForEdit(video.id, (m) => m.attachments.length === 1, 30_000);
    const percents = done.history
      .map((revision) => /(\d+)%/.exec(visibleText(revision))?.[1])
      .filter((value): value is string => value !== undefined)
      .map(Number);
    expect(percents.length).toBeGreaterThanOrEqual(3);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(Math.max(...percents)).toBeLessThan(100);
  }, 60_000);
});
