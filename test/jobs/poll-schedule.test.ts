import { describe, expect, it } from 'vitest';
import { nextPollDelay, planPolls } from '../../src/services/jobs/poll-schedule.js';

describe('poll schedule', () => {
  it('first looks near the typical time of an avatar, not every 2 s from the start', () => {
    const plan = planPolls({ typical: 8, max: 10 });
    expect(plan.lookAtMs[0]).toBeGreaterThanOrEqual(7000);
    expect(plan.lookAtMs[0]).toBeLessThanOrEqual(8000);
  });

  it('backs off gently and never waits longer than a quarter of the worst case between looks', () => {
    const plan = planPolls({ typical: 240, max: 300 }); // a 30 s Reality Lab clip
    const gaps = plan.lookAtMs.slice(1).map((at, i) => at - plan.lookAtMs[i]!);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]! - 1);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(75_000);
    // about a dozen looks for a job that takes its typical time, not a hundred
    expect(plan.lookAtMs.filter((at) => at <= 240_000 * 1.2).length).toBeLessThan(15);
  });

  it('gives up after three times the worst case plus a minute', () => {
    const plan = planPolls({ typical: 8, max: 10 });
    expect(plan.giveUpAfterMs).toBe(90_000);
    expect(plan.lookAtMs.at(-1)!).toBeLessThan(90_000);
    expect(nextPollDelay(plan, 89_999)).toBeNull();
  });

  it('scales with the simulator speed', () => {
    const real = planPolls({ typical: 30, max: 35 });
    const fast = planPolls({ typical: 30, max: 35 }, { speed: 2 });
    expect(fast.lookAtMs[0]).toBe(Math.round(real.lookAtMs[0]! / 2));
    expect(fast.giveUpAfterMs).toBe(Math.round(real.giveUpAfterMs / 2));
  });

  it('keeps real-time floors at any speed, so timer jitter cannot fail a job', () => {
    const plan = planPolls({ typical: 4, max: 5 }, { speed: 2000 });
    expect(plan.giveUpAfterMs).toBe(30_000);
    const gaps = plan.lookAtMs.slice(1).map((at, i) => at - plan.lookAtMs[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(25);
  });

  it('tells the delay to the next look from any point', () => {
    const plan = planPolls({ typical: 4, max: 5 });
    expect(nextPollDelay(plan, 0)).toBe(plan.lookAtMs[0]);
    expect(nextPollDelay(plan, plan.lookAtMs[0]!)).toBe(plan.lookAtMs[1]! - plan.lookAtMs[0]!);
  });

  it('waits past the worst case before the first look when webhooks are on', () => {
    const plan = planPolls({ typical: 8, max: 10 }, { webhooks: true });
    expect(plan.lookAtMs[0]).toBe(15_000);
    expect(plan.giveUpAfterMs).toBe(90_000);
  });
});
