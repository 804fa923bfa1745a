import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createStore, type Store } from '../../src/services/store.js';

/** On a SQLite file, a read answers while a transaction is still open on the writing connection. */

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'percify-sqlite-reads-'));
  store = await createStore(`sqlite://${join(dir, 'bot.sqlite')}`, { logger: silentLogger() });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reads the last committed value without waiting for a transaction in progress', async () => {
  await store.set('v1:test:settings', { allowance: 50 });
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const slowWrite = store.transact(['v1:test:settings'], async (read) => {
    entered();
    await gate;
    return {
      set: {
        'v1:test:settings': {
          allowance: (read<{ allowance: number }>('v1:test:settings')?.allowance ?? 0) + 1,
        },
      },
      result: true,
    };
  });
  // The writer holds the write lock until the gate opens; the read must not queue behind it.
  await inside;
  const seen = await Promise.race([
    store.get<{ allowance: number }>('v1:test:settings'),
    new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 2_000)),
  ]);
  expect(seen).toEqual({ allowance: 50 });
  openGate();
  await slowWrite;
  expect(await store.get('v1:test:settings')).toEqual({ allowance: 51 });
  expect(await store.keys('v1:test:')).toEqual(['v1:test:settings']);
});
