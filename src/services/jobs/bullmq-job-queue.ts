import { hostname } from 'node:os';
import { Queue, WaitingError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { QueuedItem } from './fair-queue.js';
import type { JobQueue } from './job-queue.js';

export interface BullmqJobQueueOptions<T extends QueuedItem> {
  /** redis:// or rediss:// (QUEUE_URL, or DATABASE_URL when that is Redis). */
  url: string;
  /** One line per bot deployment; tests give each run its own. */
  name?: string;
  /** The plan's concurrent generations, counted across every process (global concurrency). */
  capacity: number;
  /** The job got its slot here: run its next step (a takeover resumes from the record). */
  onStart: (item: T) => void;
  /** Places in line may have moved, for the replies of jobs this process queued. */
  onPositionsChanged?: () => void;
  logger: Logger;
  /**
   * How long a slot stays held by a process that stopped renewing it (it was killed) before another
   * process takes the job over. The worker renews at half of it, and looks for such jobs as often.
   */
  lockMs?: number;
  /** How often the counts and places in line are read again. */
  refreshEveryMs?: number;
  /**
   * Written on each job this process takes (BullMQ's `processedBy`), so an operator looking at the
   * line in Redis sees which process holds which job. Defaults to `host:pid`.
   */
  workerName?: string;
}

type Release = 'finished' | 'hand-back' | 'lost';

const DEFAULT_NAME = 'percify-jobs';

/**
 * The plan's slots and the line, shared by every bot process on one Redis, through BullMQ.
 *
 * One BullMQ job per bot job (BullMQ's job id is ours, so enqueueing is idempotent across processes).
 * A job is *active* in BullMQ for as long as it holds a plan slot: its processor does not do the work
 * itself, it starts the runner's state machine (`onStart`) and waits until the runner says the job is
 * over. So BullMQ's global concurrency is the plan's concurrency across processes, its lock says which
 * process owns the job (progress edits, delivery), and its stalled-job check hands the job of a killed
 * process to another one, whose runner reads the record and goes on from there.
 *
 * Why not one BullMQ job per step, with delayed jobs for the polls: a slot must stay taken between the
 * submission and the result, and with short jobs per step BullMQ would count it free in between. The
 * waits inside a slot are the runner's timers, woken early by webhooks (webhooks/shared-routing.ts);
 * they live as long as the slot, in the process that owns it. Nor BullMQ's delayed jobs for the
 * deliveries' retries and Percify's "wait": they happen inside a slot, which a delayed job would free.
 *
 * Why a finished generation keeps its slot until delivered (generationDone does nothing): the delivery
 * must be owned too, so a takeover finishes it and nobody posts it twice. Deliveries take a moment.
 *
 * Fair by member: priority = 1 + that member's jobs already waiting or running, so one member's 20th
 * job waits behind another member's first. A batch counts as one job here (BullMQ counts jobs, not
 * weights): with batches, a plan can see more images at once than its concurrency; Percify queues them.
 */
export class BullmqJobQueue<T extends QueuedItem> implements JobQueue<T> {
  readonly shared = true;
  readonly capacity: number;
  readonly #queue: Queue<QueuedItem, void, string>;
  readonly #worker: Worker<QueuedItem, void, string>;
  readonly #connections: Redis[];
  readonly #held = new Map<string, (how: Release) => void>();
  /** Jobs this process queued that still wait: their replies show their place in line. */
  readonly #mine = new Set<string>();
  #positions = new Map<string, number>();
  #waiting: string[] = [];
  #active = 0;
  #closing = false;
  readonly #refresh: NodeJS.Timeout;

  constructor(private readonly options: BullmqJobQueueOptions<T>) {
    this.capacity = options.capacity;
    const name = options.name ?? DEFAULT_NAME;
    const lockMs = options.lockMs ?? 10_000;
    // BullMQ's workers need maxRetriesPerRequest null; an instance is passed because in ESM BullMQ
    // cannot load ioredis by itself.
    const connect = () => new Redis(options.url, { maxRetriesPerRequest: null });
    this.#connections = [connect(), connect()];
    const [queueConnection, workerConnection] = this.#connections as [Redis, Redis];
    this.#queue = new Queue<QueuedItem, void, string>(name, { connection: queueConnection });
    this.#worker = new Worker<QueuedItem, void, string>(name, (job, token) => this.#hold(job, token), {
      connection: workerConnection,
      name: options.workerName ?? `${hostname()}:${process.pid}`,
      concurrency: options.capacity,
      lockDuration: lockMs,
      stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
      // A job may be taken over many times (kills, deploys): the state machine makes each safe, and
      // the job's own deadlines end it, not a count of takeovers.
      maxStalledCount: 1_000,
      autorun: false,
    });
    this.#worker.on('error', (error) => options.logger.warn({ err: error }, 'job queue worker error'));
    this.#queue.on('error', (error) => options.logger.warn({ err: error }, 'job queue error'));
    // Another process may already be running a job whose lock we failed to keep: stop touching it.
    this.#worker.on('lockRenewalFailed', (ids) => ids.forEach((id) => this.#held.get(id)?.('lost')));
    this.#refresh = setInterval(() => void this.#read(), options.refreshEveryMs ?? 1_000);
    this.#refresh.unref();
  }

  /** Sets the plan's concurrency for every process, and starts taking jobs. */
  async start(): Promise<void> {
    await this.#queue.waitUntilReady();
    await this.#queue.setGlobalConcurrency(this.capacity);
    void this.#worker.run().catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'job queue worker stopped');
    });
    await this.#worker.waitUntilReady();
    await this.#read();
  }

  get used(): number {
    return this.#active;
  }

  get waitingCount(): number {
    return this.#waiting.length;
  }

  get runningCount(): number {
    return this.#active;
  }

  async enqueue(item: T): Promise<void> {
    if (this.#closing) return;
    if (!(await this.#queue.getJob(item.id))) {
      const priority = 1 + (await this.#openJobsOf(item.memberId));
      // jobId makes a second add of the same job (a restart's recovery, another process) a no-op.
      await this.#queue.add('job', item, {
        jobId: item.id,
        priority,
        removeOnComplete: true,
        removeOnFail: true,
      });
    }
    if (!this.#held.has(item.id)) this.#mine.add(item.id);
    await this.#read();
  }

  /** Shared: a job Percify has goes back through the line (idempotently) instead; see job-resume.ts. */
  adopt(): void {}

  generationDone(): void {}

  finish(id: string): void {
    this.#mine.delete(id);
    const release = this.#held.get(id);
    if (release) return release('finished');
    // Over while waiting (its deadline): leave the line. A job another process holds is locked and
    // stays; its owner ends it.
    void this.#queue.remove(id).catch(() => 0);
  }

  owns(id: string): boolean {
    return this.#held.has(id);
  }

  positions(): Map<string, number> {
    return this.#positions;
  }

  position(id: string): number | undefined {
    return this.#positions.get(id);
  }

  async waitingIds(): Promise<string[]> {
    await this.#read();
    return [...this.#waiting];
  }

  async takeOutOfLine(id: string): Promise<boolean> {
    // BullMQ removes a job only when no worker holds its lock, atomically: one process wins.
    const removed = (await this.#queue.remove(id)) === 1;
    if (removed) this.#mine.delete(id);
    return removed;
  }

  /** Stops taking jobs and gives the ones held back to the line, where another process takes them. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    clearInterval(this.#refresh);
    await this.#worker.pause(true).catch(() => undefined);
    for (const release of this.#held.values()) release('hand-back');
    await this.#worker.close().catch(() => undefined);
    await this.#queue.close().catch(() => undefined);
    await Promise.all(this.#connections.map((connection) => connection.quit().catch(() => undefined)));
  }

  /** The processor: holds the slot (and the lock) until the runner is done with the job. */
  async #hold(job: Job<QueuedItem, void, string>, token: string | undefined): Promise<void> {
    const item = job.data as T;
    const released = new Promise<Release>((resolve) => this.#held.set(item.id, resolve));
    this.#mine.delete(item.id);
    try {
      if (this.#closing) this.#held.get(item.id)?.('hand-back');
      else this.options.onStart(item);
      const how = await released;
      if (how === 'finished') return;
      // Back to the line (hand-back) or already taken over (lost): not completed, not failed.
      if (how === 'hand-back') await job.moveToWait(token);
      throw new WaitingError();
    } finally {
      this.#held.delete(item.id);
    }
  }

  /** Jobs of this member still waiting or running, across every process. */
  async #openJobsOf(memberId: string): Promise<number> {
    // Read from the line itself, so it can never drift; the line is short (it is bounded by members).
    const open = await this.#queue.getJobs(['active', 'waiting', 'prioritized', 'delayed']);
    return open.filter((job) => (job.data as QueuedItem | undefined)?.memberId === memberId).length;
  }

  async #read(): Promise<void> {
    if (this.#closing) return;
    try {
      const [counts, waiting] = await Promise.all([
        this.#queue.getJobCounts('active'),
        // In the order BullMQ hands them out: plain waiting first, then by priority.
        Promise.all([
          this.#queue.getJobs(['wait'], 0, -1, true),
          this.#queue.getJobs(['prioritized'], 0, -1, true),
        ]),
      ]);
      this.#active = counts.active ?? 0;
      this.#waiting = waiting.flat().flatMap((job) => (job.id ? [job.id] : []));
      const positions = new Map<string, number>();
      this.#waiting.forEach((id, index) => {
        if (this.#mine.has(id)) positions.set(id, index + 1);
      });
      this.#positions = positions;
      this.options.onPositionsChanged?.();
    } catch (error) {
      if (!this.#closing) this.options.logger.warn({ err: error }, 'could not read the job queue');
    }
  }
}
