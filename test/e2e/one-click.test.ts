import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage, InteractionHandle } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { componentIds, disabledLabels, heading } from '../support/messages.js';
import { jobIdOf } from '../support/job-runs.js';

// A click that arrives twice (a double-click, a client that sends it again) starts one job and holds
// the credits once; the clicked button is greyed out once the job has started.

let h: BotHarness;
let avatar: { id: string; result: EmulatedMessage };
let video: EmulatedMessage;

const driver = () => h.emulator.driver;

function command(name: string, options: Record<string, string | number>) {
  return driver().runCommand({ user: 'ben', channel: 'studio', name, options });
}

function click(message: EmulatedMessage, label: string) {
  const customId = componentIds(message)[label];
  if (!customId) throw new Error(`no "${label}" on the message`);
  return driver().clickButton({ message, customId, user: 'ben' });
}

async function finished(reply: EmulatedMessage) {
  return driver().waitForEdit(reply.id, (m) => m.attachments.length > 0, 30_000);
}

/** What members were charged and what Percify was asked to make, to compare before and after. */
async function tally() {
  const balance = await h.app.context.ledger.balance(h.guild.id, driver().userId('ben'), []);
  return {
    spent: balance.spentToday,
    held: balance.reservedNow,
    made: h.percify.avatars().length + h.percify.videos().length + h.percify.audios().length,
    jobs: (await h.app.context.store.keys('v1:job:')).length,
  };
}

/**
 * Sends the same interaction twice at once and waits for both answers: exactly one starts a job (a
 * public message), the other is told privately that it is already on its way. Resolves to the job's
 * finished message.
 */
async function twice(send: () => InteractionHandle): Promise<EmulatedMessage> {
  const answers = await Promise.all([send(), send()].map((handle) => handle.reply()));
  const started = answers.filter((answer) => !answer.ephemeral);
  const refused = answers.filter((answer) => answer.ephemeral);
  expect(started).toHaveLength(1);
  expect(refused.map((answer) => answer.content)).toEqual([
    expect.stringContaining('already on its way: one click starts one job'),
  ]);
  expect(jobIdOf(started[0]!)).not.toBe('');
  return finished(started[0]!);
}

/** The job ran once: one more job record, one more thing made (more for a batch), one charge. */
async function expectOneJob(before: Awaited<ReturnType<typeof tally>>, price: number, made = 1) {
  await vi.waitFor(async () =>
    expect(await tally()).toEqual({
      spent: before.spent + price,
      held: 0,
      made: before.made + made,
      jobs: before.jobs + 1,
    }),
  );
}

beforeAll(async () => {
  h = await startBotHarness();
  await h.app.context.settings.update(
    h.guild.id,
    driver().userId('ada'),
    (s) => ({ ...s, allowancePerDay: 1000 }),
    'tests',
  );
  const reply = await command('avatar', { prompt: 'a lantern fish', model: 'flux', seed: 40 }).reply();
  const result = await finished(reply);
  const id = h.percify.avatars().find((a) => a.prompt === 'a lantern fish')!.id;
  await vi.waitFor(async () =>
    expect(await h.app.context.history.search(h.guild.id, driver().userId('ben'), id, 1)).toHaveLength(1),
  );
  avatar = { id, result };
  video = await finished(await command('animate', { avatar: id, duration: 3 }).reply());
  // Both charged (2 + 30) before any test counts from here.
  await vi.waitFor(async () => expect(await tally()).toMatchObject({ spent: 32, held: 0 }));
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('one click, one job', () => {
  it('Reroll', async () => {
    const before = await tally();
    await twice(() => click(avatar.result, 'Reroll'));
    await expectOneJob(before, 2);
    expect(disabledLabels(driver().message(avatar.result.id)!)).toEqual(['Reroll']);
  });

  it('Vary', async () => {
    const before = await tally();
    await twice(() => click(avatar.result, 'Vary'));
    await expectOneJob(before, 8, 4);
    expect(disabledLabels(driver().message(avatar.result.id)!)).toContain('Vary');
  });

  it('HD', async () => {
    const before = await tally();
    await twice(() => click(avatar.result, 'HD'));
    await expectOneJob(before, 5);
    expect(disabledLabels(driver().message(avatar.result.id)!)).toContain('HD');
  });

  it('🎬 Render on the Animate panel, which then greys out whole', async () => {
    const panel = await click(avatar.result, 'Animate').reply();
    const before = await tally();
    await twice(() => click(panel, '🎬 Render · 30 credits'));
    await expectOneJob(before, 30);
    const after = driver().message(panel.id)!;
    expect(disabledLabels(after)).toHaveLength(Object.keys(componentIds(after)).length);
  });

  it('✅ Confirm on a costly video', async () => {
    const offer = await command('animate', { avatar: avatar.id, duration: 8 }).reply();
    const before = await tally();
    await twice(() => click(offer, '✅ Confirm'));
    await expectOneJob(before, 48);
    expect(disabledLabels(driver().message(offer.id)!)).toEqual(['✅ Confirm', 'Cancel']);
  });

  it('Re-render', async () => {
    const before = await tally();
    await twice(() => click(video, 'Re-render'));
    await expectOneJob(before, 30);
    expect(disabledLabels(driver().message(video.id)!)).toEqual(['Re-render']);
  });

  it('/avatar’s long-prompt form sent twice', async () => {
    const form = command('avatar', { model: 'flux' });
    expect((await form.response()).modal).toBeDefined();
    const before = await tally();
    const answers = await Promise.all(
      [0, 1].map(() =>
        driver()
          .submitModal({ interaction: form, fields: { prompt: 'a glass owl', negative_prompt: '' } })
          .reply(),
      ),
    );
    expect(answers.map((answer) => answer.ephemeral).sort()).toEqual([false, true]);
    await expectOneJob(before, 2);
  });

  it('Add voice, its form sent twice', async () => {
    const form = click(video, 'Add voice');
    expect((await form.response()).modal).toBeDefined();
    const before = await tally();
    const voiced = await twice(() =>
      driver().submitModal({ interaction: form, fields: { line: 'Hello.', voice: 'preset-narrator' } }),
    );
    expect(heading(voiced)).toBe('✅ Voice added');
    // The video has a voice now: its next step replaces it rather than adding a second.
    expect(Object.keys(componentIds(voiced))).toEqual(['Replace voice', 'Re-render', 'Delete']);
    const audio = h.percify.audios().at(-1)!;
    // The voice is laid on the finished video: one new thing at Percify, the voice.
    await expectOneJob(before, audio.creditCost);
    expect(disabledLabels(driver().message(video.id)!)).toEqual(['Add voice', 'Re-render']);
  }, 30_000);
});
