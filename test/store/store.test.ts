import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import {
  createStore,
  StoreClosedError,
  StoreConfigError,
  storeKey,
  type Store,
} from '../../src/services/store.js';

const logger = silentLogger();
let dir: string;
const open: Store[] = [];

async function openStore(file = 'bot.sqlite'): Promise<Store> {
  const store = await createStore(`sqlite://${join(dir, file)}`, { logger });
  open.push(store);
  return store;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'percify-store-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store on SQLite', () => {
  it('keeps data across a close and reopen of the same file', async () => {
    const first = await openStore('reopen.sqlite');
    await first.set(storeKey.job('a_1'), { state: 'queued', at: 1 });
    await first.close();
    await expect(first.get(storeKey.job('a_1'))).rejects.toBeInstanceOf(StoreClosedError);
    const second = await openStore('reopen.sqlite');
    expect(await second.get(storeKey.job('a_1'))).toEqual({ state: 'queued', at: 1 });
  });

  it('creates the folder of a relative sqlite path', async () => {
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const store = await createStore('sqlite://nested/deeper/bot.sqlite', { logger });
      open.push(store);
      await store.set('v1:x', 1);
      expect(await store.get('v1:x')).toBe(1);
    } finally {
      process.chdir(previous);
    }
  });
});

describe('store configuration errors name DATABASE_URL', () => {
  it('rejects an unknown scheme', async () => {
    const error = await createStore('mysql://localhost/bot', { logger }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreConfigError);
    expect((error as Error).message).toMatch(/DATABASE_URL/);
    expect((error as Error).message).toMatch(/sqlite:\/\//);
  });

  it('rejects a sqlite path that cannot be written (its folder is a file)', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const error = await createStore(`sqlite://${join(blocker, 'bot.sqlite')}`, { logger }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreConfigError);
    expect((error as Error).message).toMatch(/DATABASE_URL/);
  });

  it('rejects a sqlite path that is a folder', async () => {
    const error = await createStore(`sqlite://${dir}`, { logger }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreConfigError);
    expect((error as Error).message).toMatch(/^DATABASE_URL \(sqlite:\/\/.*unable to open/);
  });

  describe('unreachable servers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    let port = 0;
    beforeAll(async () => {
      // Accepts connections and never answers: the worst kind of unreachable.
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const address = silent.address();
      port = typeof address === 'object' && address ? address.port : 0;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it('times out on a redis server that never answers', async () => {
      const started = Date.now();
      const error = await createStore(`redis://127.0.0.1:${port}`, { logger, connectTimeoutMs: 500 }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(StoreConfigError);
      expect((error as Error).message).toMatch(
        /DATABASE_URL \(redis:\/\/127\.0\.0\.1:\d+\) could not be opened: no answer/,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('fails on a postgres server that is not there, without leaking the password', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const address = closed.address();
      const freePort = typeof address === 'object' && address ? address.port : 0;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const error = await createStore(`postgresql://bot:hunter2@127.0.0.1:${freePort}/bot`, {
        logger,
        connectTimeoutMs: 2_000,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreConfigError);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
      expect((error as Error).message).not.toMatch(/hunter2/);
    });
  });
});
