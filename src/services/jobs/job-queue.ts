import type { QueuedItem } from './fair-queue.js';

export type { QueuedItem } from './fair-queue.js';

/**
 * Where the runner's plan slots and its line of waiting jobs live. The state machine (job-runner.ts)
 * is the same whichever holds them; only who may run a job, and how many run at once, differ:
 *
 * - in-process (InProcessJobQueue): one process, today's FairQueue; every job is this process's.
 * - shared (BullmqJobQueue): every process on one Redis; the plan's slots are counted across all of
 *   them, and a job belongs to the process whose worker holds it at the moment.
 *
 * `onStart` (given to each implementation) is called when a job gets its slot: the runner then runs
 * its next step, whatever state the record says (a takeover resumes where the record is).
 */
export interface JobQueue<T extends QueuedItem = QueuedItem> {
  /** True when several processes share the line (restart recovery must not take others' jobs). */
  readonly shared: boolean;
  readonly capacity: number;
  /** Slots in use right now (across every process when shared). */
  readonly used: number;
  readonly waitingCount: number;
  readonly runningCount: number;
  /** Starts handing out slots (after the runner picked up unfinished jobs). */
  start(): Promise<void>;
  /** Joins the line; a job already in it (by id) is left where it is. */
  enqueue(item: T): Promise<void>;
  /** After a restart: a job Percify already has holds a slot again without waiting (in-process). */
  adopt(item: T): void;
  /** Percify no longer runs the job (its result is in): its slot may go to the next in line. */
  generationDone(id: string): void;
  /** The job is over (final, or gone): frees what it holds, in line or in a slot. */
  finish(id: string): void;
  /** True while this process may run the job's steps. */
  owns(id: string): boolean;
  /**
   * 1-based places in line of the waiting jobs this process shows; given a `limit`, at least those
   * within it (the rest may be left out: replies only show the first few).
   */
  positions(limit?: number): Map<string, number>;
  position(id: string): number | undefined;
  /** Every job waiting for a slot, for the deadline sweep. */
  waitingIds(): Promise<string[]>;
  /** Takes a waiting job out of line; true for exactly one caller, whichever process asks. */
  takeOutOfLine(id: string): Promise<boolean>;
  /** Stops taking jobs; a shared queue hands the jobs it holds back to the line for another process. */
  close(): Promise<void>;
}
