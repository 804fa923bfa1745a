/**
 * Coalesces progress edits per job: the newest view wins, and a job's reply is edited at most once
 * per interval. Discord rate-limits edits per message, and members do not need every tick.
 */
export class ProgressUpdates {
  readonly #lastEditAt = new Map<string, number>();
  readonly #pending = new Map<string, () => Promise<void>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (jobId: string, error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Schedules `edit` as this job's next progress edit, replacing any not yet sent. */
  push(jobId: string, edit: () => Promise<void>): void {
    this.#pending.set(jobId, edit);
    if (this.#timers.has(jobId)) return;
    const wait = Math.max(0, (this.#lastEditAt.get(jobId) ?? -Infinity) + this.intervalMs - this.now());
    const timer = setTimeout(() => void this.#flush(jobId), wait);
    timer.unref();
    this.#timers.set(jobId, timer);
  }

  /** The job is finished: drop anything not yet sent, so a stale "rendering" never overwrites a result. */
  forget(jobId: string): void {
    clearTimeout(this.#timers.get(jobId));
    this.#timers.delete(jobId);
    this.#pending.delete(jobId);
    this.#lastEditAt.delete(jobId);
  }

  stop(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#pending.clear();
  }

  async #flush(jobId: string): Promise<void> {
    this.#timers.delete(jobId);
    const edit = this.#pending.get(jobId);
    this.#pending.delete(jobId);
    if (!edit) return;
    this.#lastEditAt.set(jobId, this.now());
    try {
      await edit();
    } catch (error) {
      this.onError(jobId, error);
    }
  }
}
