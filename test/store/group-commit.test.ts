import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyvSqlite } from '@keyv/sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlushPipeline } from '../../src/services/store/flush-pipeline.js';
import { GroupCommitQueue, type Query } from '../../src/services/store/group-commit.js';

/** The group commit on a real SQLite file in WAL mode; the last tests add a FlushPipeline, as the store does. */

let dir: string;
let adapter: KeyvSqlite;
let query: Query;
/** Every statement sent, so a test can count commits (each one an fsync). */
let sent: string[];
let failNextCommit: boolean;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'percify-group-commit-'));
  adapter = new KeyvSqlite({ uri: `sqlite://${join(dir, 'bot.sqlite')}` });
  const raw = adapter.query as unknown as Query;
  await raw('PRAGMA journal_mode=WAL');
  await raw('PRAGMA synchronous=FULL');
  await raw('CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  sent = [];
  failNextCommit = false;
  query = async (sql, ...parameters) => {
    sent.push(sql);
    if (sql === 'COMMIT' && failNextCommit) {
      failNextCommit = false;
      throw new Error('disk I/O error');
    }
    return raw(sql, ...parameters);
  };
});

afterEach(async () => {
  await adapter.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const commits = () => sent.filter((sql) => sql === 'COMMIT').length;

/** Read-modify-write of one counter, the shape of every store transaction. */
function increment(queue: GroupCommitQueue, name: string, by = 1): Promise<number> {
  return queue.write(async () => {
    const rows = await query('SELECT n FROM counters WHERE name = ?', name);
    const next = Number(rows[0]?.n ?? 0) + by;
    await query(
      'INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = excluded.n',
      name,
      next,
    );
    return next;
  });
}

async function valueOf(name: string): Promise<number | undefined> {
  const rows = await (adapter.query as unknown as Query)('SELECT n FROM counters WHERE name = ?', name);
  return rows[0] === undefined ? undefined : Number(rows[0].n);
}

describe('group commit', () => {
  it('commits 200 concurrent transactions in far fewer commits, each seeing the one before it', async () => {
    const queue = new GroupCommitQueue(query);
    const results = await Promise.all(Array.from({ length: 200 }, () => increment(queue, 'a')));
    expect(results).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(await valueOf('a')).toBe(200);
    // The first runs alone; the rest queued behind it and share commits of at most 64.
    expect(commits()).toBeGreaterThanOrEqual(4);
    expect(commits()).toBeLessThanOrEqual(10);
  });

  it('runs a lone transaction as a plain one, with no savepoint', async () => {
    const queue = new GroupCommitQueue(query);
    expect(await increment(queue, 'a')).toBe(1);
    expect(sent.filter((sql) => /^(BEGIN|SAVEPOINT|RELEASE|COMMIT)/.test(sql))).toEqual([
      'BEGIN IMMEDIATE',
      'COMMIT',
    ]);
  });

  it('rolls back only the transaction that failed; the others of its batch commit', async () => {
    const queue = new GroupCommitQueue(query);
    const first = increment(queue, 'warm-up');
    const batch = [
      increment(queue, 'a'),
      queue.write(async () => {
        await query("INSERT INTO counters (name, n) VALUES ('b', 99)");
        throw new Error('the plan changed its mind');
      }),
      increment(queue, 'a'),
    ];
    const settled = await Promise.allSettled([first, ...batch]);
    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await valueOf('a')).toBe(2);
    expect(await valueOf('b')).toBeUndefined();
    // The three after the warm-up shared one commit.
    expect(commits()).toBe(2);
  });

  it('rolls back a lone transaction that fails, and goes on after it', async () => {
    const queue = new GroupCommitQueue(query);
    await expect(
      queue.write(async () => {
        await query("INSERT INTO counters (name, n) VALUES ('b', 1)");
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await valueOf('b')).toBeUndefined();
    expect(await increment(queue, 'b')).toBe(1);
  });

  it('tells every caller of a batch whose commit failed that nothing landed', async () => {
    const queue = new GroupCommitQueue(query);
    const first = increment(queue, 'a');
    const batch = [increment(queue, 'a'), queue.read(() => valueOf('a')), increment(queue, 'a')];
    // The warm-up commits; the batch queued behind it fails at its commit.
    await first;
    failNextCommit = true;
    const settled = await Promise.allSettled(batch);
    expect(settled.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(await valueOf('a')).toBe(1);
    expect(await increment(queue, 'a')).toBe(2);
  });

  it('answers reads without a transaction when no write is waiting', async () => {
    const queue = new GroupCommitQueue(query);
    await Promise.all([queue.read(() => valueOf('a')), queue.read(() => valueOf('b'))]);
    expect(sent.some((sql) => sql.startsWith('BEGIN'))).toBe(false);
  });

  it('runs an operation that must be alone after everything queued before it', async () => {
    const queue = new GroupCommitQueue(query);
    const order: string[] = [];
    const writes = Array.from({ length: 5 }, () => increment(queue, 'a').then(() => order.push('write')));
    const closing = queue.alone(async () => {
      order.push(`alone in a transaction: ${String(sent.at(-1) !== 'COMMIT')}`);
    });
    await Promise.all([...writes, closing]);
    expect(order).toEqual([...Array(5).fill('write'), 'alone in a transaction: false']);
  });

  describe('with the log synced beside the connection', () => {
    /** A flush the test lets finish, so it can see who hears back while the disk is busy. */
    function slowDisk() {
      let finish!: () => void;
      let flushes = 0;
      const pipeline = new FlushPipeline(() => {
        flushes += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      });
      return { pipeline, finish: () => finish(), flushes: () => flushes };
    }

    it('answers a committed write at its commit, and an on-disk write only after the flush', async () => {
      const disk = slowDisk();
      const queue = new GroupCommitQueue(query, disk.pipeline);
      const heard: string[] = [];
      const onDisk = increment(queue, 'a').then(() => heard.push('on-disk'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual([]);
      // The disk is still busy, yet the next write commits and its caller hears back.
      const committed = queue
        .write(async () => {
          await query("INSERT INTO counters (name, n) VALUES ('b', 1)");
        }, 'committed')
        .then(() => heard.push('committed'));
      await committed;
      expect(heard).toEqual(['committed']);
      expect(await valueOf('a')).toBe(1);
      expect(await valueOf('b')).toBe(1);
      disk.finish();
      await onDisk;
      expect(heard).toEqual(['committed', 'on-disk']);
      // The committed write's own flush follows; nobody waits for it.
      expect(disk.flushes()).toBe(2);
    });

    it('tells an on-disk write its commit at once, and never a write that failed', async () => {
      const disk = slowDisk();
      const queue = new GroupCommitQueue(query, disk.pipeline);
      const heard: string[] = [];
      const written = queue.write(
        async () => {
          await query("INSERT INTO counters (name, n) VALUES ('c', 1)");
        },
        'on-disk',
        () => heard.push('committed'),
      );
      const failed = queue.write(
        async () => {
          throw new Error('no');
        },
        'on-disk',
        () => heard.push('failed one committed'),
      );
      await expect(failed).rejects.toThrow('no');
      expect(heard).toEqual(['committed']);
      disk.finish();
      await written;
      expect(await valueOf('c')).toBe(1);
    });

    it('answers reads and failed writes without waiting for the disk', async () => {
      const disk = slowDisk();
      const queue = new GroupCommitQueue(query, disk.pipeline);
      await queue.write(async () => {
        await query("INSERT INTO counters (name, n) VALUES ('a', 5)");
      }, 'committed');
      const [read, failed] = await Promise.allSettled([
        queue.read(() => valueOf('a')),
        queue.write(async () => {
          throw new Error('no');
        }),
      ]);
      expect(read).toEqual({ status: 'fulfilled', value: 5 });
      expect(failed.status).toBe('rejected');
    });
  });
});
