import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';

/**
 * The bot's only persistent state: a Keyv 5 key-value store chosen by DATABASE_URL, plus the one atomic
 * read-modify-write primitive (`update`) that the ledger and the job records are built on.
 *
 * Values are plain JSON (no Dates: times are epoch milliseconds), so every backend stores them alike.
 */

export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  /** True when the key existed. */
  delete(key: string): Promise<boolean>;
  /**
   * Atomic read-modify-write of one key: `fn` sees the current value and returns the next one
   * (`undefined` deletes the key; the very object it was given back means "no change" and skips the
   * write). Calls on the same key run one after another, in call order. Resolves to the value kept.
   */
  update<T>(
    key: string,
    fn: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  ): Promise<T | undefined>;
  /** Every key starting with `prefix` (for resuming work after a restart; not for hot paths). */
  keys(prefix: string): Promise<string[]>;
  /** Throws when the backend cannot be written and read back. */
  ping(): Promise<void>;
  /** After close, every call rejects with StoreClosedError; writes in flight may or may not land. */
  close(): Promise<void>;
}

/** DATABASE_URL is unusable: wrong scheme, unreachable server, unwritable file. */
export class StoreConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreConfigError';
  }
}

export class StoreClosedError extends Error {
  constructor() {
    super('The store is closed');
    this.name = 'StoreClosedError';
  }
}

/**
 * Keys are namespaced by kind and versioned (`v1:`), so a later format can live next to the old one
 * during a migration. Keyv's own namespace is `percify` (it prefixes `percify:` in the table); it must
 * never be `v1`, or Keyv would take our version prefix for its namespace and skip prefixing.
 */
export const KEYV_NAMESPACE = 'percify';

export const storeKey = {
  guildSettings: (guildId: string) => `v1:guild:${guildId}:settings`,
  /** The per-guild ledger state document (balances, open holds, the newest entries). */
  guildLedger: (guildId: string) => `v1:guild:${guildId}:ledger`,
  /** A sealed chunk of a guild's append-only ledger entries, numbered from 0. */
  guildLedgerEntries: (guildId: string, chunk: number) => `v1:guild:${guildId}:ledger-entries:${chunk}`,
  /** Which guild holds a job's reservation, so capture/release need only the job id. */
  ledgerJob: (jobId: string) => `v1:ledger-job:${jobId}`,
  job: (jobId: string) => `v1:job:${jobId}`,
  /** Ids of jobs that may still need work after a restart. */
  openJobs: 'v1:jobs:open',
  /** A member's finished creations, newest first (for /gallery and /animate's suggestions). */
  memberCreations: (guildId: string, memberId: string) => `v1:guild:${guildId}:member:${memberId}:creations`,
  /** Options of an /avatar waiting for its prompt in the modal. */
  avatarDraft: (draftId: string) => `v1:avatar-draft:${draftId}`,
  /** The choices of an open Animate panel. */
  animatePanel: (panelId: string) => `v1:animate-panel:${panelId}`,
  /** A video waiting for its Confirm click. */
  pendingVideo: (pendingId: string) => `v1:pending-video:${pendingId}`,
  guildPrefix: 'v1:guild:',
  jobPrefix: 'v1:job:',
} as const;

export interface CreateStoreOptions {
  logger: Logger;
  /** How long the start-up probe may take before the store counts as unreachable. */
  connectTimeoutMs?: number;
}

const HINT = 'Check that the server is running and reachable, or that the file and its folder are writable.';
const SUPPORTED = 'sqlite://path/to/file.sqlite, redis://host:port or postgresql://user@host/db';

export async function createStore(databaseUrl: string, options: CreateStoreOptions): Promise<Store> {
  const { logger, connectTimeoutMs = 10_000 } = options;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(databaseUrl)?.[1]?.toLowerCase();
  const redacted = redactUrl(databaseUrl);
  let keyv: Keyv;
  try {
    keyv = await openKeyv(scheme, databaseUrl, connectTimeoutMs);
  } catch (error) {
    if (error instanceof StoreConfigError) throw error;
    throw new StoreConfigError(
      `DATABASE_URL (${redacted}) could not be opened: ${describe(error)}. ${HINT}`,
      {
        cause: error,
      },
    );
  }
  keyv.on('error', (error: unknown) => logger.error({ err: error }, 'store backend error'));
  const store = new KeyvStore(keyv);
  try {
    await withTimeout(store.ping(), connectTimeoutMs, 'no answer');
  } catch (error) {
    await withTimeout(forceDisconnect(keyv), 1_000, 'no disconnect').catch(() => undefined);
    throw new StoreConfigError(
      `DATABASE_URL (${redacted}) cannot be used: a test write and read failed (${describe(error)}). ${HINT}`,
      { cause: error },
    );
  }
  logger.info({ database: redacted }, 'store ready');
  return store;
}

async function openKeyv(scheme: string | undefined, url: string, connectTimeoutMs: number): Promise<Keyv> {
  const common = { namespace: KEYV_NAMESPACE, throwOnErrors: true } as const;
  switch (scheme) {
    case 'sqlite': {
      const path = url.slice('sqlite://'.length);
      if (path === '')
        throw new StoreConfigError(`DATABASE_URL must name a file, e.g. sqlite://data/bot.sqlite`);
      if (path !== ':memory:') {
        try {
          mkdirSync(dirname(resolve(path)), { recursive: true });
        } catch (error) {
          throw new StoreConfigError(
            `DATABASE_URL (${url}): cannot create the folder for the SQLite file (${describe(error)})`,
            { cause: error },
          );
        }
      }
      const { KeyvSqlite } = await import('@keyv/sqlite');
      // A busy timeout so that a second reader (e.g. a backup) does not fail our writes at once.
      const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5_000, iterationLimit: 500 });
      // WAL with synchronous=FULL: every committed write survives a crash or power cut, at one fsync per
      // write instead of the rollback journal's several (about 20x faster here). Backups must copy the
      // -wal file too, or use `sqlite3 bot.sqlite .backup`.
      await adapter.query('PRAGMA journal_mode=WAL');
      await adapter.query('PRAGMA synchronous=FULL');
      return new Keyv({ store: adapter, ...common });
    }
    case 'redis':
    case 'rediss': {
      const { createKeyv } = await import('@keyv/redis');
      return createKeyv(url, { ...common, connectionTimeout: connectTimeoutMs });
    }
    case 'postgres':
    case 'postgresql': {
      const { KeyvPostgres } = await import('@keyv/postgres');
      return new Keyv({ store: new KeyvPostgres({ uri: url }), ...common });
    }
    default:
      throw new StoreConfigError(
        `DATABASE_URL must start with sqlite://, redis:// or postgresql:// (${SUPPORTED}); got "${redactUrl(url)}"`,
      );
  }
}

const PROBE_KEY = 'v1:probe';

class KeyvStore implements Store {
  /**
   * SINGLE-PROCESS ASSUMPTION: `update` is atomic only because every read-modify-write of a key is
   * chained behind the previous one in this map, inside this one Node process. Two bot processes on
   * the same database would interleave and lose updates. A multi-process deployment needs a lock or
   * transaction per key in the backend (Redis WATCH/MULTI or a Lua script, PostgreSQL
   * SELECT … FOR UPDATE), see DESIGN.md "Scaling out".
   */
  private readonly tails = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(private readonly keyv: Keyv) {}

  async get<T>(key: string): Promise<T | undefined> {
    this.assertOpen();
    const value: unknown = await this.keyv.get(key);
    // Keyv answers null for some backends' misses; JSON null is never stored on purpose.
    return value === null || value === undefined ? undefined : (value as T);
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.assertOpen();
    const ok = await this.keyv.set(key, value);
    if (!ok) throw new Error(`store write of ${key} failed`);
  }

  async delete(key: string): Promise<boolean> {
    this.assertOpen();
    return this.keyv.delete(key);
  }

  update<T>(
    key: string,
    fn: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  ): Promise<T | undefined> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      const current = await this.get<T>(key);
      const next = await fn(current);
      // set/delete re-check for close(): a close while fn ran is a crash, and a crash loses the write.
      if (next === current && current !== undefined) return next;
      if (next === undefined) {
        if (current !== undefined) await this.delete(key);
      } else {
        await this.set(key, next);
      }
      return next;
    });
    // The chain must survive a failed update, or one error would block the key forever.
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  async keys(prefix: string): Promise<string[]> {
    this.assertOpen();
    const iterate = this.keyv.iterator;
    if (typeof iterate !== 'function') throw new Error('this store backend cannot list keys');
    const found: string[] = [];
    // Keyv's generated iterator ignores its argument and iterates its own namespace.
    for await (const [rawKey] of iterate(undefined) as AsyncIterable<[unknown, unknown]>) {
      if (typeof rawKey !== 'string') continue;
      const key = rawKey.startsWith(`${KEYV_NAMESPACE}:`) ? rawKey.slice(KEYV_NAMESPACE.length + 1) : rawKey;
      if (key.startsWith(prefix)) found.push(key);
    }
    return found.sort();
  }

  async ping(): Promise<void> {
    const probe = `${Date.now()}:${Math.random()}`;
    await this.set(PROBE_KEY, probe);
    const back = await this.get<string>(PROBE_KEY);
    if (back !== probe) throw new Error('the test value read back differs from what was written');
    await this.delete(PROBE_KEY);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.keyv.disconnect();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/** Drops a backend that failed its probe; a graceful close would wait for a server that never answers. */
async function forceDisconnect(keyv: Keyv): Promise<void> {
  const backend: unknown = keyv.store;
  if (typeof backend === 'object' && backend !== null && 'disconnect' in backend) {
    const disconnect: unknown = backend.disconnect;
    if (typeof disconnect === 'function') await Promise.resolve(disconnect.call(backend, true));
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^/@]*)@/, '//***@');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
