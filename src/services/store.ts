import type { Logger } from '../logger.js';
import type { Backend, Durability } from './store/backend.js';
import { decodeValue, encodeValue } from './store/keyv-format.js';
import { withTimeout } from './store/with-timeout.js';
import { openPostgresBackend } from './store/postgres-backend.js';
import { openRedisBackend } from './store/redis-backend.js';
import { openSqliteBackend } from './store/sqlite-backend.js';

/**
 * The bot's only persistent state: key-value data in Keyv's own table and format, on SQLite,
 * PostgreSQL or Redis (chosen by DATABASE_URL), with transactions that are atomic in the database,
 * so any number of bot processes may share it.
 *
 * Values are plain JSON (no Dates: times are epoch milliseconds), so every backend stores them alike.
 */

export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** The values of `keys`, in order, read at one moment on Redis and PostgreSQL. */
  getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>>;
  /** A blind write; `ttlMs` makes the key read as absent once it has passed. */
  set<T>(key: string, value: T, options?: { ttlMs?: number }): Promise<void>;
  /** True when the key existed. */
  delete(key: string): Promise<boolean>;
  /**
   * Atomic read-modify-write of one key: `fn` sees the current value and returns the next one
   * (`undefined` deletes the key; the very object it was given back means "no change" and skips the
   * write). Atomic across processes; within one process, calls on the same key also run in call
   * order. `fn` may run more than once (after a conflict), so it must not have side effects.
   * Resolves to the value kept.
   */
  update<T>(
    key: string,
    fn: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  ): Promise<T | undefined>;
  /**
   * Atomic over several keys, across processes: `fn` reads the current values of `keys` and returns
   * what to write; everything lands together or not at all. `fn` may run more than once (after a
   * conflict), so it must not have side effects. Keys written but not listed in `keys` are blind
   * writes: only for keys nobody else writes (a new log entry).
   *
   * By default it resolves once the writes are on disk. `durability: 'committed'` resolves as soon
   * as they are committed, before the flush to disk that follows at once (see Durability): for a
   * write whose caller only answers a member, and whose first effect outside the bot waits for a
   * later write that is on disk (a new job: Percify is called only after its `submitting` state is).
   */
  transact<R>(
    keys: readonly string[],
    fn: (read: TransactionReads) => TransactionPlan<R> | Promise<TransactionPlan<R>>,
    options?: TransactOptions,
  ): Promise<R>;
  /** Every key starting with `prefix` (for start-up and reports; not for hot paths). */
  keys(prefix: string): Promise<string[]>;
  /** Throws when the backend does not answer a read within `timeoutMs` (writes nothing). */
  ping(timeoutMs?: number): Promise<void>;
  /** After close, every call rejects with StoreClosedError; writes in flight may or may not land. */
  close(): Promise<void>;
}

/** A listed key's value in the transaction; each call decodes anew, so the caller may change it. */
export type TransactionReads = <T>(key: string) => T | undefined;

export interface TransactOptions {
  durability?: Durability;
}

export type { Durability };

/**
 * Writes that belong in another operation's transaction, so that both commit together or not at all
 * (a new job's record, written with the hold on its credits): the keys they read, and what to write
 * once the operation has decided, given what it decided.
 */
export interface JoinedWrites<A> {
  keys: readonly string[];
  writes(read: TransactionReads, decided: A): ReadonlyArray<{ key: string; value: unknown }>;
}

export interface TransactionPlan<R> {
  set?: Readonly<Record<string, unknown>>;
  delete?: readonly string[];
  result: R;
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
 * Keys are namespaced by kind and versioned (`v1:`, `v2:`), so a later format can live next to the
 * old one during a migration. Keyv's own namespace is `percify` (it prefixes `percify:` in the table,
 * `percify::` in Redis); it must never be `v1`, or Keyv would take our version prefix for its
 * namespace and skip prefixing.
 */
export const KEYV_NAMESPACE = 'percify';

export { storeKey } from './store/store-keys.js';

export interface CreateStoreOptions {
  logger: Logger;
  /** How long the start-up probe may take before the store counts as unreachable. */
  connectTimeoutMs?: number;
}

const HINT = 'Check that the server is running and reachable, or that the file and its folder are writable.';
const SUPPORTED = 'sqlite://path/to/file.sqlite, redis://host:port or postgresql://user@host/db';

export async function createStore(databaseUrl: string, options: CreateStoreOptions): Promise<Store> {
  const { logger, connectTimeoutMs = 10_000 } = options;
  const redacted = redactUrl(databaseUrl);
  let backend: Backend;
  const opening = openBackend(databaseUrl, connectTimeoutMs, logger);
  try {
    backend = await withTimeout(opening, connectTimeoutMs, 'no answer');
  } catch (error) {
    // A backend that opens after we gave up on it must not stay connected.
    opening.then((late) => late.close()).catch(() => undefined);
    if (error instanceof StoreConfigError) throw error;
    throw new StoreConfigError(
      `DATABASE_URL (${redacted}) could not be opened: ${describe(error)}. ${HINT}`,
      {
        cause: error,
      },
    );
  }
  const store = new TransactionalStore(backend);
  try {
    await withTimeout(store.probeWrite(), connectTimeoutMs, 'no answer');
  } catch (error) {
    await withTimeout(backend.close(), 1_000, 'no disconnect').catch(() => undefined);
    throw new StoreConfigError(
      `DATABASE_URL (${redacted}) cannot be used: a test write and read failed (${describe(error)}). ${HINT}`,
      { cause: error },
    );
  }
  logger.info({ database: redacted }, 'store ready');
  return store;
}

/** A store over a backend already open (tests, tools); `createStore` also probes it first. */
export function storeOn(backend: Backend): Store {
  return new TransactionalStore(backend);
}

/** The file of a `sqlite://` URL (relative paths from the working directory), else undefined. */
export function sqliteFileOf(url: string): string | undefined {
  return /^sqlite:\/\//i.test(url) ? url.slice('sqlite://'.length) || undefined : undefined;
}

async function openBackend(url: string, connectTimeoutMs: number, logger: Logger): Promise<Backend> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'sqlite': {
      const path = url.slice('sqlite://'.length);
      if (path === '')
        throw new StoreConfigError(`DATABASE_URL must name a file, e.g. sqlite://data/bot.sqlite`);
      return openSqliteBackend(path, KEYV_NAMESPACE, logger);
    }
    case 'redis':
    case 'rediss':
      return openRedisBackend(url, KEYV_NAMESPACE, connectTimeoutMs);
    case 'postgres':
    case 'postgresql':
      return openPostgresBackend(url, KEYV_NAMESPACE, connectTimeoutMs);
    default:
      throw new StoreConfigError(
        `DATABASE_URL must start with sqlite://, redis:// or postgresql:// (${SUPPORTED}); got "${redactUrl(url)}"`,
      );
  }
}

/** The one key every health probe reads; nothing ever writes it, so probes never contend. */
const PROBE_KEY = 'v1:probe';

class TransactionalStore implements Store {
  /**
   * An optimisation, not the guarantee: transactions of this process on a shared key wait for each
   * other, so they keep call order and do not make each other retry on Redis or queue on
   * PostgreSQL's locks. Atomicity comes from the backend's transaction.
   */
  private readonly tails = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(private readonly backend: Backend) {}

  async get<T>(key: string): Promise<T | undefined> {
    const [value] = await this.getMany<T>([key]);
    return value;
  }

  async getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>> {
    this.assertOpen();
    const raw = await this.backend.read(keys.map((key) => this.backend.rawKey(key)));
    return raw.map((value) => decodeValue<T>(value));
  }

  async set<T>(key: string, value: T, options: { ttlMs?: number } = {}): Promise<void> {
    this.assertOpen();
    const raw = encodeValue(value, options.ttlMs);
    await this.backend.transact([], () => ({
      writes: [{ key: this.backend.rawKey(key), value: raw }],
      result: undefined,
    }));
  }

  async delete(key: string): Promise<boolean> {
    return this.transact([key], (read) => {
      const existed = read(key) !== undefined;
      return existed ? { delete: [key], result: true } : { result: false };
    });
  }

  update<T>(
    key: string,
    fn: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  ): Promise<T | undefined> {
    return this.transact([key], async (read) => {
      const current = read<T>(key);
      const next = await fn(current);
      if (next === current && current !== undefined) return { result: next };
      if (next === undefined)
        return current === undefined ? { result: next } : { delete: [key], result: next };
      return { set: { [key]: next }, result: next };
    });
  }

  transact<R>(
    keys: readonly string[],
    fn: (read: TransactionReads) => TransactionPlan<R> | Promise<TransactionPlan<R>>,
    options: TransactOptions = {},
  ): Promise<R> {
    // Waits for this process's earlier transactions on any of the same keys (they form a queue per
    // key, so no cycle can arise), then runs; the backend makes it atomic against other processes.
    // The next in line goes once this one is committed, not once it is on disk: it reads what this
    // one wrote either way, and its own commit comes later in the log, so the flush that makes it
    // durable covers this one too. (Waiting for the disk put the fsync of a guild's last ledger
    // change, 100 ms and more when the shared disk is slow, in front of the next member's hold.)
    let committed = (): void => undefined;
    const tail = new Promise<void>((resolve) => (committed = resolve));
    const previous = Promise.all(keys.flatMap((key) => this.tails.get(key) ?? []));
    const run = previous.then(() => this.#transactNow(keys, fn, options.durability, committed));
    // A failed transaction, or a backend whose commit is its promise, lets the next go when it settles.
    void run.then(committed, committed);
    for (const key of keys) this.tails.set(key, tail);
    void tail.then(() => {
      for (const key of keys) if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  async #transactNow<R>(
    keys: readonly string[],
    fn: (read: TransactionReads) => TransactionPlan<R> | Promise<TransactionPlan<R>>,
    durability: Durability | undefined,
    onCommitted: () => void,
  ): Promise<R> {
    this.assertOpen();
    const rawKeys = keys.map((key) => this.backend.rawKey(key));
    return this.backend.transact(
      rawKeys,
      async (rawValues) => {
        const now = Date.now();
        const values = new Map(keys.map((key, index) => [key, rawValues[index]]));
        const read: TransactionReads = <T>(key: string) => {
          if (!values.has(key)) throw new Error(`transaction read of ${key}, which it did not list`);
          return decodeValue<T>(values.get(key), now);
        };
        const plan = await fn(read);
        // A close while fn ran is a crash, and a crash loses the write.
        this.assertOpen();
        const writes = [
          ...Object.entries(plan.set ?? {}).map(([key, value]) => ({
            key: this.backend.rawKey(key),
            value: encodeValue(value),
          })),
          ...(plan.delete ?? []).map((key) => ({ key: this.backend.rawKey(key), value: undefined })),
        ];
        return { writes, result: plan.result };
      },
      durability,
      onCommitted,
    );
  }

  async keys(prefix: string): Promise<string[]> {
    this.assertOpen();
    const raw = await this.backend.scan(this.backend.rawKey(prefix));
    return raw
      .map((key) => this.backend.keyOf(key))
      .filter((key): key is string => key !== undefined)
      .sort();
  }

  async ping(timeoutMs = 750): Promise<void> {
    this.assertOpen();
    await withTimeout(this.backend.read([this.backend.rawKey(PROBE_KEY)]), timeoutMs, 'no answer');
  }

  /** Start-up check that the database takes writes: a key of this process only, then removed. */
  async probeWrite(): Promise<void> {
    const key = `v1:probe:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
    const value = String(Math.random());
    await this.set(key, value);
    const back = await this.get<string>(key);
    await this.delete(key);
    if (back !== value) throw new Error('the test value read back differs from what was written');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.backend.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^/@]*)@/, '//***@');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
