import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import type { Messenger } from '../../src/services/delivery/messenger.js';
import type { ReplyBody } from '../../src/services/delivery/reply-body.js';
import { JobProgress } from '../../src/services/jobs/job-progress.js';
import type { JobKindHandler } from '../../src/services/jobs/job-kind.js';
import { newJobId, type AvatarJob } from '../../src/services/jobs/job-record.js';
import { JobStore } from '../../src/services/jobs/job-store.js';
import { createStore, type Store } from '../../src/services/store.js';

// A waiting reply shows its place in line. With a shared line (several processes), the process that
// queued a job is not always the one that runs it: its place-in-line edit must never land on the
// result another process has already delivered.

const INTERVAL_MS = 200;
let dir: string;
let store: Store;
let jobs: JobStore;
let edits: string[];
let progress: JobProgress;

function waitingJob(): AvatarJob {
  const now = Date.now();
  return {
    id: newJobId(now),
    kind: 'avatar',
    state: 'queued',
    ownerId: '1',
    guildId: '2',
    channelId: '3',
    interaction: { applicationId: '4', token: 't', createdAt: now },
    reservedCredits: 2,
    percifyIds: [],
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    params: { prompt: 'a', model: 'flux', aspectRatio: '1:1', seed: 1, variations: 1 },
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'positions-'));
  store = await createStore(`sqlite://${join(dir, 'jobs.sqlite')}`, { logger: silentLogger() });
  jobs = new JobStore(store);
  edits = [];
  // Only what a place-in-line edit uses: the kind's pending view, and the reply's edit.
  const handler = {
    renderPending: (_job: AvatarJob, view: { position?: number }) =>
      ({ text: `in line #${view.position}` }) as unknown as ReplyBody,
  } as unknown as JobKindHandler;
  const messenger = {
    editProgress: async (_target: unknown, body: { text: string }) => {
      edits.push(body.text);
      return true;
    },
  } as unknown as Messenger;
  progress = new JobProgress({
    jobs,
    handler: () => handler,
    messenger,
    logger: silentLogger(),
    now: Date.now,
    intervalMs: INTERVAL_MS,
  });
});
afterEach(async () => {
  progress.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('places in line on a waiting reply', () => {
  it('follow the line while the job waits', async () => {
    const job = waitingJob();
    await jobs.create(job);
    progress.positionsChanged(new Map([[job.id, 2]]));
    await vi.waitFor(() => expect(edits).toEqual(['in line #2']));
    progress.positionsChanged(new Map([[job.id, 1]]));
    await vi.waitFor(() => expect(edits).toEqual(['in line #2', 'in line #1']), { timeout: 2_000 });
  });

  it('are not edited over a result another process delivered while the edit waited its turn', async () => {
    const job = waitingJob();
    await jobs.create(job);
    progress.positionsChanged(new Map([[job.id, 2]]));
    await vi.waitFor(() => expect(edits).toEqual(['in line #2']));
    // The line moves: this edit waits for the reply's interval. Meanwhile another process takes the
    // job and delivers it.
    progress.positionsChanged(new Map([[job.id, 1]]));
    await jobs.update(job.id, (current) => ({ ...current, state: 'done' }));
    await delay(INTERVAL_MS * 3);
    expect(edits).toEqual(['in line #2']);
  });
});
