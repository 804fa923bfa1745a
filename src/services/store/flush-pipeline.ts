interface FlushWaiter {
  upTo: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * When commits reach the disk, separately from when they are made: commits are numbered as they
 * happen, and one flush at a time runs in the background, covering every commit made before it
 * started (an fsync covers everything written to the file so far). A caller that needs its commit
 * on disk waits for the first flush that covers it; the connection meanwhile goes on committing.
 * So a slow fsync (a busy shared disk can take 100 ms and more) delays only the callers that asked
 * for the disk, never the commits queued behind it (issue 19).
 *
 * Written here, not taken from a library: it is the WAL writer a database server has built in
 * (PostgreSQL's `synchronous_commit`), which neither `better-sqlite3` nor Keyv's SQLite adapter
 * offers.
 */
export class FlushPipeline {
  #committed = 0;
  #flushed = 0;
  #flushing: Promise<void> | undefined;
  readonly #waiting: FlushWaiter[] = [];

  /** `flush` makes everything committed so far durable (an fsync of the WAL file). */
  constructor(private readonly flush: () => Promise<void>) {}

  /** A commit was made: a flush will follow. Returns the commit's number. */
  committed(): number {
    this.#committed += 1;
    this.#start();
    return this.#committed;
  }

  /** Resolves once commit `upTo` is on disk; rejects if the flush that should have covered it failed. */
  onDisk(upTo: number): Promise<void> {
    if (upTo <= this.#flushed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#waiting.push({ upTo, resolve, reject });
      this.#start();
    });
  }

  /** Everything committed so far on disk (before the connection closes). */
  drain(): Promise<void> {
    return this.onDisk(this.#committed);
  }

  #start(): void {
    if (this.#flushing || this.#flushed >= this.#committed) return;
    const upTo = this.#committed;
    let failed = false;
    this.#flushing = this.flush().then(
      () => {
        this.#flushed = upTo;
        this.#settle(upTo, undefined);
      },
      // The disk refused: nobody may hear that these commits are durable. The next commit or
      // waiter tries again (not at once, which would spin on a broken disk).
      (error: unknown) => {
        failed = true;
        this.#settle(upTo, error ?? new Error('flush failed'));
      },
    );
    void this.#flushing.finally(() => {
      this.#flushing = undefined;
      if (this.#waiting.length > 0 || (!failed && this.#flushed < this.#committed)) this.#start();
    });
  }

  #settle(upTo: number, error: unknown): void {
    for (let i = this.#waiting.length - 1; i >= 0; i -= 1) {
      const waiter = this.#waiting[i] as FlushWaiter;
      if (waiter.upTo > upTo) continue;
      this.#waiting.splice(i, 1);
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  }
}
