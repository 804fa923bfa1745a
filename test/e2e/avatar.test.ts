import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { jobIdOf } from '../support/job-runs.js';
import { detail, heading, visibleText } from '../support/messages.js';

// /avatar end to end: the member's command, the first answer, the finished result in the channel,
// and the credits charged — through the real discord.js client, the emulator and the simulator.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('/avatar', () => {
  it('answers at once with cost and balance, then edits the reply into the images and charges exactly', async () => {
    const handle = h.emulator.driver.runCommand({
      user: 'ben',
      channel: 'studio',
      name: 'avatar',
      options: { prompt: 'elegant elven sorceress, mystical forest', model: 'flux', variations: 2, seed: 42 },
    });
    const first = await handle.reply();
    expect(first.flags & (1 << 15)).not.toBe(0); // Components V2 from the first answer
    expect(visibleText(first)).toContain('elegant elven sorceress');
    expect(detail(first, 'Cost')).toBe('4 credits · 46 credits left after this');
    expect(detail(first, 'Seed')).toBe('`42`');
    // The first answer pings nobody, and the job knows its message (the channel path after 15 min).
    const callback = h.emulator.restLog.findLast((entry) => entry.path.endsWith('/callback'));
    expect(callback?.body).toMatchObject({ data: { allowed_mentions: { parse: [] } } });
    await vi.waitFor(async () =>
      expect(await h.app.context.jobs.get(jobIdOf(first))).toMatchObject({ replyMessageId: first.id }),
    );

    const done = await h.emulator.driver.waitForEdit(first.id, (m) => m.attachments.length === 2, 20_000);
    expect(done.embeds).toHaveLength(0);
    expect(heading(done)).toContain('Your 2 avatars');
    expect(detail(done, 'Charged')).toBe('4 credits');
    expect(detail(done, 'Seeds')).toBe('`42` · `43`');
    for (const attachment of done.attachments) {
      expect(attachment.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
    // Charged once the member has the result.
    await vi.waitFor(async () => {
      const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId('ben'), []);
      expect(balance).toMatchObject({ spentToday: 4, reservedNow: 0, spendable: 46 });
    });
    // What reached Percify is exactly what the member asked for.
    const generated = h.percify
      .avatars()
      .filter((a) => a.prompt === 'elegant elven sorceress, mystical forest');
    expect(generated.map((a) => [a.model, a.seed])).toEqual(
      expect.arrayContaining([
        ['flux', 42],
        ['flux', 43],
      ]),
    );
  });

  it('refuses, ephemerally and without spending, what the balance cannot cover', async () => {
    const admin = h.emulator.driver.userId('ada');
    await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, allowancePerDay: 3 }), 'test');
    const handle = h.emulator.driver.runCommand({
      user: 'cleo',
      channel: 'studio',
      name: 'avatar',
      options: { prompt: 'a knight', model: 'flux', variations: 2 },
    });
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    // Said once, with the next step: no repeated price, no "See /credits".
    expect(reply.content).toMatch(
      /^💳 Not enough credits: this costs \*\*4 credits\*\* and you have 3 credits\./,
    );
    expect(reply.content).toMatch(/Your allowance resets <t:\d+:R>\. Nothing was charged\.$/);
    expect(reply.content.match(/4 credits/g)).toHaveLength(1);
    const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId('cleo'), []);
    expect(balance).toMatchObject({ spendable: 3, reservedNow: 0 });
    expect(h.percify.avatars().some((a) => a.prompt === 'a knight')).toBe(false);
  });

  it('sends style, aspect ratio and guidance exactly as chosen', async () => {
    const reply = await h.emulator.driver
      .runCommand({
        user: 'ada',
        channel: 'studio',
        name: 'avatar',
        options: {
          prompt: 'a wide canyon portrait',
          style: 'renaissance',
          aspect_ratio: '16:9',
          guidance: 12.5,
        },
      })
      .reply();
    const done = await h.emulator.driver.waitForEdit(reply.id, (m) => m.attachments.length === 1, 20_000);
    expect(detail(done, 'Style')).toBe('renaissance');
    const sent = h.percify.avatars().find((a) => a.prompt === 'a wide canyon portrait');
    expect(sent).toMatchObject({
      stylePreset: 'renaissance',
      aspectRatio: '16:9',
      guidanceScale: 12.5,
      model: 'flux',
    });
    // Percify's 16:9 is 1344x768; the harness's simulator draws at a quarter of that (mediaScale).
    expect(done.attachments[0]).toMatchObject({ width: 1344 / 4, height: 768 / 4 });
  });
});
