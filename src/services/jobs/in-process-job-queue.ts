import { FairQueue, type QueuedItem } from './fair-queue.js';
import type { JobQueue } from './job-queue.js';

export interface InProcessJobQueueOptions<T extends QueuedItem> {
  capacity: number;
  onStart: (item: T) => void;
  onPositionsChanged?: () => void;
}

/**
 * The embedded default: one process, its FairQueue in memory (plan slots, round-robin by member).
 * Every job is this process's, so `owns` is always true; a second process on the same database is
 * refused at start (store/single-process-lock.ts).
 */
export class InProcessJobQueue<T extends QueuedItem> implements JobQueue<T> {
  readonly shared = false;
  readonly #fair: FairQueue<T>;

  constructor(options: InProcessJobQueueOptions<T>) {
    this.#fair = new FairQueue<T>(options);
  }

  get capacity(): number {
    return this.#fair.capacity;
  }

  get used(): number {
    return this.#fair.used;
  }

  get waitingCount(): number {
    return this.#fair.waitingCount;
  }

  get runningCount(): number {
    return this.#fair.runningCount;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  enqueue(item: T): Promise<void> {
    this.#fair.enqueue(item);
    return Promise.resolve();
  }

  adopt(item: T): void {
    this.#fair.adopt(item);
  }

  generationDone(id: string): void {
    this.#fair.finish(id);
  }

  finish(id: string): void {
    this.#fair.finish(id);
  }

  owns(): boolean {
    return true;
  }

  positions(limit?: number): Map<string, number> {
    return this.#fair.positions(limit);
  }

  position(id: string): number | undefined {
    return this.#fair.position(id);
  }

  waitingIds(): Promise<string[]> {
    return Promise.resolve(this.#fair.waitingIds());
  }

  /** Only tells whether it waits: the caller's failure frees its place (as it always did). */
  takeOutOfLine(id: string): Promise<boolean> {
    return Promise.resolve(this.#fair.position(id) !== undefined);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
