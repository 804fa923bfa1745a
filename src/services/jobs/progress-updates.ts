/**
 * Coalesces progress edits per job: the newest view wins, and a job's reply is edited at most once
 * per interval. Discord rate-limits edits per message, and members do not need every tick.
 *
 * A result must never be overwritten by a late progress edit, whatever order requests complete in
 * (a channel-route fallback, a retried 429): at most one progress edit per job is in flight, and
 * `forget()` resolves only once it has settled, so the caller's final edit goes out after it.
 */
export class ProgressUpdates {
  readonly #lastEditAt = new Map<string, number>();
  readonly #pending = new Map<string, () => Promise<void>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #inFlight = new Map<string, Promise<void>>();
  /** Jobs whose final message is being or has been sent: no progress for them any more. */
  readonly #closed = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (jobId: string, error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Schedules `edit` as this job's next progress edit, replacing any not yet sent. */
  push(jobId: string, edit: () => Promise<void>): void {
    if (this.#closed.has(jobId)) return;
    this.#pending.set(jobId, edit);
    this.#arm(jobId);
  }

  /**
   * The job's final message comes next: drop anything not yet sent, refuse later pushes, and resolve
   * once an edit already under way has settled.
   */
  async forget(jobId: string): Promise<void> {
    // Re-inserted, so the map stays in closing order and pruning stops at the first recent one.
    this.#closed.delete(jobId);
    this.#closed.set(jobId, this.now());
    this.#pruneClosed();
    clearTimeout(this.#timers.get(jobId));
    this.#timers.delete(jobId);
    this.#pending.delete(jobId);
    this.#lastEditAt.delete(jobId);
    await this.#inFlight.get(jobId);
  }

  stop(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#pending.clear();
  }

  #arm(jobId: string): void {
    if (this.#timers.has(jobId) || this.#inFlight.has(jobId)) return;
    const wait = Math.max(0, (this.#lastEditAt.get(jobId) ?? -Infinity) + this.intervalMs - this.now());
    const timer = setTimeout(() => this.#flush(jobId), wait);
    timer.unref();
    this.#timers.set(jobId, timer);
  }

  #flush(jobId: string): void {
    this.#timers.delete(jobId);
    const edit = this.#pending.get(jobId);
    this.#pending.delete(jobId);
    if (!edit || this.#closed.has(jobId)) return;
    this.#lastEditAt.set(jobId, this.now());
    const sent = edit()
      .catch((error: unknown) => this.onError(jobId, error))
      .finally(() => {
        this.#inFlight.delete(jobId);
        // A newer view arrived while this one was on its way.
        if (this.#pending.has(jobId)) this.#arm(jobId);
      });
    this.#inFlight.set(jobId, sent);
  }

  /** Closed marks only need to outlive stragglers; an hour is plenty. */
  #pruneClosed(): void {
    const cutoff = this.now() - 60 * 60_000;
    for (const [jobId, at] of this.#closed) {
      if (at >= cutoff) return;
      this.#closed.delete(jobId);
    }
  }
}
