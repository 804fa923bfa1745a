import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import type { Messenger } from '../../src/services/delivery/messenger.js';
import type { JobKindHandler } from '../../src/services/jobs/job-kind.js';
import type { AvatarJob, JobRecord } from '../../src/services/jobs/job-record.js';
import { JobRunner } from '../../src/services/jobs/job-runner.js';
import { JobStore } from '../../src/services/jobs/job-store.js';
import { createStore, type Store } from '../../src/services/store.js';
import { createI18n } from '../../src/services/i18n/index.js';

// The state machine alone, on a clock the test moves: a job stuck in each state reaches that state's
// deadline, takes its last look, and ends failed with its hold released and the member told.

const DEADLINES = {
  waitMs: 60_000,
  processingFloorMs: 2_000, // a late look then comes every second of real time
  deliveryMs: 300_000,
  maxDeliveryAttempts: 1_000, // the deadline, not the attempt budget, ends the stuck delivery
  lateWatchMs: 600_000,
  sweepEveryMs: 20,
};

let dir: string;
let store: Store;
let clock: number;
let runner: JobRunner | undefined;
const released: string[] = [];
const told: string[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'runner-'));
  store = await createStore(`sqlite://${join(dir, 'jobs.sqlite')}`, { logger: silentLogger() });
  clock = Date.UTC(2026, 11, 2, 12);
  released.length = 0;
  told.length = 0;
});
afterEach(async () => {
  await runner?.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function job(id: string, ownerId = 'm1'): AvatarJob {
  return {
    id,
    kind: 'avatar',
    state: 'queued',
    ownerId,
    guildId: 'g',
    channelId: 'c',
    interaction: { applicationId: 'a', token: 't', createdAt: clock },
    replyMessageId: `r-${id}`,
    reservedCredits: 2,
    percifyIds: [],
    attempts: 0,
    createdAt: clock,
    updatedAt: clock,
    params: { prompt: 'p', model: 'flux', aspectRatio: '1:1', seed: 1, variations: 1 },
  };
}

const messenger = {
  editProgress: () => Promise.resolve(),
  deliver: (_target: unknown, body: { embeds: Array<{ description?: string }> }) => {
    told.push(body.embeds[0]?.description ?? '');
    return Promise.resolve({ path: 'interaction', message: { id: 'm', attachments: [] } });
  },
} as unknown as Messenger;

function start(handler: Partial<JobKindHandler>, deadlines: Partial<typeof DEADLINES> = {}): JobStore {
  const jobs = new JobStore(store, () => clock);
  const base: JobKindHandler = {
    weight: () => 1,
    expected: () => ({ typical: 4, max: 5 }),
    submit: (record) =>
      Promise.resolve({ status: 'accepted', job: { ...record, percifyIds: [`p-${record.id}`] } }),
    reconcile: () => Promise.resolve({ status: 'unreachable' }),
    check: () => Promise.resolve({ status: 'pending' }),
    renderPending: () => ({ embeds: [], components: [] }),
    renderResult: (record) => Promise.resolve({ body: { embeds: [], components: [] }, job: record }),
    renderFailure: (_record, reason) => ({ embeds: [{ description: reason }], components: [] }),
  };
  runner = new JobRunner({
    i18n: createI18n(),
    jobs,
    handlers: { avatar: { ...base, ...handler } },
    credits: {
      capture: () => Promise.resolve(),
      release: (jobId) => {
        released.push(jobId);
        return Promise.resolve();
      },
    },
    messenger,
    capacity: 1,
    logger: silentLogger(),
    now: () => clock,
    speed: 1_000, // polls at their real-time floors
    retryDelayMs: () => 20,
    deadlines: { ...DEADLINES, ...deadlines },
  });
  return jobs;
}

async function add(jobs: JobStore, record: JobRecord): Promise<void> {
  await jobs.create(record);
  runner!.add(record);
}

async function stateOf(jobs: JobStore, id: string, state: JobRecord['state']): Promise<JobRecord> {
  return vi.waitFor(
    async () => {
      const current = await jobs.get(id);
      expect(current?.state).toBe(state);
      return current!;
    },
    { timeout: 5_000, interval: 10 },
  );
}

describe('the job runner at each deadline', () => {
  it('waiting in line: ends at the waiting deadline while the job ahead keeps its slot', async () => {
    // The job ahead renders for longer than the one behind may wait.
    const jobs = start({}, { processingFloorMs: 10 * 60_000 });
    await add(jobs, job('ahead'));
    await add(jobs, job('behind', 'm2'));
    await stateOf(jobs, 'ahead', 'processing');
    clock += 59_000;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await jobs.get('behind'))?.state).toBe('queued');
    clock += 2_000;
    const behind = await stateOf(jobs, 'behind', 'failed');
    expect(behind.failure?.code).toBe('wait_deadline');
    expect(released).toEqual(['behind']);
    expect(told.at(-1)).toContain('waited too long');
  });

  it('submitting with an unknown outcome: one last reconcile at the deadline, then refunded', async () => {
    const reconcile = vi.fn(() => Promise.resolve({ status: 'unreachable' as const }));
    const jobs = start({
      submit: () => Promise.resolve({ status: 'unknown', reason: 'timeout' }),
      reconcile,
    });
    await add(jobs, job('lost'));
    await vi.waitFor(() => expect(reconcile).toHaveBeenCalled());
    clock += DEADLINES.waitMs + 1;
    const lost = await stateOf(jobs, 'lost', 'failed');
    expect(lost.failure?.code).toBe('submit_gave_up');
    expect(released).toEqual(['lost']);
    expect(told.at(-1)).toContain('could not be reached');
  });

  it('processing that never finishes: one last GET, then refunded and watched for a late result', async () => {
    const check = vi.fn(() => Promise.resolve({ status: 'pending' as const }));
    const jobs = start({ check });
    await add(jobs, job('stuck'));
    await stateOf(jobs, 'stuck', 'processing');
    const looksBefore = check.mock.calls.length;
    clock += DEADLINES.processingFloorMs + 1;
    const stuck = await stateOf(jobs, 'stuck', 'failed');
    expect(check.mock.calls.length).toBeGreaterThan(looksBefore);
    expect(stuck.failure?.code).toBe('timed_out');
    expect(stuck.lateWatchUntil).toBe(clock + DEADLINES.lateWatchMs);
    expect(released).toEqual(['stuck']);
    // Still open while watched, closed once the watch is over.
    expect(await jobs.openIds()).toContain('stuck');
    clock += DEADLINES.lateWatchMs + 1;
    await vi.waitFor(async () => expect(await jobs.openIds()).not.toContain('stuck'), { timeout: 5_000 });
  });

  it('a delivery that keeps failing: ends at the delivery deadline, refunded', async () => {
    const renderResult = vi.fn(() => Promise.reject(new Error('Discord is down')));
    const jobs = start({
      check: (record) => Promise.resolve({ status: 'completed', job: record, creditCost: 2 }),
      renderResult,
    });
    await add(jobs, job('unposted'));
    await stateOf(jobs, 'unposted', 'delivering');
    await vi.waitFor(() => expect(renderResult.mock.calls.length).toBeGreaterThan(2));
    clock += DEADLINES.deliveryMs + 1;
    const unposted = await stateOf(jobs, 'unposted', 'failed');
    expect(unposted.failure?.code).toBe('undeliverable');
    expect(unposted.percifyCredits).toBe(2);
    expect(released).toEqual(['unposted']);
  });

  it('a step that throws every time still ends at its deadline', async () => {
    const jobs = start({ check: () => Promise.reject(new Error('confused')) });
    await add(jobs, job('throws'));
    await stateOf(jobs, 'throws', 'processing');
    clock += DEADLINES.processingFloorMs + 1;
    expect((await stateOf(jobs, 'throws', 'failed')).failure?.code).toBe('timed_out');
  });
});
