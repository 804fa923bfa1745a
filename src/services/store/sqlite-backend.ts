import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Backend, Durability, RawPlanner } from './backend.js';
import { FlushPipeline } from './flush-pipeline.js';
import { GroupCommitQueue, type Query } from './group-commit.js';
import { WalFileSync } from './wal-file-sync.js';

/**
 * SQLite through @keyv/sqlite's own table, on two connections to the file. Writes go through one:
 * a transaction is `BEGIN IMMEDIATE` … `COMMIT`, where IMMEDIATE takes the database's write lock up
 * front, so two processes never both read the old values and then write (the busy timeout makes the
 * second one wait instead of failing); every statement on it takes turns, and transactions that
 * queue up behind a commit share the next one (see GroupCommitQueue). Plain reads and scans go
 * through the other, so they never wait for a commit on disk: in WAL mode a reader sees the last
 * committed state and neither blocks the other. (An in-memory database is one connection.)
 */
export async function openSqliteBackend(path: string, namespace: string): Promise<Backend> {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const { KeyvSqlite } = await import('@keyv/sqlite');
  // A busy timeout so that a second process (or a backup) waits for the write lock.
  const open = () => new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
  const writer = open();
  const query = writer.query as unknown as Query;
  const table = writer.opts.table as string;
  await query('PRAGMA journal_mode=WAL');
  if (path === ':memory:') {
    const queue = new GroupCommitQueue(query);
    return new SqliteBackend(queue, query, undefined, table, namespace, () => writer.close());
  }
  // WAL with synchronous=NORMAL: a commit writes the log without syncing it, and the FlushPipeline
  // syncs it in the background, so every write still reaches the disk (a crash or power cut keeps
  // it) before its caller hears back, unless it asked for `committed`. SQLite's own checkpoint
  // (which copies the log into the database and syncs both) still runs in the commit that brings
  // the log to 1,000 pages. A checkpoint on a connection of its own was tried: the log could then
  // start over only in a pause between writes, and the process grew by ~90 MB under the bench.
  // Backups must copy the -wal file too, or use `sqlite3 bot.sqlite .backup`.
  await query('PRAGMA synchronous=NORMAL');
  const walSync = new WalFileSync(`${resolve(path)}-wal`);
  // Opened once the writer has made the table, so they never race to create it.
  const reader = open();
  const readQuery = reader.query as unknown as Query;
  await readQuery('PRAGMA query_only=true');
  const flushes = new FlushPipeline(() => walSync.sync());
  const queue = new GroupCommitQueue(query, flushes);
  return new SqliteBackend(queue, query, readQuery, table, namespace, async () => {
    await flushes.drain();
    await walSync.close();
    await Promise.all([writer.close(), reader.close()]);
  });
}

class SqliteBackend implements Backend {
  constructor(
    private readonly queue: GroupCommitQueue,
    private readonly query: Query,
    /** The read-only connection; absent for `:memory:`, where reads take turns with the writes. */
    private readonly readQuery: Query | undefined,
    private readonly table: string,
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

  transact<R>(rawKeys: readonly string[], plan: RawPlanner<R>, durability?: Durability): Promise<R> {
    return this.queue.write(async () => {
      const { writes, result } = await plan(await this.#select(rawKeys));
      const upserts = writes.filter((write) => write.value !== undefined).map((w) => [w.key, w.value]);
      const deletes = writes.filter((write) => write.value === undefined).map((write) => write.key);
      if (upserts.length > 0) {
        // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not the join.
        await this.query(
          `INSERT INTO ${this.table} (key, value)
           SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true
           ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
          JSON.stringify(upserts),
        );
      }
      if (deletes.length > 0) {
        await this.query(
          `DELETE FROM ${this.table} WHERE key IN (SELECT value FROM json_each(?))`,
          JSON.stringify(deletes),
        );
      }
      return result;
    }, durability);
  }

  scan(rawPrefix: string): Promise<string[]> {
    return this.#reading(async (query) => {
      // A range on the primary key (binary collation), so only the matching keys are read.
      const rows = await query(
        `SELECT key FROM ${this.table} WHERE key >= ? AND key < ? ORDER BY key`,
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
    const rows = await query(
      `SELECT key, value FROM ${this.table} WHERE key IN (SELECT value FROM json_each(?))`,
      JSON.stringify(rawKeys),
    );
    const found = new Map(rows.map((row) => [String(row.key), String(row.value)]));
    return rawKeys.map((key) => found.get(key));
  }
}

/** The smallest string above every string that starts with `prefix`. */
function prefixEnd(prefix: string): string {
  if (prefix === '') return '\u{10ffff}';
  return prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
}
