import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRun } from './audit.js';
import { openTheTaps, startWorld, waitUntilSettled, type World } from './world.js';
import { heading } from '../support/messages.js';

// Graceful shutdown of the bot process: SIGTERM while jobs are at Percify stops taking commands
// (a member gets "restarting"), lets the requests under way finish and be saved, exits 0 within
// Discord-friendly 10 s, and the next start finishes every job.

let world: World;
beforeAll(async () => {
  world = await startWorld({ members: ['ben', 'cleo', 'dan'], speed: 40 });
  await openTheTaps(world);
}, 30_000);
afterAll(async () => {
  await world?.close();
});

function avatar(user: string, prompt: string) {
  return world.emulator.driver.runCommand({
    user,
    channel: 'studio',
    name: 'avatar',
    options: { prompt, model: 'flux', variations: 1 },
  });
}

describe('SIGTERM', () => {
  it('answers "restarting" while it drains, exits 0 within 10 s, and finishes the jobs after a restart', async () => {
    const bot = await world.startBot();
    // Percify answers slowly now, so the submissions are still under way when the signal comes.
    world.percify.faults.latencyMs = 2_000;
    const firstAnswers = await Promise.all(
      ['ben', 'cleo', 'dan', 'ben'].map((user, n) => avatar(user, `shutdown job ${n}`).reply()),
    );
    expect(firstAnswers.map((m) => heading(m))).toEqual(Array(4).fill('🎨 Creating avatar'));
    await waitFor(() => world.percify.requests.some((r) => r.method === 'POST' && r.status === 0));

    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const during = await avatar('cleo', 'sent during shutdown').reply(3_000);
    expect(during.ephemeral).toBe(true);
    expect(during.content).toContain('restarting');

    const exit = await bot.exited;
    const tookMs = Date.now() - signalledAt;
    expect(exit, bot.output().slice(-2000)).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(10_000);

    world.percify.faults.latencyMs = 0;
    const again = await world.startBot();
    await waitUntilSettled(world, 20_000);
    again.child.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });

    const report = await auditRun(world);
    expect(report.problems).toEqual([]);
    // The four jobs reached their members; the command refused while draining never reserved anything.
    expect(report).toMatchObject({ jobs: 4, delivered: 4, refunded: 0 });
    for (const answer of firstAnswers) {
      const final = world.emulator.driver.message(answer.id)!;
      expect(heading(final)).toBe('✅ Your avatar');
      expect(final.attachments).toHaveLength(1);
    }
    // Nothing was sent to Percify twice: one generation per job.
    expect(world.percify.avatars().filter((a) => a.prompt.startsWith('shutdown job'))).toHaveLength(4);
  }, 60_000);
});

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SIGTERM while Percify does not answer', () => {
  let hung: World;
  afterAll(async () => {
    await hung?.close();
  });

  it('still exits 0 within 10 s, leaving the job to be reconciled on the next start', async () => {
    // Production's request timeout (30 s): a stop that waits for the request cannot make 10 s.
    hung = await startWorld({ members: ['ben'], speed: 40, percifyTimeoutMs: 30_000 });
    await openTheTaps(hung);
    const bot = await hung.startBot();
    hung.percify.faults.hangBurst = 1_000;
    await hung.emulator.driver
      .runCommand({ user: 'ben', channel: 'studio', name: 'avatar', options: { prompt: 'a hung job' } })
      .reply();
    await waitFor(() => hung.percify.requests.some((r) => r.method === 'POST'));
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect({ ...exit, withinTenSeconds: Date.now() - signalledAt < 10_000 }).toEqual({
      code: 0,
      signal: null,
      withinTenSeconds: true,
    });

    hung.percify.faults.hangBurst = 0;
    const again = await hung.startBot();
    await waitUntilSettled(hung, 20_000);
    again.child.kill('SIGTERM');
    await again.exited;
    const report = await auditRun(hung);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ jobs: 1, delivered: 1 });
  }, 60_000);
});
