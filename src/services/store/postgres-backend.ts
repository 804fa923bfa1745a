import type { Pool } from 'pg';
import type { Backend, Durability, RawPlanner } from './backend.js';

/**
 * PostgreSQL in the table and format that @keyv/postgres uses (`public.keyv(key, value)`), through a
 * small pool of our own: @keyv/postgres keeps its pool private and offers no transaction.
 *
 * A transaction takes a transaction-scoped advisory lock per key first (they also lock keys that do
 * not exist yet, which row locks cannot), in one sorted order so that two transactions never wait on
 * each other in a circle; then it reads, plans and writes. Under READ COMMITTED each statement sees
 * everything committed before it started, so the read after the locks sees the previous holder's
 * writes.
 */
export async function openPostgresBackend(
  url: string,
  namespace: string,
  connectTimeoutMs: number,
): Promise<Backend> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: connectTimeoutMs,
    // Dead servers must not hang a health probe or a shutdown.
    query_timeout: 15_000,
  });
  // Nobody awaits an idle client's error (a restarted server); without a listener it would crash us.
  pool.on('error', () => undefined);
  try {
    // The same statement @keyv/postgres runs, so a Keyv pointed at this database finds its table.
    await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`);
  } catch (error) {
    // Two processes creating the table at once: one of them loses the race on the type's name.
    if ((error as { code?: string }).code !== '23505') {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }
  return new PostgresBackend(pool, namespace);
}

const TABLE = 'public.keyv';

class PostgresBackend implements Backend {
  constructor(
    private readonly pool: Pool,
    private readonly namespace: string,
  ) {}

  rawKey(key: string): string {
    return `${this.namespace}:${key}`;
  }

  keyOf(rawKey: string): string | undefined {
    const prefix = `${this.namespace}:`;
    return rawKey.startsWith(prefix) ? rawKey.slice(prefix.length) : undefined;
  }

  async read(rawKeys: readonly string[]): Promise<Array<string | undefined>> {
    if (rawKeys.length === 0) return [];
    const { rows } = await this.pool.query<{ key: string; value: string }>(
      `SELECT key, value FROM ${TABLE} WHERE key = ANY($1)`,
      [rawKeys],
    );
    const found = new Map(rows.map((row) => [row.key, row.value]));
    return rawKeys.map((key) => found.get(key));
  }

  async transact<R>(
    rawKeys: readonly string[],
    plan: RawPlanner<R>,
    durability: Durability = 'on-disk',
  ): Promise<R> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      try {
        // A lock that waits too long means a stuck peer: fail this operation rather than hang.
        // PostgreSQL's own form of `committed`: the commit returns before its WAL is flushed, and
        // the WAL writer flushes it within moments; a later synchronous commit flushes it first.
        await client.query(
          durability === 'committed'
            ? `SET LOCAL lock_timeout = '10s'; SET LOCAL synchronous_commit = off`
            : `SET LOCAL lock_timeout = '10s'`,
        );
        if (rawKeys.length > 0) {
          await client.query(
            `SELECT pg_advisory_xact_lock(h) FROM
               (SELECT DISTINCT hashtextextended(k, 7041) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS sorted`,
            [rawKeys],
          );
        }
        const { rows } = await client.query<{ key: string; value: string }>(
          `SELECT key, value FROM ${TABLE} WHERE key = ANY($1)`,
          [rawKeys],
        );
        const found = new Map(rows.map((row) => [row.key, row.value]));
        const { writes, result } = await plan(rawKeys.map((key) => found.get(key)));
        const upserts = writes.filter((write) => write.value !== undefined);
        const deletes = writes.filter((write) => write.value === undefined).map((write) => write.key);
        if (upserts.length > 0) {
          await client.query(
            `INSERT INTO ${TABLE} (key, value) SELECT * FROM unnest($1::text[], $2::text[])
             ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            [upserts.map((write) => write.key), upserts.map((write) => write.value)],
          );
        }
        if (deletes.length > 0) await client.query(`DELETE FROM ${TABLE} WHERE key = ANY($1)`, [deletes]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped from the pool instead of reused.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  async scan(rawPrefix: string): Promise<string[]> {
    const pattern = `${rawPrefix.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    const { rows } = await this.pool.query<{ key: string }>(
      `SELECT key FROM ${TABLE} WHERE key LIKE $1 ESCAPE '\\' ORDER BY key COLLATE "C"`,
      [pattern],
    );
    return rows.map((row) => row.key);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
