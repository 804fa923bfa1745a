import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { avatarToTheEnd } from '../support/job-runs.js';
import { TIER_SPECS } from '../../src/percify-catalog.js';

// A new server, untouched by its admins: a member's first day must let them try everything.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe("a newcomer's first day on a new server", () => {
  it('makes several avatars and a short video with the default allowance', async () => {
    const driver = h.emulator.driver;
    const cleo = driver.userId('cleo');
    for (const prompt of ['a heron at dawn', 'a heron at noon', 'a heron at dusk']) {
      const { job } = await avatarToTheEnd(h, 'cleo', prompt, 2);
      expect(job.state).toBe('done');
    }
    const avatarId = h.percify.avatars().find((a) => a.prompt === 'a heron at dusk')!.id;
    await vi.waitFor(async () =>
      expect(await h.app.context.history.search(h.guild.id, cleo, avatarId, 1)).toHaveLength(1),
    );

    // The cheapest Basic video, the tier a member gets when they pick none.
    const seconds = TIER_SPECS.basic.includedSeconds;
    const started = await driver
      .runCommand({
        user: 'cleo',
        channel: 'studio',
        name: 'animate',
        options: { avatar: avatarId, duration: seconds },
      })
      .reply();
    expect(started.ephemeral).toBe(false);
    const video = await driver.waitForMessage(
      (m) => m.attachments.some((a) => a.contentType === 'video/mp4'),
      30_000,
    );
    expect(video.channelId).toBe(driver.channelId('studio'));

    // 3 × 2 flux images (12) and the 30-credit video: 42 of the 50 a day.
    await vi.waitFor(async () => {
      const balance = await h.app.context.ledger.balance(h.guild.id, cleo, []);
      expect(balance.spentToday).toBe(42);
    });
    const credits = await driver.runCommand({ user: 'cleo', channel: 'studio', name: 'credits' }).reply();
    expect(credits.embeds[0]?.description).toMatch(/You can spend \*\*8 credits\*\* now\./);
  }, 60_000);
});
