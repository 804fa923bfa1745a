/**
 * What a database must offer the store: reads, prefix scans and one transaction primitive, all in the
 * backend's own key and value format (Keyv's table and key layout), so that Keyv reads whatever the
 * store writes and the other way round.
 */

/** One write of a transaction; `undefined` deletes the key. */
export interface RawWrite {
  key: string;
  value: string | undefined;
}

/**
 * When a transaction's caller hears back: `on-disk` once its commit is durable (the default);
 * `committed` as soon as it is committed (every process reads it, and a crash of the bot keeps it),
 * with the flush to disk following at once, ahead of every `on-disk` write made after it.
 */
export type Durability = 'on-disk' | 'committed';

export interface RawPlan<R> {
  writes: readonly RawWrite[];
  result: R;
}

export type RawPlanner<R> = (values: ReadonlyArray<string | undefined>) => RawPlan<R> | Promise<RawPlan<R>>;

export interface Backend {
  /** The key as the database holds it (Keyv's namespace prefix included). */
  rawKey(key: string): string;
  /** The store's key for a raw key, or undefined when the raw key is not in the bot's namespace. */
  keyOf(rawKey: string): string | undefined;
  read(rawKeys: readonly string[]): Promise<Array<string | undefined>>;
  /**
   * Atomic across every process on the database: `plan` sees the committed values of `rawKeys`, and
   * its writes land together, only if no other writer changed those keys in between. `plan` may run
   * more than once (a retry after a conflict), so it must not have side effects. Writes to keys not
   * in `rawKeys` are blind: use them only for keys no one else writes (e.g. a new log entry).
   */
  transact<R>(
    rawKeys: readonly string[],
    plan: RawPlanner<R>,
    durability?: Durability,
    /**
     * Told as soon as the writes are committed (every later transaction sees them), which for an
     * `on-disk` write can be well before the promise resolves. A backend may leave it out when the
     * two are the same moment; the caller then takes the promise's settling.
     */
    onCommitted?: () => void,
  ): Promise<R>;
  /** Raw keys that start with `rawPrefix`. */
  scan(rawPrefix: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Another writer kept changing the keys; the transaction gave up after its retries. */
export class TransactionConflictError extends Error {
  constructor(attempts: number) {
    super(`the transaction kept conflicting with other writers (${attempts} attempts)`);
    this.name = 'TransactionConflictError';
  }
}

/** Full jitter backoff between conflict retries, capped, so that competing writers spread out. */
export function conflictBackoffMs(attempt: number): number {
  return Math.random() * Math.min(50, 2 ** attempt);
}
