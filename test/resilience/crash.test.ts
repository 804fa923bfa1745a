import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInvocation, InteractionHandle } from '../../sandbox/discord/index.js';
import { auditRun } from './audit.js';
import { startKiller, type KillMoment } from './killer.js';
import { openTheTaps, startWorld, waitUntilSettled, type World } from './world.js';

// The crash test: the real bot as a child process, SIGKILLed at random moments and at chosen ones
// (just after a member was answered, while Percify is being called, in the middle of a delivery),
// restarted each time on the same SQLite file, while members keep asking for avatars and videos.
// Afterwards every job must have ended delivered once and charged once, or refunded once.
//
// CRASH_SOAK=1 runs a longer soak (100 kills); the default run stays well under three minutes.

const SOAK = process.env.CRASH_SOAK === '1';
const KILLS = SOAK ? 100 : 22;
// CRASH_SPEED and CRASH_GAP_MS (the simulator's speed-up, the mean gap between commands) make a
// heavier run: at speed 10 and a 100 ms gap a backlog builds up across the restarts.
const SPEED = Number(process.env.CRASH_SPEED ?? '40');
const GAP_MS = Number(process.env.CRASH_GAP_MS ?? '200');
const MEMBERS = ['ben', 'cleo', 'dan', 'eve', 'finn', 'gus'];
const MOMENTS: KillMoment[] = ['anytime', 'after-answer', 'percify-call', 'delivery'];

interface Sent {
  user: string;
  kind: 'avatar' | 'animate';
  handle: InteractionHandle;
}

let world: World;
beforeAll(async () => {
  world = await startWorld({ members: MEMBERS, speed: SPEED, percifyLatencyMs: 25 });
  await openTheTaps(world);
  // Some generations fail at Percify, so refunds are crossed by kills too.
  world.percify.faults.generationFailureRate = 0.1;
}, 30_000);
afterAll(async () => {
  await world?.close();
});

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Sends a command; undefined when Discord has no bot session to send it to (between a kill and a start). */
function tryCommand(invocation: CommandInvocation): InteractionHandle | undefined {
  try {
    return world.emulator.driver.runCommand(invocation);
  } catch (error) {
    if (error instanceof Error && /not connected/.test(error.message)) return undefined;
    throw error;
  }
}

/** A member's avatars that reached them, to animate: Percify ids from their prompts. */
function finishedAvatarOf(user: string): string | undefined {
  const done = world.percify
    .avatars()
    .filter((a) => a.prompt.startsWith(`${user}'s crash job`) && a.status === 'completed');
  return done.length > 0 ? pick(done).id : undefined;
}

describe('restart safety', () => {
  it(
    `loses no job and no credit across ${KILLS} SIGKILLs`,
    async () => {
      const sent: Sent[] = [];
      let submitting = true;
      let botUp = false;
      let animations = 0;
      const submitter = (async () => {
        for (let n = 0; submitting; n++) {
          await new Promise((resolve) => setTimeout(resolve, GAP_MS + Math.random() * GAP_MS));
          // Most commands come while the bot runs; a few while it is down, which Discord times out.
          if (!botUp && Math.random() < 0.8) continue;
          const user = pick(MEMBERS);
          const avatarId =
            botUp && animations < (SOAK ? 30 : 6) && n % 7 === 6 ? finishedAvatarOf(user) : undefined;
          if (avatarId) {
            animations++;
            const handle = tryCommand({
              user,
              channel: 'studio',
              name: 'animate',
              options: { avatar: avatarId, duration: 5 },
            });
            if (handle) sent.push({ user, kind: 'animate', handle });
          } else {
            const handle = tryCommand({
              user,
              channel: 'studio',
              name: 'avatar',
              options: {
                prompt: `${user}'s crash job ${n}`,
                model: 'flux',
                variations: 1 + (n % 2),
                seed: n,
              },
            });
            if (handle) sent.push({ user, kind: 'avatar', handle });
          }
        }
      })();

      const killer = startKiller(world);
      const hits = new Map<KillMoment, number>();
      for (let kill = 0; kill < KILLS; kill++) {
        const bot = await world.startBot();
        botUp = true;
        // Let work pile up first, so each kill finds jobs at every stage.
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 900));
        const moment = MOMENTS[kill % MOMENTS.length]!;
        const hit = await killer.killAt(bot, moment);
        botUp = false;
        if (hit) hits.set(moment, (hits.get(moment) ?? 0) + 1);
        const { signal } = await bot.exited;
        expect(signal).toBe('SIGKILL');
      }
      submitting = false;
      await submitter;

      // The last start picks everything up and finishes it; then a clean stop.
      const last = await world.startBot();
      await waitUntilSettled(world, 30_000);
      last.child.kill('SIGTERM');
      const exit = await last.exited;

      const report = await auditRun(world);
      expect(report.problems).toEqual([]);
      expect(exit, last.output().slice(-3000)).toEqual({ code: 0, signal: null });
      // The run exercised what it claims to: many jobs, both endings, and each chosen kill moment.
      expect(report.jobs).toBeGreaterThan(KILLS);
      expect(report.delivered).toBeGreaterThan(KILLS / 2);
      expect(report.refunded).toBeGreaterThan(0);
      for (const moment of MOMENTS) expect(hits.get(moment) ?? 0, moment).toBeGreaterThan(0);
      // Percify was never asked twice for the same thing: one generation per prompt and seed, at most.
      const perPrompt = new Map<string, number>();
      for (const avatar of world.percify.avatars()) {
        const key = `${avatar.prompt} #${avatar.seed}`;
        perPrompt.set(key, (perPrompt.get(key) ?? 0) + 1);
      }
      expect([...perPrompt].filter(([, count]) => count > 1)).toEqual([]);
      // Enough commands reached a running bot for the run to mean something.
      const answered = sent.filter((s) => s.handle.record.acknowledged).length;
      expect(answered).toBeGreaterThan(KILLS);
    },
    SOAK ? 1_200_000 : 170_000,
  );
});
