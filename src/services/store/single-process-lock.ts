import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/**
 * One bot process per SQLite file. The credits are safe across processes on any backend, but the
 * job queue, the plan's concurrency and the webhook routing live in the process: two bots on one
 * SQLite file would both answer and both count the plan's slots. A lock file next to the database
 * says who runs it; a second process refuses to start and says what to configure instead. A lock
 * left by a process that died (a crash, SIGKILL) is taken over: its pid no longer runs.
 *
 * Hand-written because no maintained package models "refuse, but take over from a dead owner" on
 * Node 20 without native code; SQLite's own locks cannot say who holds them.
 */

export class DatabaseInUseError extends Error {
  constructor(path: string, owner: LockOwner) {
    super(
      `Another bot process (pid ${owner.pid} on ${owner.host}, since ${new Date(owner.since).toISOString()}) ` +
        `is using ${path}. One SQLite file serves one bot process: stop the other one, or run several ` +
        'processes on Redis (DATABASE_URL=redis://…), as the README\'s "Choosing a database" explains.',
    );
    this.name = 'DatabaseInUseError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  since: number;
}

export interface HeldLock {
  release(): void;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined; // gone meanwhile, or half written by a process that died writing it
  }
}

/** Takes `<databasePath>.lock`, or throws DatabaseInUseError when a live process holds it. */
export function lockDatabaseFile(databasePath: string, now: () => number = Date.now): HeldLock {
  const lockPath = `${databasePath}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now() };
  mkdirSync(dirname(databasePath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readOwner(lockPath)?.pid === me.pid) rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockPath);
    // Another host's pid cannot be checked from here: trust its lock (a shared disk is rare).
    if (owner && (owner.host !== me.host || running(owner.pid))) {
      throw new DatabaseInUseError(databasePath, owner);
    }
    rmSync(lockPath, { force: true }); // its owner died: take over
  }
  throw new Error(`could not take the lock ${lockPath}`);
}
