import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { heading, visibleText } from '../support/messages.js';

// Faults beyond test/e2e/avatar-failures and tracking: Percify unreachable for a while, Discord
// answering 429 and 5xx to the result's edit, and the gateway dropping while jobs run. Each test
// checks what the member sees and that they were charged exactly once.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
  const admin = h.emulator.driver.userId('ada');
  await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, allowancePerDay: 1000 }), 'faults');
}, 60_000);
afterEach(() => {
  Object.assign(h.percify.faults, { unreachable: false, latencyMs: 0 });
  h.emulator.faults.rateLimit = { remaining429: 0, global: false, retryAfterMs: 0 };
  h.emulator.faults.serverErrors = 0;
});
afterAll(async () => {
  await h?.close();
});

const isFinal = (m: EmulatedMessage) => /^(✅|❌)/.test(heading(m));

async function spent(user: string): Promise<number> {
  return (await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId(user), [])).spentToday;
}

async function avatar(user: string, prompt: string): Promise<EmulatedMessage> {
  return h.emulator.driver
    .runCommand({
      user,
      channel: 'studio',
      name: 'avatar',
      options: { prompt, model: 'flux', variations: 1 },
    })
    .reply();
}

/** The result the member ends up with, its one generation at Percify, and what it cost them. */
async function expectDeliveredOnce(first: EmulatedMessage, prompt: string, user: string, before: number) {
  const done = await h.emulator.driver.waitForEdit(first.id, isFinal, 30_000);
  expect(heading(done)).toBe('✅ Your avatar');
  expect(done.attachments).toHaveLength(1);
  const results = h.emulator.driver
    .messages('studio')
    .filter((m) => visibleText(m).includes(prompt) && isFinal(m));
  expect(results).toHaveLength(1);
  expect(h.percify.avatars().filter((a) => a.prompt === prompt)).toHaveLength(1);
  await expect.poll(() => spent(user), { timeout: 5_000 }).toBe(before + 2);
}

describe('Percify unreachable for a while', () => {
  it('keeps the job waiting, then finishes and charges it once when Percify is back', async () => {
    const before = await spent('ben');
    h.percify.faults.unreachable = true;
    const first = await avatar('ben', 'a lighthouse in a storm');
    expect(heading(first)).toBe('🎨 Creating avatar');
    // A while with every call refused: the member keeps the working reply, nothing is refunded.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(isFinal(h.emulator.driver.message(first.id)!)).toBe(false);
    h.percify.faults.unreachable = false;
    await expectDeliveredOnce(first, 'a lighthouse in a storm', 'ben', before);
  }, 60_000);
});

describe('Discord refusing the result edit for a moment', () => {
  it('waits out 429s on the edit and delivers once', async () => {
    const before = await spent('cleo');
    h.emulator.faults.rateLimit = {
      remaining429: 3,
      global: false,
      route: 'PATCH /webhooks',
      retryAfterMs: 300,
    };
    const first = await avatar('cleo', 'a fox made of paper');
    await expectDeliveredOnce(first, 'a fox made of paper', 'cleo', before);
    expect(h.emulator.driver.restLog.filter((e) => e.injected === 'rate-limit').length).toBeGreaterThan(0);
  }, 60_000);

  it('retries through 5xx answers to the edit and delivers once', async () => {
    const before = await spent('ben');
    const first = await avatar('ben', 'a teapot planet');
    h.emulator.faults.serverErrors = 4;
    h.emulator.faults.serverErrorRoute = 'PATCH /webhooks';
    await expectDeliveredOnce(first, 'a teapot planet', 'ben', before);
    expect(h.emulator.driver.restLog.filter((e) => e.injected === 'server-error').length).toBe(4);
  }, 60_000);
});

describe('the gateway dropping while jobs run', () => {
  it('resumes, answers a command sent during the drop, and finishes the running jobs', async () => {
    const [benBefore, cleoBefore] = [await spent('ben'), await spent('cleo')];
    const resumesBefore = h.emulator.gatewayStats().resumes;
    const running = await avatar('ben', 'an owl librarian');
    h.emulator.faults.dropGateway();
    // Sent while the socket is down: Discord replays it when the bot resumes.
    const duringDrop = await avatar('cleo', 'a glass whale');
    expect(heading(duringDrop)).toBe('🎨 Creating avatar');
    await expectDeliveredOnce(running, 'an owl librarian', 'ben', benBefore);
    await expectDeliveredOnce(duringDrop, 'a glass whale', 'cleo', cleoBefore);
    expect(h.emulator.gatewayStats().resumes).toBeGreaterThan(resumesBefore);
  }, 60_000);
});
