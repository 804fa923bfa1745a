import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { Ledger } from '../../src/services/credits/ledger.js';
import type { ReserveRequest } from '../../src/services/credits/ledger-types.js';
import type { AvatarJob } from '../../src/services/jobs/job-record.js';
import { JobStore } from '../../src/services/jobs/job-store.js';
import type { Store } from '../../src/services/store.js';
import { describeEachBackend } from '../support/backends.js';
import { createLedgerHarness, T0, type LedgerHarness } from '../credits/harness.js';

/**
 * A new job is one write before the member is answered: its hold, its record and its place in the
 * open index commit together, so a crash leaves all three or none, and a refused hold leaves no job.
 */

const GUILD = '100000000000000001';
const ALICE = '200000000000000001';
const ADMIN = '300000000000000001';

let h: LedgerHarness;
let counter = 0;

function request(jobId: string, amount: number): ReserveRequest {
  return {
    jobId,
    guildId: GUILD,
    memberId: ALICE,
    roleIds: [],
    amount,
    usage: { kind: 'avatar', model: 'flux', variations: 1 },
  };
}

function record(id: string, balanceAfter: number): AvatarJob {
  return {
    id,
    kind: 'avatar',
    state: 'queued',
    ownerId: ALICE,
    guildId: GUILD,
    channelId: '3',
    interaction: { applicationId: '4', token: 't', createdAt: T0 },
    reservedCredits: 2,
    balanceAfter,
    percifyIds: [],
    attempts: 0,
    createdAt: T0,
    updatedAt: T0,
    params: { prompt: 'a', model: 'flux', aspectRatio: '1:1', seed: 1, variations: 1 },
  };
}

/** The store, counting every write operation called on it (each is one commit). */
function countingWrites(store: Store) {
  const counts = { writes: 0 };
  const proxy = new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (['transact', 'update', 'set', 'delete'].includes(String(property)))
        return (...args: unknown[]) => {
          counts.writes += 1;
          return method.apply(target, args);
        };
      return method.bind(target);
    },
  });
  return { store: proxy, counts };
}

describeEachBackend('creating a job', (backend) => {
  beforeEach(async () => {
    h = await createLedgerHarness(T0, await backend.newUrl());
    await h.settings.update(GUILD, ADMIN, (s) => ({ ...s, allowancePerDay: 20 }), 'test setup');
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('holds the credits and records the job in one commit', async () => {
    const { store, counts } = countingWrites(h.store);
    const ledger = new Ledger({
      store,
      settings: h.settings,
      logger: silentLogger(),
      now: () => h.clock.now,
    });
    const jobs = new JobStore(store);
    const id = `create-${counter++}`;
    const reserved = await ledger.reserve({
      ...request(id, 2),
      alongside: jobs.creation(id, (balanceAfter) => record(id, balanceAfter)),
    });
    expect(reserved).toMatchObject({ ok: true, balanceAfter: 18 });
    expect(counts.writes).toBe(1);
    expect(await jobs.get(id)).toMatchObject({ id, state: 'queued', balanceAfter: 18 });
    expect(await jobs.openIds()).toEqual([id]);
    expect((await h.ledger.balance(GUILD, ALICE, [])).spendable).toBe(18);
  });

  it('leaves no job behind when the hold is refused', async () => {
    const jobs = new JobStore(h.store);
    const id = `refused-${counter++}`;
    const reserved = await h.ledger.reserve({
      ...request(id, 25),
      alongside: jobs.creation(id, (balanceAfter) => record(id, balanceAfter)),
    });
    expect(reserved.ok).toBe(false);
    expect(await jobs.get(id)).toBeUndefined();
    expect(await jobs.openIds()).toEqual([]);
  });

  it('keeps the jobs already open in the index', async () => {
    const jobs = new JobStore(h.store);
    const ids = [`first-${counter++}`, `second-${counter++}`];
    for (const id of ids)
      await h.ledger.reserve({
        ...request(id, 1),
        alongside: jobs.creation(id, (balanceAfter) => record(id, balanceAfter)),
      });
    expect(await jobs.openIds()).toEqual(ids);
  });
});
