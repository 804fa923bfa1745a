import { KeyvPostgres } from '@keyv/postgres';
import { createKeyv as createRedisKeyv } from '@keyv/redis';
import { KeyvSqlite } from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import {
  createStore,
  KEYV_NAMESPACE,
  StoreClosedError,
  storeKey,
  type Store,
} from '../../src/services/store.js';
import { describeEachBackend, type TestBackend } from '../support/backends.js';

/** The store's guarantees, on each database it supports, against a real server. */

const logger = silentLogger();
const open: Array<{ close(): Promise<unknown> }> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close().catch(() => undefined)));
});

async function openStore(url: string): Promise<Store> {
  const store = await createStore(url, { logger, connectTimeoutMs: 5_000 });
  open.push(store);
  return store;
}

/** A plain Keyv on the same database, configured as its adapter's README says. */
function plainKeyv(backend: TestBackend, url: string): Keyv {
  let keyv: Keyv;
  if (backend.kind === 'sqlite')
    keyv = new Keyv({ store: new KeyvSqlite({ uri: url }), namespace: KEYV_NAMESPACE });
  else if (backend.kind === 'postgres')
    keyv = new Keyv({ store: new KeyvPostgres({ uri: url }), namespace: KEYV_NAMESPACE });
  else keyv = createRedisKeyv(url, { namespace: KEYV_NAMESPACE });
  open.push({ close: () => keyv.disconnect() });
  return keyv;
}

describeEachBackend('the store', (backend) => {
  it('counts 300 concurrent increments from two connections as 300', async () => {
    const url = await backend.newUrl();
    const [a, b] = [await openStore(url), await openStore(url)];
    const increment = (store: Store) => store.update<number>('v1:test:counter', (n) => (n ?? 0) + 1);
    await Promise.all([
      ...Array.from({ length: 150 }, () => increment(a)),
      ...Array.from({ length: 150 }, () => increment(b)),
    ]);
    expect(await a.get<number>('v1:test:counter')).toBe(300);
  });

  it('moves credits between two keys atomically: the total never changes', async () => {
    const url = await backend.newUrl();
    const [a, b] = [await openStore(url), await openStore(url)];
    await a.set('v1:test:left', 100);
    await a.set('v1:test:right', 100);
    const move = (store: Store, from: string, to: string) =>
      store.transact([from, to], (read) => {
        const left = read<number>(from) ?? 0;
        if (left === 0) return { result: false };
        return { set: { [from]: left - 1, [to]: (read<number>(to) ?? 0) + 1 }, result: true };
      });
    const moves = Array.from({ length: 60 }, (_, index) =>
      index % 2 ? move(a, 'v1:test:left', 'v1:test:right') : move(b, 'v1:test:right', 'v1:test:left'),
    );
    expect((await Promise.all(moves)).every(Boolean)).toBe(true);
    const [left, right] = await a.getMany<number>(['v1:test:left', 'v1:test:right']);
    expect((left ?? 0) + (right ?? 0)).toBe(200);
    expect(left).toBe(100);
  });

  it('makes a committed write atomic and seen by another connection as soon as it answers', async () => {
    const url = await backend.newUrl();
    const [a, b] = [await openStore(url), await openStore(url)];
    const hold = (store: Store, n: number) =>
      store.transact(
        ['v1:test:balance', `v1:test:hold:${n}`],
        (read) => ({
          set: { 'v1:test:balance': (read<number>('v1:test:balance') ?? 100) - 1, [`v1:test:hold:${n}`]: 1 },
          result: n,
        }),
        { durability: n % 2 ? 'committed' : 'on-disk' },
      );
    const seen = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        await hold(n % 3 ? a : b, n);
        return (n % 3 ? b : a).get<number>(`v1:test:hold:${n}`);
      }),
    );
    expect(seen.every((value) => value === 1)).toBe(true);
    expect(await b.get<number>('v1:test:balance')).toBe(60);
  });

  it('writes nothing of a transaction whose plan throws, and goes on after it', async () => {
    const store = await openStore(await backend.newUrl());
    await store.set('v1:test:n', 1);
    const results = await Promise.allSettled([
      store.transact(['v1:test:n'], () => {
        throw new Error('boom');
      }),
      store.update<number>('v1:test:n', (n) => (n ?? 0) + 1),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(await store.get<number>('v1:test:n')).toBe(2);
  });

  it('deletes a key when update returns undefined', async () => {
    const store = await openStore(await backend.newUrl());
    await store.set('v1:test:gone', { a: 1 });
    await store.update('v1:test:gone', () => undefined);
    expect(await store.get('v1:test:gone')).toBeUndefined();
    expect(await store.delete('v1:test:gone')).toBe(false);
  });

  it('writes and reads back a transaction of a few keys and one of hundreds alike', async () => {
    const store = await openStore(await backend.newUrl());
    for (const size of [1, 3, 32, 33, 400]) {
      const keys = Array.from({ length: size }, (_, n) => `v1:test:batch:${size}:${n}`);
      await store.transact([], () => ({
        set: Object.fromEntries(keys.map((key, n) => [key, { n, text: `"quoted" ${n}` }])),
        result: undefined,
      }));
      const read = await store.transact(keys, (values) => ({ result: keys.map((key) => values(key)) }));
      expect(read).toEqual(keys.map((_, n) => ({ n, text: `"quoted" ${n}` })));
      expect(await store.getMany(keys.slice(0, 2))).toEqual(read.slice(0, 2));
    }
  });

  it('lists keys by prefix, wildcard characters taken literally', async () => {
    const store = await openStore(await backend.newUrl());
    await store.set(storeKey.job('a_1'), { at: 1 });
    await store.set(storeKey.job('b%2*'), { at: 2 });
    await store.set('v1:jobX', 'looks alike, other prefix');
    await store.set('v1:jobs-index', 'not a job');
    expect(await store.keys(storeKey.jobPrefix)).toEqual([storeKey.job('a_1'), storeKey.job('b%2*')]);
    expect(await store.keys('v1:job_')).toEqual([]);
  });

  it('keeps Keyv’s table and format: a plain Keyv reads what the store wrote, and back', async () => {
    const url = await backend.newUrl();
    const store = await openStore(url);
    const keyv = plainKeyv(backend, url);
    await store.set('v1:test:from-store', { credits: 5, note: ':colon' });
    expect(await keyv.get('v1:test:from-store')).toEqual({ credits: 5, note: ':colon' });
    await keyv.set('v1:test:from-keyv', [1, 'two']);
    await keyv.set('v1:test:short-lived', 'x', 30);
    expect(await store.get('v1:test:from-keyv')).toEqual([1, 'two']);
    await store.set('v1:test:expiring', 'y', { ttlMs: 30 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.get('v1:test:short-lived')).toBeUndefined();
    expect(await keyv.get('v1:test:expiring')).toBeUndefined();
  });

  it('answers 100 concurrent health probes while up, without writing', async () => {
    const store = await openStore(await backend.newUrl());
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => store.ping()));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await store.keys('v1:probe')).toEqual([]);
  });

  it('rejects every call after close', async () => {
    const store = await openStore(await backend.newUrl());
    await store.close();
    await expect(store.get('v1:x')).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.update('v1:x', () => 1)).rejects.toBeInstanceOf(StoreClosedError);
  });
});

describeEachBackend(
  'health when the database goes away',
  (backend) => {
    it('fails the probe within a second of the server dying', async () => {
      const store = await openStore(await backend.newUrl());
      await store.ping();
      await backend.server?.kill();
      const started = Date.now();
      await expect(store.ping()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  },
  ['postgres', 'redis'],
);
