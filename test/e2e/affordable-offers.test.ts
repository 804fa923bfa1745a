import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { componentIds, detail, disabledLabels } from '../support/messages.js';

// A member is only offered what they can pay. Otherwise one short private message says the price,
// what they have, what would fit, and when the allowance comes back; what it suggests can be taken.

let h: BotHarness;
let avatar: { id: string; result: EmulatedMessage };

const driver = () => h.emulator.driver;

function setAllowance(credits: number) {
  return h.app.context.settings.update(
    h.guild.id,
    driver().userId('ada'),
    (s) => ({ ...s, allowancePerDay: credits }),
    'tests',
  );
}

function animate(options: Record<string, string | number>) {
  return driver()
    .runCommand({
      user: 'ben',
      channel: 'studio',
      name: 'animate',
      options: { avatar: avatar.id, ...options },
    })
    .reply();
}

/** The allowance comes back at the next 00:00 UTC (the server's default day), as a Discord timestamp. */
function nextResetTag(): string {
  const day = 86_400_000;
  return `<t:${(Math.floor(Date.now() / day) + 1) * (day / 1000)}:R>`;
}

/** Sets the allowance so that Ben has exactly `credits` left today, whatever he spent so far. */
async function leaveBen(credits: number) {
  const { spentToday } = await h.app.context.ledger.balance(h.guild.id, driver().userId('ben'), []);
  await setAllowance(spentToday + credits);
}

async function held(): Promise<number> {
  return (await h.app.context.ledger.balance(h.guild.id, driver().userId('ben'), [])).reservedNow;
}

beforeAll(async () => {
  h = await startBotHarness();
  const reply = await driver()
    .runCommand({
      user: 'ben',
      channel: 'studio',
      name: 'avatar',
      options: { prompt: 'a tin robot', seed: 3 },
    })
    .reply();
  const result = await driver().waitForEdit(reply.id, (m) => m.attachments.length === 1, 20_000);
  const id = h.percify.avatars().find((a) => a.prompt === 'a tin robot')!.id;
  await vi.waitFor(async () =>
    expect(await h.app.context.history.search(h.guild.id, driver().userId('ben'), id, 1)).toHaveLength(1),
  );
  avatar = { id, result };
  await vi.waitFor(async () => expect(await held()).toBe(0));
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('only affordable offers', () => {
  it('shows no Confirm for a video the member cannot pay, but the price, what fits and the reset', async () => {
    await leaveBen(38);
    const answer = await animate({ duration: 8 });
    expect(answer.ephemeral).toBe(true);
    expect(answer.components).toEqual([]);
    expect(answer.content).toBe(
      '💳 Not enough credits: this costs **48 credits** and you have 38 credits. With that you could make ' +
        'a Basic video of 6 s (36 credits) or a Reality Lab video of 8 s (32 credits). ' +
        `Your allowance resets ${nextResetTag()}. Nothing was charged.`,
    );
    expect(await held()).toBe(0);
  });

  it('says plainly when nothing smaller fits', async () => {
    await leaveBen(8);
    const answer = await animate({ duration: 8 });
    expect(answer.components).toEqual([]);
    expect(answer.content).toContain(
      'this costs **48 credits** and you have 8 credits. Nothing smaller fits',
    );
  });

  it('refuses a Confirm the member can no longer pay, and leaves the offer open for when they can', async () => {
    await leaveBen(100);
    const offer = await animate({ duration: 8 });
    const confirm = componentIds(offer)['✅ Confirm']!;
    expect(confirm).toBeDefined();
    await leaveBen(38);
    const refused = await driver().clickButton({ message: offer, customId: confirm, user: 'ben' }).reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('this costs **48 credits** and you have 38 credits');
    expect(disabledLabels(driver().message(offer.id)!)).toEqual([]);
    await leaveBen(100);
    const started = await driver().clickButton({ message: offer, customId: confirm, user: 'ben' }).reply();
    expect(started.ephemeral).toBe(false);
    await driver().waitForEdit(started.id, (m) => m.attachments.length === 1, 30_000);
    await vi.waitFor(async () => expect(await held()).toBe(0));
  }, 40_000);

  it('on the Animate panel, refuses Render with what fits, and the suggestion can then be rendered', async () => {
    await leaveBen(23);
    const panel = await driver()
      .clickButton({
        message: avatar.result,
        customId: componentIds(avatar.result)['Animate']!,
        user: 'ben',
      })
      .reply();
    const refused = await driver()
      .clickButton({ message: panel, customId: componentIds(panel)['🎬 Render · 30 credits']!, user: 'ben' })
      .reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain(
      'this costs **30 credits** and you have 23 credits. With that you could make a Reality Lab video of 5 s (20 credits).',
    );
    expect(await held()).toBe(0);
    // The refusal left the panel open: switch to the suggested tier and render it.
    const tierId = Object.values(componentIds(panel)).find((id) => id.endsWith(':tier'))!;
    const updated = await driver()
      .selectMenu({ message: panel, customId: tierId, values: ['reality-lab'], user: 'ben' })
      .response();
    const started = await driver()
      .clickButton({
        message: updated.message!,
        customId: componentIds(updated.message!)['🎬 Render · 20 credits']!,
        user: 'ben',
      })
      .reply();
    expect(started.ephemeral).toBe(false);
    const done = await driver().waitForEdit(started.id, (m) => m.attachments.length === 1, 30_000);
    expect(detail(done, 'Charged')).toBe('20 credits');
  }, 40_000);
});
