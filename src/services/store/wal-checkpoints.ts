import type { Query } from './group-commit.js';

/**
 * The least time between two checkpoints' starts. A write that finds the whole log copied starts
 * it over, and SQLite syncs the new log's header in that commit: at most about once a second.
 */
const MIN_INTERVAL_MS = 1_000;
/** Log frames (4 KB pages) past which the writer itself starts the log over: about 16 MB. */
const RESTART_FRAMES = 4_000;

/**
 * Checkpoints of a SQLite log. SQLite's automatic checkpoint runs inside the commit that crosses
 * its threshold (1,000 pages), so that commit, and every caller queued behind it, waits for a copy
 * and two fsyncs. Here PASSIVE checkpoints run beside the writes on a connection of their own (they
 * never block writes, nor wait for readers), one at a time, soon after each flush, and again when
 * writes came in during one: the log is copied about a second after it is written.
 *
 * The log starts over from its beginning only when a write begins with all of it copied, which a
 * steady stream of writes never allows. So once it passes RESTART_FRAMES, the writer takes a turn
 * of its own (`restartOnWriter`): with the bulk already copied, it copies the last few pages, and
 * its next write starts the log over. That is one short wait on the write path per ~16 MB written.
 */
export class WalCheckpoints {
  #lastStart = Number.NEGATIVE_INFINITY;
  #running: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #writtenSince = false;
  #restarting = false;
  #stopped = false;

  constructor(
    private readonly query: Query,
    private readonly restartOnWriter: () => Promise<unknown>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Commits reached the disk: a checkpoint starts soon, unless one is running (it goes again). */
  afterFlush(): void {
    this.#writtenSince = true;
    if (this.#running || this.#timer || this.#stopped) return;
    const wait = this.#lastStart + MIN_INTERVAL_MS - this.now();
    if (wait <= 0) return this.#start();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#start();
    }, wait);
    this.#timer.unref();
  }

  /** No new checkpoint; waits for one under way, so its connection can close. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  #start(): void {
    if (this.#stopped) return;
    this.#lastStart = this.now();
    this.#writtenSince = false;
    this.#running = this.#checkpoint().finally(() => {
      this.#running = undefined;
      if (this.#writtenSince) this.afterFlush();
    });
  }

  async #checkpoint(): Promise<void> {
    // A checkpoint that fails (the disk, for a moment) leaves the log as it was: the next one
    // copies it. Nothing waits on it, so there is nobody to tell.
    const rows = await this.query('PRAGMA wal_checkpoint(PASSIVE)').catch(() => []);
    const frames = Number(rows[0]?.log ?? 0);
    if (frames > RESTART_FRAMES && !this.#restarting) {
      this.#restarting = true;
      void this.restartOnWriter()
        .catch(() => undefined)
        .finally(() => (this.#restarting = false));
    }
  }
}
