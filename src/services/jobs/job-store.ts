import { storeKey, type JoinedWrites, type Store } from '../store.js';
import { FINAL_STATES, type JobRecord } from './job-record.js';

/**
 * Job records in the store, one key each, plus an index of unfinished ones for restart recovery.
 *
 * A new job's record and its place in the index are written in the same transaction as the hold on
 * its credits (`creation`), so they exist together or not at all. Other holds (a voice clone's) are
 * indexed before they are taken. The index is cleared only after the record is final, so a crash
 * leaves at most an id in the index (harmless: recovery reads the record, or finds none and
 * releases any hold under that id) and never a live job outside it.
 */
export class JobStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Step one of creating a job: claim its id in the open index before anything is spent. */
  async markOpen(id: string): Promise<void> {
    await this.store.update<string[]>(storeKey.openJobs, (ids = []) =>
      ids.includes(id) ? ids : [...ids, id],
    );
  }

  /**
   * A new job's record and its place in the open index, for the transaction that holds its credits
   * (`Ledger.reserve`'s `alongside`): one commit before the member is answered instead of three. The
   * record is made inside the transaction, from what the hold decided (the balance left).
   */
  creation(id: string, record: (balanceAfter: number) => JobRecord): JoinedWrites<number> {
    const jobKey = storeKey.job(id);
    return {
      keys: [storeKey.openJobs, jobKey],
      writes: (read, balanceAfter) => {
        const open = read<string[]>(storeKey.openJobs) ?? [];
        return [
          { key: jobKey, value: record(balanceAfter) },
          ...(open.includes(id) ? [] : [{ key: storeKey.openJobs, value: [...open, id] }]),
        ];
      },
    };
  }

  /** A record and its index entry written on their own, without a hold: for seeding jobs in tests. */
  async create(job: JobRecord): Promise<void> {
    await this.markOpen(job.id);
    await this.store.set(storeKey.job(job.id), job);
  }

  get(id: string): Promise<JobRecord | undefined> {
    return this.store.get<JobRecord>(storeKey.job(id));
  }

  /**
   * Atomically changes one job. `change` may return the record unchanged (or undefined to leave it
   * as is); a record in a final state is never changed again, so late webhooks or a second delivery
   * attempt cannot move a job backwards.
   */
  async update(
    id: string,
    change: (job: JobRecord) => JobRecord | undefined,
  ): Promise<JobRecord | undefined> {
    const updated = await this.store.update<JobRecord>(storeKey.job(id), (current) => {
      if (!current || FINAL_STATES.has(current.state)) return current;
      const next = change(current);
      return next ? this.#stamped(current, next) : current;
    });
    if (updated && FINAL_STATES.has(updated.state) && !this.isWatchedLate(updated))
      await this.#closeIndex(id);
    return updated;
  }

  /** `update` for a job that must exist: a vanished record is a bug, not a state, so it throws. */
  async save(job: JobRecord, change: (job: JobRecord) => JobRecord): Promise<JobRecord> {
    const saved = await this.update(job.id, change);
    if (!saved) throw new Error(`job ${job.id} vanished from the store`);
    return saved;
  }

  /** A failed job whose result may still arrive (see JobRecord.lateWatchUntil). */
  isWatchedLate(job: JobRecord): boolean {
    return job.state === 'failed' && (job.lateWatchUntil ?? 0) > this.now();
  }

  /**
   * The one way out of a final state: a job that failed at its processing deadline, still watched,
   * whose result arrived after all. Answers undefined when the job is not (or no longer) watched, so
   * two late webhooks cannot both reopen it.
   */
  async reopenLate(id: string, change: (job: JobRecord) => JobRecord): Promise<JobRecord | undefined> {
    let reopened: JobRecord | undefined;
    await this.store.update<JobRecord>(storeKey.job(id), (current) => {
      if (!current || !this.isWatchedLate(current)) return current;
      reopened = this.#stamped(current, { ...change(current), lateWatchUntil: undefined });
      return reopened;
    });
    return reopened;
  }

  #stamped(current: JobRecord, next: JobRecord): JobRecord {
    const now = this.now();
    const stateSince = next.state === current.state ? (current.stateSince ?? current.createdAt) : now;
    return { ...next, stateSince, updatedAt: now };
  }

  /** Ids in the open index, in the order they were opened. */
  async openIds(): Promise<string[]> {
    return (await this.store.get<string[]>(storeKey.openJobs)) ?? [];
  }

  /** Removes an id from the open index (its job is final, or it never got a record). */
  async forget(id: string): Promise<void> {
    await this.#closeIndex(id);
  }

  async #closeIndex(id: string): Promise<void> {
    await this.store.update<string[]>(storeKey.openJobs, (ids = []) => ids.filter((open) => open !== id));
  }
}
