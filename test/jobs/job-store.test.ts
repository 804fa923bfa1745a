import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import type { AvatarJob } from '../../src/services/jobs/job-record.js';
import { newJobId } from '../../src/services/jobs/job-record.js';
import { JobStore, migrateOpenJobIndex } from '../../src/services/jobs/job-store.js';
import { legacyOpenJobsKey } from '../../src/services/store/store-keys.js';
import { createStore, storeKey, type Store } from '../../src/services/store.js';

let dir: string;
let store: Store;
const open = () => createStore(`sqlite://${join(dir, 'jobs.sqlite')}`, { logger: silentLogger() });

function avatarJob(id: string): AvatarJob {
  return {
    id,
    kind: 'avatar',
    state: 'queued',
    ownerId: '1',
    guildId: '2',
    channelId: '3',
    interaction: { applicationId: '4', token: 't', createdAt: 0 },
    reservedCredits: 2,
    percifyIds: [],
    attempts: 0,
    createdAt: 0,
    updatedAt: 0,
    params: { prompt: 'a', model: 'flux', aspectRatio: '1:1', seed: 1, variations: 1 },
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobs-'));
  store = await open();
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('job store', () => {
  it('gives jobs short ids that sort by time and never repeat within a millisecond', () => {
    const ids = Array.from({ length: 1_000 }, () => newJobId(1_700_000_000_000));
    for (const id of ids) expect(id).toMatch(/^jloyw3v28[0-9a-f]{10}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newJobId(1_700_000_000_001) > (ids[0] ?? '')).toBe(true);
  });

  it('keeps open jobs listed across a restart, in the order they were opened', async () => {
    const jobs = new JobStore(store);
    const [a, b] = [newJobId(1), newJobId(2)];
    await jobs.create(avatarJob(a));
    await jobs.create(avatarJob(b));
    await store.close();
    store = await open();
    const reopened = new JobStore(store);
    expect(await reopened.openIds()).toEqual([a, b]);
    expect((await reopened.get(a))?.params).toMatchObject({ prompt: 'a' });
  });

  it('drops a job from the open list once final and never changes it again', async () => {
    const jobs = new JobStore(store, () => 99);
    const id = newJobId();
    await jobs.create(avatarJob(id));
    const done = await jobs.update(id, (job) => ({ ...job, state: 'done', chargedCredits: 2 }));
    expect(done).toMatchObject({ state: 'done', updatedAt: 99 });
    expect(await jobs.openIds()).toEqual([]);
    const late = await jobs.update(id, (job) => ({ ...job, state: 'failed' }));
    expect(late?.state).toBe('done');
    expect((await jobs.get(id))?.state).toBe('done');
  });

  it('applies concurrent updates to one job one after another', async () => {
    const jobs = new JobStore(store);
    const id = newJobId();
    await jobs.create(avatarJob(id));
    await Promise.all(
      Array.from({ length: 25 }, () => jobs.update(id, (job) => ({ ...job, attempts: job.attempts + 1 }))),
    );
    expect((await jobs.get(id))?.attempts).toBe(25);
  });

  it('keeps an id claimed before its record exists, so recovery can settle its credits', async () => {
    const jobs = new JobStore(store);
    await jobs.markOpen('jorphan');
    expect(await jobs.openIds()).toEqual(['jorphan']);
    expect(await jobs.get('jorphan')).toBeUndefined();
    await jobs.forget('jorphan');
    expect(await jobs.openIds()).toEqual([]);
  });

  it('makes ids that sort by time and fit a custom id', () => {
    const early = newJobId(1_700_000_000_000);
    const late = newJobId(1_800_000_000_000);
    expect(early < late).toBe(true);
    expect(early).toMatch(/^j[a-z0-9]{18}$/);
  });

  it("writes a new job the same way however many jobs are open, touching no other job's key", async () => {
    const jobs = new JobStore(store);
    const written = (id: string) => {
      const creation = jobs.creation(id, () => avatarJob(id));
      const writes = creation.writes(() => undefined, 40);
      return { keys: creation.keys, writes: writes.map((w) => w.key), size: JSON.stringify(writes).length };
    };
    const first = written(newJobId(1));
    for (let n = 0; n < 300; n++) await jobs.markOpen(newJobId(10 + n));
    const later = written(newJobId(1));
    expect(later.size).toBe(first.size);
    const id = newJobId(5);
    expect(written(id)).toMatchObject({
      keys: [storeKey.job(id)],
      writes: [storeKey.job(id), storeKey.openJob(id)],
    });
  });

  it("moves an older release's open list to one entry per job, once", async () => {
    const [a, b] = [newJobId(1), newJobId(2)];
    await store.set(legacyOpenJobsKey, [b, a]);
    expect(await migrateOpenJobIndex(store)).toBe(2);
    const jobs = new JobStore(store);
    expect(await jobs.openIds()).toEqual([a, b]);
    expect(await store.get(legacyOpenJobsKey)).toBeUndefined();
    // Every start runs it: the second time there is nothing left to move.
    expect(await migrateOpenJobIndex(store)).toBe(0);
    await jobs.forget(a);
    expect(await jobs.openIds()).toEqual([b]);
  });
});
