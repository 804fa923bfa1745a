import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { SqliteCheckpointer, type CheckpointResult } from '../../src/services/store/sqlite-checkpointer.js';
import { createStore } from '../../src/services/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'percify-checkpoint-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A writer as the store opens it: WAL, no automatic checkpoint, one row per commit. */
function openWriter(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO t(v) VALUES (?)');
  return { db, commit: (index: number) => insert.run(`row ${index} ${'x'.repeat(3_000)}`) };
}

describe('checkpoints on their own thread', () => {
  it('copy the log back while commits go on, and rewind it once it grows long', async () => {
    const path = join(dir, 'bot.sqlite');
    const writer = openWriter(path);
    const results: CheckpointResult[] = [];
    const errors: Error[] = [];
    const checkpointer = new SqliteCheckpointer(path, {
      commitsPerCheckpoint: 20,
      restartAtFrames: 300,
      onResult: (result) => results.push(result),
      onError: (error) => errors.push(error),
    });
    // Passive checkpoints alone let the log grow with every commit; after a RESTART it starts over.
    const rewound = () => {
      const restart = results.findIndex((result) => result.mode === 'RESTART' && result.busy === 0);
      return restart >= 0 && results.slice(restart + 1).some((result) => result.log >= 0 && result.log < 300);
    };
    let commits = 0;
    // Commits keep coming, the worker's answers arriving in between as they would under load, until
    // the log has been rewound (a slow machine's worker takes longer to start).
    while (commits < 3_000 || (!rewound() && commits < 50_000)) {
      writer.commit(commits);
      checkpointer.committed();
      commits += 1;
      if (commits % 5 === 0) await yieldToLoop();
    }
    await checkpointer.close();
    expect(errors).toEqual([]);
    expect(results.some((result) => result.mode === 'PASSIVE' && result.checkpointed > 0)).toBe(true);
    expect(rewound()).toBe(true);
    // The database file alone (no log) holds what was checkpointed: nearly every row.
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(path, copy);
    const alone = new Database(copy, { readonly: true });
    const { rows } = alone.prepare('SELECT count(*) AS rows FROM t').get() as { rows: number };
    alone.close();
    expect(rows).toBeGreaterThan(1_000);
    writer.db.close();
  });

  it("leave the store's data whole and its log removed when the store closes", async () => {
    const path = join(dir, 'store.sqlite');
    const store = await createStore(`sqlite://${path}`, { logger: silentLogger() });
    await Promise.all(
      Array.from({ length: 600 }, (_, index) =>
        store.set(`v1:item:${index}`, { index, pad: 'y'.repeat(500) }),
      ),
    );
    await store.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = await createStore(`sqlite://${path}`, { logger: silentLogger() });
    const values = await reopened.getMany<{ index: number }>(
      Array.from({ length: 600 }, (_, index) => `v1:item:${index}`),
    );
    expect(values.map((value) => value?.index)).toEqual(Array.from({ length: 600 }, (_, index) => index));
    await reopened.close();
  });
});
