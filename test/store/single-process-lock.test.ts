import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockDatabaseFile } from '../../src/services/store/single-process-lock.js';

// One bot process per SQLite file: a second one refuses with a line that says what to do, and a lock
// left behind by a process that died is taken over.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A real process that runs, then ends: its pid is certainly not running afterwards. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('the SQLite single-process lock', () => {
  it('refuses a second holder while the first runs, and lets it in once released', () => {
    const file = join(dir, 'data', 'bot.sqlite');
    const first = lockDatabaseFile(file);
    let refusal: unknown;
    try {
      lockDatabaseFile(file);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseInUseError);
    expect((refusal as Error).message).toContain(`pid ${process.pid}`);
    expect((refusal as Error).message).toContain('redis://');
    first.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
    lockDatabaseFile(file).release();
  });

  it('takes over a lock whose process died', async () => {
    const file = join(dir, 'bot.sqlite');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: await deadPid(), host: hostname(), since: 0 }));
    const lock = lockDatabaseFile(file);
    expect(existsSync(`${file}.lock`)).toBe(true);
    lock.release();
  });
});
