import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Logger } from '../../logger.js';
import type { Backend, Durability, RawPlanner } from './backend.js';
import { FlushPipeline } from './flush-pipeline.js';
import { GroupCommitQueue, type Query } from './group-commit.js';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';
import { WalFileSync } from './wal-file-sync.js';

/** Keyv's own table (@keyv/sqlite's name and layout), so Keyv reads whatever the store writes. */
const TABLE = 'keyv';
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;
/** How long a transaction waits for another connection's write lock (a backup's, another store's). */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * SQLite in Keyv's own table, through better-sqlite3, on two connections to the file. Writes go
 * through one: a transaction is `BEGIN IMMEDIATE` … `COMMIT`, where IMMEDIATE takes the database's
 * write lock up front, so two processes never both read the old values and then write (the busy
 * timeout makes the second one wait instead of failing); every statement on it takes turns, and
 * transactions that queue up behind a commit share the next one (see GroupCommitQueue). Plain reads
 * and scans go through the other, which in WAL mode sees the last committed state and never waits
 * for a write. (An in-memory database is one connection.)
 *
 * Statements run synchronously on the calling thread. That is the point: a job's hold and record
 * commit in ~0.1 ms with no round trip through libuv's pool per statement (the asynchronous
 * `sqlite3` driver took five of them per transaction, each behind whatever else the event loop had
 * to do: 1.4 ms at the median under the full load, issue 19). What could block for long stays off
 * this thread: the fsync of the log (FlushPipeline, below) and the checkpoints, which copy the log
 * back into the database file and sync both (SqliteCheckpointer, on a worker thread).
 */
export async function openSqliteBackend(path: string, namespace: string, logger?: Logger): Promise<Backend> {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const writer = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  writer.pragma('journal_mode = WAL');
  writer.exec(CREATE_TABLE);
  // From here on a lock is waited for off the thread (see queryOn).
  writer.pragma('busy_timeout = 0');
  const query = queryOn(writer);
  if (path === ':memory:') {
    const queue = new GroupCommitQueue(query);
    return new SqliteBackend(queue, query, undefined, namespace, async () => void writer.close());
  }
  // WAL with synchronous=NORMAL: a commit writes the log without syncing it, and the FlushPipeline
  // syncs it in the background, so every write still reaches the disk (a crash or power cut keeps
  // it) before its caller hears back, unless it asked for `committed`.
  // Backups must copy the -wal file too, or use `sqlite3 bot.sqlite .backup`.
  writer.pragma('synchronous = NORMAL');
  // Checkpoints run on the checkpointer's thread, not inside this thread's commits.
  writer.pragma('wal_autocheckpoint = 0');
  const walSync = new WalFileSync(`${resolve(path)}-wal`);
  // Opened once the writer has made the table, so they never race to create it.
  const reader = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  reader.pragma('query_only = true');
  const checkpointer = new SqliteCheckpointer(resolve(path), {
    onResult: (result) => logger?.debug(result, 'sqlite checkpoint'),
    // The log keeps every commit meanwhile; the next checkpoint tries again.
    onError: (error) => logger?.warn({ err: error }, 'sqlite checkpoint failed'),
  });
  const flushes = new FlushPipeline(() => walSync.sync());
  const queue = new GroupCommitQueue(query, flushes, () => checkpointer.committed());
  return new SqliteBackend(queue, query, queryOn(reader), namespace, async () => {
    await flushes.drain();
    await walSync.close();
    // The writer, closing last, checkpoints what is left and removes the log.
    await checkpointer.close();
    writer.close();
    reader.close();
  });
}

/**
 * The group commit's view of a connection: each statement prepared once (the store's SQL is a fixed
 * set), rows for a statement that returns them, none for one that does not. Errors reject, as the
 * asynchronous driver's did.
 *
 * A synchronous driver must never wait for a lock on this thread: SQLite's busy timeout would spin
 * here, and the connection holding the lock (another store in this process, as in the tests, whose
 * transaction is between two awaits) could never finish. So the writer's busy timeout is 0 once it is
 * set up, and `BEGIN IMMEDIATE`, the one statement that takes the write lock, tries again after a
 * pause that grows, until the timeout has passed.
 */
function queryOn(db: Database.Database): Query {
  const prepared = new Map<string, Database.Statement>();
  return async (sql, ...parameters) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    if (statement.reader) return statement.all(...parameters) as Array<Record<string, unknown>>;
    if (sql === 'BEGIN IMMEDIATE') await takeWriteLock(statement);
    else statement.run(...parameters);
    return [];
  };
}

async function takeWriteLock(begin: Database.Statement): Promise<void> {
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      begin.run();
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() + pause > giveUpAt) throw error;
    }
    await delay(pause);
  }
}

class SqliteBackend implements Backend {
  constructor(
    private readonly queue: GroupCommitQueue,
    private readonly query: Query,
    /** The read-only connection; absent for `:memory:`, where reads take turns with the writes. */
    private readonly readQuery: Query | undefined,
    private readonly namespace: string,
    private readonly closeConnections: () => Promise<void>,
  ) {}

  rawKey(key: string): string {
    return `${this.namespace}:${key}`;
  }

  keyOf(rawKey: string): string | undefined {
    const prefix = `${this.namespace}:`;
    return rawKey.startsWith(prefix) ? rawKey.slice(prefix.length) : undefined;
  }

  read(rawKeys: readonly string[]): Promise<Array<string | undefined>> {
    return this.#reading((query) => this.#select(rawKeys, query));
  }

  transact<R>(
    rawKeys: readonly string[],
    plan: RawPlanner<R>,
    durability?: Durability,
    onCommitted?: () => void,
  ): Promise<R> {
    return this.queue.write(
      async () => {
        const { writes, result } = await plan(await this.#select(rawKeys));
        const upserts = writes.filter((write) => write.value !== undefined).map((w) => [w.key, w.value]);
        const deletes = writes.filter((write) => write.value === undefined).map((write) => write.key);
        if (upserts.length > 0 && upserts.length <= LISTED_ROWS) {
          await this.query(
            (UPSERTS[upserts.length] ??=
              `INSERT INTO ${TABLE} (key, value) VALUES ${placeholders(upserts.length, '(?, ?)')}
           ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
            ...upserts.flat(),
          );
        } else if (upserts.length > 0) {
          // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not the join.
          await this.query(
            `INSERT INTO ${TABLE} (key, value)
           SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true
           ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
            JSON.stringify(upserts),
          );
        }
        if (deletes.length > 0) {
          await this.query(
            `DELETE FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`,
            JSON.stringify(deletes),
          );
        }
        return result;
      },
      durability,
      onCommitted,
    );
  }

  scan(rawPrefix: string): Promise<string[]> {
    return this.#reading(async (query) => {
      // A range on the primary key (binary collation), so only the matching keys are read.
      const rows = await query(
        `SELECT key FROM ${TABLE} WHERE key >= ? AND key < ? ORDER BY key`,
        rawPrefix,
        prefixEnd(rawPrefix),
      );
      return rows.map((row) => String(row.key));
    });
  }

  /** A plain read on the read-only connection, or in its turn on the only one. */
  #reading<T>(run: (query: Query) => Promise<T>): Promise<T> {
    return this.readQuery ? run(this.readQuery) : this.queue.read(() => run(this.query));
  }

  close(): Promise<void> {
    return this.queue.alone(() => this.closeConnections());
  }

  async #select(rawKeys: readonly string[], query = this.query): Promise<Array<string | undefined>> {
    if (rawKeys.length === 0) return [];
    const rows =
      rawKeys.length <= LISTED_ROWS
        ? await query(
            (SELECTS[rawKeys.length] ??=
              `SELECT key, value FROM ${TABLE} WHERE key IN (${placeholders(rawKeys.length, '?')})`),
            ...rawKeys,
          )
        : await query(
            `SELECT key, value FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`,
            JSON.stringify(rawKeys),
          );
    const found = new Map(rows.map((row) => [String(row.key), String(row.value)]));
    return rawKeys.map((key) => found.get(key));
  }
}

/**
 * Up to this many rows, a statement lists its keys (and values) as parameters: one prepared
 * statement per count, so a command's transaction skips encoding its values once more as a JSON
 * array for SQLite to parse again. Larger writes (a migration's) go through `json_each`, which
 * keeps them under SQLite's limit on parameters and the statement cache small.
 */
const LISTED_ROWS = 32;
/** The listed statements' text by row count, made once. */
const UPSERTS: string[] = [];
const SELECTS: string[] = [];

function placeholders(count: number, one: string): string {
  return Array.from({ length: count }, () => one).join(', ');
}

/** The smallest string above every string that starts with `prefix`. */
function prefixEnd(prefix: string): string {
  if (prefix === '') return '\u{10ffff}';
  return prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
}
