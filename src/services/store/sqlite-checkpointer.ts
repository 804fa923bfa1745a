import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's checkpoints (copying the write-ahead log back into the database file, then syncing
 * both), run on a thread of their own. Left to SQLite, the commit that brings the log to 1,000 pages
 * does it on the bot's thread: a few milliseconds on a quiet disk, hundreds when the shared disk is
 * slow, during which no member is answered (issue 19). The writer's automatic checkpoint is off;
 * this asks a worker, on its own connection, for a PASSIVE checkpoint every COMMITS_PER_CHECKPOINT
 * commits: it copies what no reader still needs and never holds up a writer.
 *
 * A passive checkpoint cannot start the log over while commits keep coming (SQLite rewinds it only
 * when a write begins with every frame copied back), so under a steady load the log would only
 * grow. Once it passes RESTART_AT_FRAMES, the next checkpoint is a RESTART: it waits for the write
 * lock, copies the few frames the passive ones left and lets the next write rewind the log. Writers
 * meanwhile wait for the lock off the thread (the backend's retry), so the bot keeps answering.
 *
 * Written here: neither better-sqlite3 nor Keyv offers checkpoints off the connection's thread.
 */
export const COMMITS_PER_CHECKPOINT = 100;
/**
 * 4,096-byte pages: 16 MB of log. Four times SQLite's own threshold, so the rewinds, which make
 * writes wait for a moment, come four times less often; the log file stays at about this size.
 */
export const RESTART_AT_FRAMES = 4_096;

export interface CheckpointResult {
  mode: 'PASSIVE' | 'RESTART';
  /** Frames in the log, and how many of them are in the database file now. */
  log: number;
  checkpointed: number;
  /** 1 when a reader or writer stopped the checkpoint short. */
  busy: number;
}

type WorkerAnswer = ({ ok: true } & CheckpointResult) | { ok: false; message: string };

/** The worker's whole program: one connection, one checkpoint per message. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs });
db.pragma('synchronous = NORMAL');
parentPort.on('message', (mode) => {
  if (mode === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [row] = db.pragma('wal_checkpoint(' + mode + ')');
    parentPort.postMessage({ ok: true, mode, busy: row.busy, log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

export interface CheckpointerOptions {
  onResult?: (result: CheckpointResult) => void;
  onError?: (error: Error) => void;
  /** How long a RESTART waits for the write lock and for readers. */
  busyTimeoutMs?: number;
  commitsPerCheckpoint?: number;
  restartAtFrames?: number;
}

export class SqliteCheckpointer {
  readonly #worker: Worker;
  #commits = 0;
  #inFlight = false;
  #restartNext = false;
  #closed = false;
  readonly #exited: Promise<void>;
  readonly #options: Required<CheckpointerOptions>;

  constructor(path: string, options: CheckpointerOptions = {}) {
    this.#options = {
      onResult: () => undefined,
      onError: () => undefined,
      busyTimeoutMs: 10_000,
      commitsPerCheckpoint: COMMITS_PER_CHECKPOINT,
      restartAtFrames: RESTART_AT_FRAMES,
      ...options,
    };
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const { busyTimeoutMs } = this.#options;
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, busyTimeoutMs } });
    // A checkpoint is housekeeping: the process may exit while one runs.
    this.#worker.unref();
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.on('message', (answer: WorkerAnswer) => this.#answered(answer));
    this.#worker.on('error', (error) => this.#options.onError(error));
  }

  /** A commit was made: every COMMITS_PER_CHECKPOINT of them, one checkpoint (one at a time). */
  committed(): void {
    this.#commits += 1;
    if (this.#commits >= this.#options.commitsPerCheckpoint) this.#start();
  }

  /** Stops the worker after the checkpoint in flight, if any; its connection closes with it. */
  async close(): Promise<void> {
    if (this.#closed) return this.#exited;
    this.#closed = true;
    // Held open again until it has gone, or a process whose last work is this close would exit
    // with the close unfinished.
    this.#worker.ref();
    this.#worker.postMessage('close');
    await this.#exited;
  }

  #start(): void {
    if (this.#inFlight || this.#closed) return;
    this.#inFlight = true;
    this.#commits = 0;
    this.#worker.postMessage(this.#restartNext ? 'RESTART' : 'PASSIVE');
  }

  #answered(answer: WorkerAnswer): void {
    this.#inFlight = false;
    if (!answer.ok) {
      this.#options.onError(new Error(`checkpoint failed: ${answer.message}`));
      return;
    }
    const { mode, log, checkpointed, busy } = answer;
    // After a RESTART the log keeps its length until the next write rewinds it: no second one.
    this.#restartNext = mode === 'PASSIVE' && log >= this.#options.restartAtFrames;
    this.#options.onResult({ mode, log, checkpointed, busy });
    // The log is long: rewind it now rather than after the next hundred commits.
    if (this.#restartNext) this.#start();
  }
}
