import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { JobScheduler } from '../../src/services/jobs/job-scheduler.js';
import { QueuePositionDisplay } from '../../src/services/jobs/queue-positions.js';

describe('JobScheduler', () => {
  it('runs one step at a time per job, and a later wake-up replaces an earlier one', async () => {
    let running = 0;
    let most = 0;
    const steps: string[] = [];
    const step = async (jobId: string) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      steps.push(jobId);
      running--;
    };
    const scheduler = new JobScheduler({ logger: silentLogger(), step });
    await Promise.all([scheduler.exclusive('a', () => step('a')), scheduler.exclusive('a', () => step('a'))]);
    scheduler.schedule('b', 50);
    scheduler.schedule('b', 0);
    await vi.waitFor(() => expect(steps).toEqual(['a', 'a', 'b']));
    expect(most).toBe(1);
    await scheduler.stop();
  });

  it('retries a step that throws, after the retry delay', async () => {
    let calls = 0;
    const scheduler = new JobScheduler({
      logger: silentLogger(),
      retryDelayMs: () => 5,
      step: async () => {
        calls++;
        if (calls === 1) throw new Error('store hiccup');
      },
    });
    scheduler.schedule('a', 0);
    await vi.waitFor(() => expect(calls).toBe(2));
    await scheduler.stop();
  });

  it('runs nothing after stop', async () => {
    const step = vi.fn(async () => undefined);
    const scheduler = new JobScheduler({ logger: silentLogger(), step });
    scheduler.schedule('a', 10);
    await scheduler.stop();
    scheduler.schedule('b', 0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(step).not.toHaveBeenCalled();
  });
});

describe('QueuePositionDisplay', () => {
  it('shows a place only when it changes, and only near the front', () => {
    const shown: Array<[string, number]> = [];
    const display = new QueuePositionDisplay((jobId, position) => shown.push([jobId, position]));
    const line = (ids: string[]) => new Map(ids.map((id, index) => [id, index + 1]));
    const twelve = Array.from({ length: 12 }, (_, index) => `j${index + 1}`);
    display.update(line(twelve));
    expect(shown.map(([id]) => id)).toEqual(twelve.slice(0, 10));
    shown.length = 0;
    display.update(line(twelve));
    expect(shown).toEqual([]);
    display.update(line(twelve.slice(1)));
    expect(shown).toEqual([...twelve.slice(1, 11).map((id, index): [string, number] => [id, index + 1])]);
  });
});
