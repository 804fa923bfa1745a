import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { detail, heading, visibleText } from '../support/messages.js';

// When Percify says no, fails, or asks us to wait: what the member reads, and that nothing is charged.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ simulator: { blockedWords: ['gore'] } });
}, 60_000);
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  Object.assign(h.percify.faults, { failNextGenerations: 0, rateLimitBurst: 0, serverErrorBurst: 0 });
  h.percify.setCredits(10_000);
});

async function run(user: string, prompt: string) {
  const reply = await h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options: { prompt, model: 'flux' } })
    .reply();
  const settled = await h.emulator.driver.waitForEdit(
    reply.id,
    (m) => /Your avatar|Could not create/.test(heading(m)),
    20_000,
  );
  // What the member reads on the settled reply: its title and its text.
  return { title: heading(settled), description: visibleText(settled) };
}

async function expectNothingHeld(user: string, spent: number) {
  await vi.waitFor(async () => {
    const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId(user), []);
    expect(balance).toMatchObject({ reservedNow: 0, spentToday: spent });
  });
}

describe('avatar failures', () => {
  it("names the content policy's categories and refunds the hold", async () => {
    const embed = await run('ben', 'a scene full of gore');
    expect(embed.title).toContain('Could not create');
    expect(embed.description).toContain('content policy');
    expect(embed.description).toContain('Nothing was charged');
    await expectNothingHeld('ben', 0);
  });

  it("does not blame the member when the operator's account is out of credits", async () => {
    h.percify.setCredits(0);
    const embed = await run('ben', 'a calm lake');
    expect(embed.description).toContain('not about your balance');
    await expectNothingHeld('ben', 0);
  });

  it('refunds a generation that Percify accepted and then failed', async () => {
    h.percify.faults.failNextGenerations = 1;
    const embed = await run('cleo', 'a silver dragon');
    expect(embed.title).toContain('Could not create');
    expect(embed.description).toContain('Nothing was charged');
    await expectNothingHeld('cleo', 0);
  });

  it('delivers a partial batch saying how many came out, and charges only those', async () => {
    h.percify.faults.failNextGenerations = 1; // the first of the four fails at Percify
    const reply = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'avatar',
        options: { prompt: 'four red foxes', model: 'flux', variations: 4 },
      })
      .reply();
    const done = await h.emulator.driver.waitForEdit(
      reply.id,
      (m) => /Your|Could not/.test(heading(m)),
      20_000,
    );
    expect(heading(done)).toBe('✅ Your 3 avatars');
    expect(done.attachments).toHaveLength(3);
    expect(visibleText(done)).toContain('3 of 4 images came out');
    expect(visibleText(done)).toContain('you were charged for 3 (6 credits)');
    expect(detail(done, 'Charged')).toBe('6 credits');
    expect(h.percify.avatars().filter((a) => a.prompt === 'four red foxes')).toHaveLength(4);
    await expectNothingHeld('ben', 6);
  });

  it('waits out a rate limit by itself and then delivers', async () => {
    h.percify.faults.retryAfterSeconds = 1;
    h.percify.faults.rateLimitBurst = 1;
    const embed = await run('cleo', 'a patient tortoise');
    expect(embed.title).toContain('Your avatar');
    await expectNothingHeld('cleo', 2);
  });

  it('retries server errors and still delivers, charged once', async () => {
    h.percify.faults.serverErrorBurst = 2;
    const embed = await run('ada', 'a lighthouse in a storm');
    expect(embed.title).toContain('Your avatar');
    await expectNothingHeld('ada', 2);
    expect(h.percify.avatars().filter((a) => a.prompt === 'a lighthouse in a storm')).toHaveLength(1);
  });
});

describe('queue on the free plan', () => {
  let free: BotHarness;
  beforeAll(async () => {
    free = await startBotHarness({ plan: 'free', speed: 50 });
  }, 60_000);
  afterAll(async () => {
    await free?.close();
  });

  it('runs one generation at a time and shows each member their place in line', async () => {
    let mostInFlight = 0;
    const sampler = setInterval(() => (mostInFlight = Math.max(mostInFlight, free.percify.inFlight())), 2);
    const replies = await Promise.all(
      ['ben', 'cleo', 'ada'].map((user, i) =>
        free.emulator.driver
          .runCommand({
            user,
            channel: 'studio',
            name: 'avatar',
            options: { prompt: `queued ${i}`, model: 'flux' },
          })
          .reply(),
      ),
    );
    const finished = [];
    for (const reply of replies) {
      finished.push(
        await free.emulator.driver.waitForEdit(reply.id, (m) => m.attachments.length === 1, 30_000),
      );
    }
    // Every state a reply went through; two of the three waited and were told their place.
    const shown = finished.map((m) => m.history.map((revision) => visibleText(revision)).join('\n'));
    const waited = shown.filter((text) => /in line/.test(text));
    expect(waited).toHaveLength(2);
    expect(shown.join('\n')).toContain('**#2** in line');
    clearInterval(sampler);
    expect(free.percify.avatars()).toHaveLength(3);
    expect(mostInFlight).toBe(1);
  });
});
