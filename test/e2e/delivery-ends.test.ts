import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { finalJob, finishedAvatar, jobIdOf } from '../support/job-runs.js';
import { heading } from '../support/messages.js';

// Delivery that ends (issue 13, item 3): media never depends on HEAD, and a member nobody can reach
// ends the job refunded instead of being retried for ever. (Discord's 40005 on an upload, answered
// with the link form, is pinned in test/delivery/messenger.test.ts: a video over the emulator's
// 10 MiB would take the simulator most of a minute to encode.)

let h: BotHarness;
let avatarId: string;

const TITLE_DONE = /Your video|Could not/;

async function balance(user: string) {
  return h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId(user), []);
}

function animate(options: Record<string, string | number>) {
  return h.emulator.driver
    .runCommand({
      user: 'ben',
      channel: 'studio',
      name: 'animate',
      options: { avatar: avatarId, ...options },
    })
    .reply();
}

beforeAll(async () => {
  h = await startBotHarness();
  const admin = h.emulator.driver.userId('ada');
  await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, allowancePerDay: 1000 }), 'tests');
  avatarId = (await finishedAvatar(h, 'ben', 'a calm heron', 3)).id;
}, 60_000);
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  h.percify.faults.refuseMediaHead = false;
  h.percify.faults.extraProcessingMs = 0;
});

describe('delivery that ends', () => {
  it('uploads a video whose URL refuses HEAD, as signed CDN URLs do', async () => {
    h.percify.faults.refuseMediaHead = true;
    const before = (await balance('ben')).spentToday;
    const reply = await animate({ duration: 3 });
    const done = await h.emulator.driver.waitForEdit(reply.id, (m) => TITLE_DONE.test(heading(m)), 30_000);
    expect(heading(done)).toBe('✅ Your video');
    expect(done.attachments.map((file) => file.filename)).toEqual(['video.mp4']);
    // The switch was on for this video: its URL really does refuse HEAD.
    const url = h.percify.videos().at(-1)!.videoUrl!;
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(403);
    await vi.waitFor(async () => expect((await balance('ben')).spentToday).toBe(before + 30));
  }, 60_000);

  it('ends the job refunded when Discord refuses every way of reaching the member', async () => {
    h.percify.faults.extraProcessingMs = 1_000; // time to close every door while Percify works
    const reply = await h.emulator.driver
      .runCommand({ user: 'cleo', channel: 'studio', name: 'avatar', options: { prompt: 'a shy moth' } })
      .reply();
    const logFrom = h.emulator.restLog.length;
    h.emulator.clock.advance(16 * 60_000); // the interaction token dies
    h.emulator.driver.setBotChannelPermissions('studio', undefined, ['ViewChannel', 'SendMessages']);
    h.emulator.driver.setDirectMessagesOpen('cleo', false);
    try {
      const job = await finalJob(h, jobIdOf(reply), 30_000);
      expect(job).toMatchObject({ state: 'failed', failure: { code: 'undeliverable' } });
      // Each way was tried once for the result and once for the notice of the failure, never again:
      // Discord's answers were final, so nothing was retried.
      const studio = h.emulator.driver.channelId('studio');
      const mentions = h.emulator.restLog
        .slice(logFrom)
        .filter((entry) => entry.method === 'POST' && entry.path.endsWith(`/channels/${studio}/messages`));
      expect(mentions.map((entry) => entry.code)).toEqual([50001, 50001]);
      await vi.waitFor(async () =>
        expect(await balance('cleo')).toMatchObject({ reservedNow: 0, spentToday: 0 }),
      );
    } finally {
      h.emulator.driver.setBotChannelPermissions('studio', ['ViewChannel', 'SendMessages']);
      h.emulator.driver.setDirectMessagesOpen('cleo', true);
    }
  }, 60_000);
});
