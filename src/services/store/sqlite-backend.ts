import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Backend, RawPlanner } from './backend.js';
import { GroupCommitQueue, type Query } from './group-commit.js';

/**
 * SQLite through @keyv/sqlite's own connection and table. A transaction is `BEGIN IMMEDIATE` …
 * `COMMIT`: IMMEDIATE takes the database's write lock up front, so two processes never both read
 * the old values and then write; the busy timeout makes the second one wait instead of failing.
 * Every statement of this process takes turns on the connection, and transactions that queue up
 * behind a commit share the next one (see GroupCommitQueue).
 */
export async function openSqliteBackend(path: string, namespace: string): Promise<Backend> {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const { KeyvSqlite } = await import('@keyv/sqlite');
  // A busy timeout so that a second process (or a backup) waits for the write lock.
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
  const query = adapter.query as unknown as Query;
  const table = adapter.opts.table as string;
  // WAL with synchronous=FULL: every committed transaction survives a crash or power cut, at one
  // fsync per commit. Backups must copy the -wal file too, or use `sqlite3 bot.sqlite .backup`.
  await query('PRAGMA journal_mode=WAL');
  await query('PRAGMA synchronous=FULL');
  return new SqliteBackend(query, table, namespace, () => adapter.close());
}

class SqliteBackend implements Backend {
  readonly #queue: GroupCommitQueue;

  constructor(
    private readonly query: Query,
    private readonly table: string,
    private readonly namespace: string,
    private readonly closeConnection: () => Promise<void>,
  ) {
    this.#queue = new GroupCommitQueue(query);
  }

  rawKey(key: string): string {
    return `${this.namespace}:${key}`;
  }

  keyOf(rawKey: string): string | undefined {
    const prefix = `${this.namespace}:`;
    return rawKey.startsWith(prefix) ? rawKey.slice(prefix.length) : undefined;
  }

  read(rawKeys: readonly string[]): Promise<Array<string | undefined>> {
    return this.#queue.read(() => this.#select(rawKeys));
  }

  transact<R>(rawKeys: readonly string[], plan: RawPlanner<R>): Promise<R> {
    return this.#queue.write(async () => {
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
    });
  }

  scan(rawPrefix: string): Promise<string[]> {
    return this.#queue.read(async () => {
      // A range on the primary key (binary collation), so only the matching keys are read.
      const rows = await this.query(
        `SELECT key FROM ${this.table} WHERE key >= ? AND key < ? ORDER BY key`,
        rawPrefix,
        prefixEnd(rawPrefix),
      );
      return rows.map((row) => String(row.key));
    });
  }

  close(): Promise<void> {
    return this.#queue.alone(() => this.closeConnection());
  }

  async #select(rawKeys: readonly string[]): Promise<Array<string | undefined>> {
    if (rawKeys.length === 0) return [];
    const rows = await this.query(
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
