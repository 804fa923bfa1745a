import { describe, expect, it } from 'vitest';
import type { Backend, RawPlanner } from '../../src/services/store/backend.js';
import { storeOn } from '../../src/services/store.js';

/**
 * A backend whose commits are instant and whose disk is slow: a write is visible at once and on
 * disk only when the test says so. `tellsCommit: false` is a backend whose commit is its promise.
 */
function slowDiskBackend(tellsCommit: boolean) {
  const rows = new Map<string, string>();
  const flushes: Array<() => void> = [];
  const backend: Backend = {
    rawKey: (key) => `ns:${key}`,
    keyOf: (raw) => raw.slice(3),
    read: (raw) => Promise.resolve(raw.map((key) => rows.get(key))),
    async transact<R>(
      raw: readonly string[],
      plan: RawPlanner<R>,
      _durability?: unknown,
      onCommitted?: () => void,
    ) {
      const { writes, result } = await plan(raw.map((key) => rows.get(key)));
      for (const write of writes) {
        if (write.value === undefined) rows.delete(write.key);
        else rows.set(write.key, write.value);
      }
      if (tellsCommit) onCommitted?.();
      await new Promise<void>((resolve) => flushes.push(resolve));
      return result;
    },
    scan: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  };
  return { backend, flushDisk: () => flushes.splice(0).forEach((flush) => flush()) };
}

/** Two increments of one key, called back to back; `seen` is what each read before writing. */
function twoIncrements({ backend, flushDisk }: ReturnType<typeof slowDiskBackend>) {
  const store = storeOn(backend);
  const seen: Array<number | undefined> = [];
  const increment = () => store.update<number>('v1:n', (n) => (seen.push(n), (n ?? 0) + 1));
  return { flushDisk, seen, first: increment(), second: increment() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('transactions on one key in one process', () => {
  it('go one after another from the commit, not from the disk, in call order', async () => {
    const { flushDisk, seen, first, second } = twoIncrements(slowDiskBackend(true));
    await settle();
    // The second ran on the first's committed value while the disk still had neither.
    expect(seen).toEqual([undefined, 1]);
    flushDisk();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
  });

  it('wait for the promise when the backend does not tell its commit apart', async () => {
    const { flushDisk, seen, first, second } = twoIncrements(slowDiskBackend(false));
    await settle();
    expect(seen).toEqual([undefined]);
    flushDisk();
    expect(await first).toBe(1);
    await settle();
    flushDisk();
    expect(await second).toBe(2);
    expect(seen).toEqual([undefined, 1]);
  });
});
