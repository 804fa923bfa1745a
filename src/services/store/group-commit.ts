import type { Durability } from './backend.js';
import type { FlushPipeline } from './flush-pipeline.js';

/** Runs SQL on the one connection (rows for a statement that returns them). */
export type Query = (sql: string, ...parameters: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** The most operations one commit carries, so a long backlog still commits (and answers) in steps. */
const MAX_BATCH = 64;

interface Operation {
  /** Writes need a transaction; reads and scans only need their turn on the connection. */
  readonly kind: 'read' | 'write' | 'alone';
  readonly durability: Durability;
  readonly run: () => Promise<unknown>;
  readonly committed?: (() => void) | undefined;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for one SQLite connection. Every statement of the process takes turns on the
 * connection (a statement sent while a transaction is open runs inside it). Under load, operations
 * that queued while the previous commit ran go together in one `BEGIN IMMEDIATE … COMMIT`, each
 * inside its own SAVEPOINT: one that fails is rolled back alone, the others commit. Alone, an
 * operation is the plain transaction it always was. So a command's hold waits for at most one
 * commit in flight, not for every write queued ahead of it (issue 19).
 *
 * With a FlushPipeline (a file database, `synchronous=NORMAL`), a commit does not wait for the disk:
 * the pipeline syncs the log in the background, and a write's caller hears back once its commit is
 * on disk, or at the commit itself for a `committed` write. Without one (`:memory:`), at the commit.
 *
 * Written here, not taken from a library: group commit belongs to the database driver, and neither
 * `better-sqlite3` nor Keyv's SQLite adapter offers it.
 */
export class GroupCommitQueue {
  readonly #pending: Operation[] = [];
  #draining = false;

  constructor(
    private readonly query: Query,
    private readonly flushes?: FlushPipeline,
    /** Told after every commit (the checkpointer counts them). */
    private readonly afterCommit?: () => void,
  ) {}

  /** A statement that reads: it runs in whatever batch is next, seeing every write before it. */
  read<T>(run: () => Promise<T>): Promise<T> {
    return this.#enqueue('read', run);
  }

  /**
   * Statements that write (no BEGIN/COMMIT of their own): atomic with each other, durable when the
   * promise resolves. If `run` throws, none of its writes land.
   */
  write<T>(run: () => Promise<T>, durability: Durability = 'on-disk', committed?: () => void): Promise<T> {
    return this.#enqueue('write', run, durability, committed);
  }

  /** Something that must not run inside a transaction (closing the connection), after all before it. */
  alone<T>(run: () => Promise<T>): Promise<T> {
    return this.#enqueue('alone', run);
  }

  #enqueue<T>(
    kind: Operation['kind'],
    run: () => Promise<T>,
    durability: Durability = 'on-disk',
    committed?: () => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = resolve as (value: unknown) => void;
      this.#pending.push({ kind, durability, run, committed, resolve: settle, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#pending.length > 0) {
        const first = this.#pending[0] as Operation;
        if (first.kind === 'alone') {
          this.#pending.shift();
          await settle(first, first.run);
          continue;
        }
        const end = this.#pending.findIndex((op) => op.kind === 'alone');
        const size = Math.min(MAX_BATCH, end === -1 ? this.#pending.length : end);
        await this.#runBatch(this.#pending.splice(0, size));
      }
    } finally {
      this.#draining = false;
    }
  }

  async #runBatch(batch: readonly Operation[]): Promise<void> {
    if (batch.every((op) => op.kind === 'read')) {
      for (const op of batch) await settle(op, op.run);
      return;
    }
    // One operation needs no savepoint: the transaction is its own.
    const savepoints = batch.length > 1;
    try {
      await this.query('BEGIN IMMEDIATE');
    } catch (error) {
      for (const op of batch) op.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    let failedAlone = false;
    for (const op of batch) {
      const outcome = savepoints ? await this.#inSavepoint(op) : await attempt(op.run);
      if (!outcome.ok && !savepoints) failedAlone = true;
      outcomes.push(outcome);
    }
    try {
      await this.query(failedAlone ? 'ROLLBACK' : 'COMMIT');
    } catch (error) {
      await this.query('ROLLBACK').catch(() => undefined);
      // Nothing of the batch is on disk: no caller may believe its write landed, nor trust a read
      // that saw the batch's writes.
      for (const op of batch) op.reject(error);
      return;
    }
    const commit = failedAlone ? undefined : this.flushes?.committed();
    if (!failedAlone) this.afterCommit?.();
    batch.forEach((op, index) => {
      const outcome = outcomes[index] as Outcome;
      if (!outcome.ok) {
        op.reject(outcome.error);
        return;
      }
      // Visible to every later transaction now; the caller may still wait for the disk.
      op.committed?.();
      if (commit === undefined || op.kind !== 'write' || op.durability === 'committed')
        op.resolve(outcome.value);
      else this.flushes?.onDisk(commit).then(() => op.resolve(outcome.value), op.reject);
    });
  }

  async #inSavepoint(op: Operation): Promise<Outcome> {
    if (op.kind === 'read') return attempt(op.run);
    const opened = await attempt(() => this.query('SAVEPOINT op'));
    if (!opened.ok) return opened;
    const outcome = await attempt(op.run);
    if (outcome.ok) {
      const released = await attempt(() => this.query('RELEASE op'));
      if (released.ok) return outcome;
    }
    await this.query('ROLLBACK TO op').catch(() => undefined);
    await this.query('RELEASE op').catch(() => undefined);
    return outcome.ok ? { ok: false, error: new Error('could not release the savepoint') } : outcome;
  }
}

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

async function settle(op: Operation, run: () => Promise<unknown>): Promise<void> {
  const outcome = await attempt(run);
  if (outcome.ok) op.resolve(outcome.value);
  else op.reject(outcome.error);
}
