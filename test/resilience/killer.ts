import type { World, BotProcess } from './world.js';

/**
 * SIGKILLs the bot at a chosen kind of moment, found by watching the emulator's REST log and the
 * simulator's request log from the test process (no hooks in the bot):
 * - anytime:      after a random 0.2–1.5 s;
 * - after-answer: just after a member's first answer (credits reserved, job recorded, Percify not
 *                 yet called or just being called);
 * - percify-call: while a generation request is at Percify or its answer is on the way back
 *                 (between "Percify called", "Percify accepted" and "job saved");
 * - delivery:     while a finished result is being uploaded to Discord, or just after (between
 *                 "member has it" and "credits captured, job done").
 * A moment that does not come within 3 s falls back to a kill then, and counts as a miss.
 */
export type KillMoment = 'anytime' | 'after-answer' | 'percify-call' | 'delivery';

const WAIT_FOR_MOMENT_MS = 3_000;

export interface Killer {
  /** Kills `bot` at the next such moment; true when the moment was hit rather than timed out. */
  killAt(bot: BotProcess, moment: KillMoment): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startKiller(world: World): Killer {
  const restLog = world.emulator.driver.restLog;
  const requests = world.percify.requests;

  /** Resolves true when `seen` finds a new matching entry, false after the wait. */
  const watch = async (seen: (fromRest: number, fromPercify: number) => boolean): Promise<boolean> => {
    const fromRest = restLog.length;
    const fromPercify = requests.length;
    const until = Date.now() + WAIT_FOR_MOMENT_MS;
    while (Date.now() < until) {
      if (seen(fromRest, fromPercify)) return true;
      await sleep(2);
    }
    return false;
  };

  return {
    async killAt(bot, moment) {
      let hit = true;
      switch (moment) {
        case 'anytime':
          await sleep(200 + Math.random() * 1300);
          break;
        case 'after-answer':
          hit = await watch((from) =>
            restLog
              .slice(from)
              .some(
                (e) =>
                  e.route === '/interactions/:interaction/:token/callback' &&
                  e.status >= 200 &&
                  e.status < 300,
              ),
          );
          await sleep(Math.random() * 15);
          break;
        case 'percify-call':
          hit = await watch((_, from) =>
            requests.slice(from).some((r) => r.method === 'POST' && /^\/v1\/(avatars|videos)/.test(r.path)),
          );
          // Percify answers after its latency: kill before, around or just after that answer lands.
          await sleep(Math.random() * 45);
          break;
        case 'delivery':
          hit = await watch((from) =>
            restLog
              .slice(from)
              .some((e) => e.method === 'PATCH' && (e.files?.length ?? 0) > 0 && e.status !== 429),
          );
          await sleep(Math.random() * 4);
          break;
      }
      bot.child.kill('SIGKILL');
      return hit;
    },
  };
}
