import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import type { JobRecord } from '../../src/services/jobs/job-record.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { finalJob, jobIdOf } from '../support/job-runs.js';
import { visibleText } from '../support/messages.js';

// Every state of a job has a deadline; past it the job ends with its hold released and the member
// told, and a result that arrives after the bot gave up is still delivered, free. The deadlines are
// shortened here (the defaults are minutes); the simulator's switches make Percify stuck or late.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({
    plan: 'free', // one generation at a time, so a second job waits in line
    // Percify itself has more slots: a generation stuck there must not block the later tests.
    simulator: { plan: 'pro' },
    speed: 500,
    jobDeadlines: {
      waitMs: 1_500,
      processingFloorMs: 3_000,
      deliveryMs: 60_000,
      maxDeliveryAttempts: 2,
      lateWatchMs: 15_000,
      sweepEveryMs: 100,
    },
  });
}, 60_000);
afterEach(() => {
  Object.assign(h.percify.faults, { neverFinish: false, extraProcessingMs: 0, unreachable: false });
  h.emulator.faults.serverErrors = 0;
});
afterAll(async () => {
  await h?.close();
});

function startAvatar(user: string, prompt: string): Promise<EmulatedMessage> {
  return h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options: { prompt, model: 'flux' } })
    .reply();
}

const finalJobOf = (reply: EmulatedMessage, timeout?: number): Promise<JobRecord> =>
  finalJob(h, jobIdOf(reply), timeout);

async function spentAndHeld(user: string): Promise<number> {
  const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId(user), []);
  return balance.spentToday + balance.reservedNow;
}

const latest = (reply: EmulatedMessage) => h.emulator.driver.message(reply.id);

describe('every job ends', () => {
  it('a render Percify never finishes ends at its deadline, and the job waiting behind it at its own', async () => {
    h.percify.faults.neverFinish = true;
    const stuck = await startAvatar('ben', 'a clock with no hands');
    const waiting = await startAvatar('cleo', 'a queue that never moves');

    // The second job never got the plan's one slot: it ends at the waiting deadline, before the first.
    const waited = await finalJobOf(waiting);
    expect(waited.failure?.code).toBe('wait_deadline');
    expect(waited.percifyIds).toEqual([]);
    const waitedText = visibleText(latest(waiting)!);
    expect(waitedText).toContain('waited too long');
    expect(waitedText).toContain('Nothing was charged');
    expect(await spentAndHeld('cleo')).toBe(0);

    const timedOut = await finalJobOf(stuck);
    expect(timedOut.failure?.code).toBe('timed_out');
    expect(timedOut.finishedAt! - timedOut.submittedAt!).toBeGreaterThanOrEqual(3_000);
    expect(visibleText(latest(stuck)!)).toContain('did not finish this in time');
    expect(await spentAndHeld('ben')).toBe(0);
  }, 30_000);

  it('a request whose outcome cannot be learned ends at the waiting deadline', async () => {
    h.percify.faults.unreachable = true;
    const reply = await startAvatar('ben', 'a letter never answered');
    const job = await finalJobOf(reply, 30_000);
    expect(job.failure?.code).toBe('submit_gave_up');
    expect(visibleText(latest(reply)!)).toContain('could not be reached');
    expect(await spentAndHeld('ben')).toBe(0);
  }, 40_000);

  it('a result Discord keeps refusing ends after the last try, refunded', async () => {
    h.percify.faults.extraProcessingMs = 500;
    const reply = await startAvatar('cleo', 'a postcard with no address');
    // Every Discord call fails from now on: the result's delivery and its fallbacks included.
    h.emulator.faults.serverErrors = 1_000_000;
    const job = await finalJobOf(reply, 30_000);
    h.emulator.faults.serverErrors = 0;
    expect(job.failure?.code).toBe('undeliverable');
    expect(job.percifyCredits).toBeGreaterThan(0); // Percify did the work: the operator's cost is kept
    expect(await spentAndHeld('cleo')).toBe(0);
  }, 40_000);

  it('a result that arrives after the deadline is delivered, free', async () => {
    // Later than the 3 s processing deadline, well inside the 15 s watch.
    h.percify.faults.extraProcessingMs = 5_000;
    const reply = await startAvatar('ada', 'a train that comes late');
    const failed = await vi.waitFor(
      async () => {
        const job = await h.app.context.jobs.get(jobIdOf(reply));
        expect(job?.state).toBe('failed');
        return job!;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(failed.failure?.code).toBe('timed_out');
    expect(visibleText(latest(reply)!)).toContain('Nothing was charged');

    const done = await vi.waitFor(
      async () => {
        const job = await h.app.context.jobs.get(failed.id);
        expect(job?.state).toBe('done');
        return job!;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(done.deliveredLate).toBe(true);
    expect(done.chargedCredits).toBe(0);
    expect(done.percifyCredits).toBeGreaterThan(0);
    const message = latest(reply)!;
    expect(visibleText(message)).toContain('free');
    expect(message.attachments.map((file) => file.filename)).toContain('avatar-1.png');
    expect(await spentAndHeld('ada')).toBe(0);
  }, 40_000);
});
