/**
 * When to ask Percify about a job that no webhook has finished yet. Asking early wastes requests from
 * the account's rate limit; asking late makes members wait. The first look comes near the documented
 * typical processing time, then the gaps grow gently, and past a ceiling the job is given up.
 */

export interface ExpectedDuration {
  /** Seconds; from the documented processing times of the model or the tier and clip length. */
  typical: number;
  max: number;
}

export interface PollPlan {
  /** Milliseconds from submission to each look, ascending. */
  readonly lookAtMs: readonly number[];
  /** Milliseconds from submission after which the job counts as lost at Percify. */
  readonly giveUpAfterMs: number;
}

const GROWTH = 1.5;
/**
 * Floors in real time, whatever the speed-up: timers and the event loop have their own latency, and
 * a busy service is slow in real seconds, not in scaled ones.
 */
const MIN_GAP_MS = 25;
const MIN_GIVE_UP_MS = 30_000;

export interface PollOptions {
  /** Shrinks the documented times for the simulator; production runs at 1. */
  speed?: number;
  /**
   * Percify's webhooks end the wait: polls are then only a safety net for a lost event, so the first
   * look waits past the documented worst case instead of coming near the typical time.
   */
  webhooks?: boolean;
  /** When the job counts as lost (job-deadlines.ts); by default 3 x the worst case plus a minute. */
  giveUpAfterMs?: number;
}

export function planPolls(expected: ExpectedDuration, options: PollOptions = {}): PollPlan {
  const scale = 1000 / (options.speed ?? 1);
  const first = options.webhooks
    ? Math.max(expected.max * 1.5, 0.25) * scale
    : Math.max(expected.typical * 0.9, 0.25) * scale;
  const minGap = Math.max(Math.max(expected.typical * 0.15, 0.5) * scale, MIN_GAP_MS);
  const maxGap = Math.max(Math.max(expected.max * 0.25, 2) * scale, MIN_GAP_MS);
  // Generous: three times the documented worst case plus a minute of slack for a busy service.
  const giveUpAfterMs = options.giveUpAfterMs ?? Math.max((expected.max * 3 + 60) * scale, MIN_GIVE_UP_MS);

  const lookAtMs: number[] = [];
  let at = first;
  let gap = minGap;
  while (at < giveUpAfterMs) {
    lookAtMs.push(Math.round(at));
    at += gap;
    gap = Math.min(gap * GROWTH, maxGap);
  }
  return { lookAtMs, giveUpAfterMs: Math.round(giveUpAfterMs) };
}

/** The delay until the next look after `elapsedMs`, or null when it is time to give up. */
export function nextPollDelay(plan: PollPlan, elapsedMs: number): number | null {
  const next = plan.lookAtMs.find((at) => at > elapsedMs);
  return next === undefined ? null : next - elapsedMs;
}
