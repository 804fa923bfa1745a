import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger.js';
import { ShortLivedRecords } from '../src/services/short-lived-records.js';
import { createStore, storeKey, type Store } from '../src/services/store.js';

const HOUR = 60 * 60_000;
let store: Store;
let now: number;
let records: ShortLivedRecords;

beforeEach(async () => {
  store = await createStore('sqlite://:memory:', { logger: silentLogger() });
  now = 1_000_000_000;
  records = new ShortLivedRecords(store, () => now);
});
afterEach(async () => {
  await store.close();
});

describe('short-lived records', () => {
  it('reads an open record, and an expired one as expired, deleting it', async () => {
    await records.put('avatarDraft', 'd1', { createdAt: now });
    expect(await records.get('avatarDraft', 'd1')).toEqual({ state: 'open', record: { createdAt: now } });
    now += HOUR + 1;
    expect(await records.get('avatarDraft', 'd1')).toEqual({ state: 'expired' });
    expect(await store.get(storeKey.avatarDraft('d1'))).toBeUndefined();
    expect(await records.get('avatarDraft', 'd1')).toEqual({ state: 'missing' });
  });

  it('sweeps every kind past its own lifetime and keeps the rest', async () => {
    await records.put('avatarDraft', 'old', { createdAt: now - HOUR - 1 });
    await records.put('avatarDraft', 'new', { createdAt: now });
    await records.put('animatePanel', 'old', { createdAt: now - HOUR - 1 });
    await records.put('pendingVideo', 'old', { createdAt: now - 61_000 });
    await records.put('pendingVideo', 'new', { createdAt: now - 30_000 });
    // Written before records had a lifetime: no creation time, so nothing says it is still wanted.
    await store.set(storeKey.animatePanel('undated'), { ownerId: 'u1' });
    await store.set(storeKey.job('j1'), { createdAt: 0 });

    expect(await records.sweep()).toBe(4);
    expect(await store.keys('v1:')).toEqual([
      storeKey.avatarDraft('new'),
      storeKey.job('j1'),
      storeKey.pendingVideo('new'),
    ]);
  });

  it('lets only one of two takers delete a record', async () => {
    await records.put('pendingVideo', 'p1', { createdAt: now });
    const taken = await Promise.all([
      records.delete('pendingVideo', 'p1'),
      records.delete('pendingVideo', 'p1'),
    ]);
    expect(taken.sort()).toEqual([false, true]);
  });

  it('gives a click claim to exactly one of two clicks, keeps it over a restart, and frees it when it expires', async () => {
    const claims = await Promise.all(
      ['i1', 'i2'].map((by) => records.claim('clickClaim', 'm1:reroll', { by, createdAt: now })),
    );
    expect(claims.sort()).toEqual([false, true]);
    // A new process on the same store: the claim is in the store, not in memory.
    const restarted = new ShortLivedRecords(store, () => now);
    expect(await restarted.claim('clickClaim', 'm1:reroll', { by: 'i3', createdAt: now })).toBe(false);
    now += HOUR + 1;
    expect(await restarted.claim('clickClaim', 'm1:reroll', { by: 'i4', createdAt: now })).toBe(true);
  });
});
