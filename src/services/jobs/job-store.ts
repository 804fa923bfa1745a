import { legacyOpenJobsKey } from '../store/store-keys.js';
import { storeKey, type JoinedWrites, type Store } from '../store.js';
import { FINAL_STATES, type JobRecord } from './job-record.js';

/** An open-index entry: the key says everything; the value only has to exist. */
const OPEN = 1;

/**
 * Job records in the store, one key each, plus an index of unfinished ones for restart recovery:
 * one small key per open job (`openJob`), listed by prefix. (It was one list of every open id, which
 * every new job and every ending of every guild read and rewrote: a large value on the hot path and
 * the one key all guilds' commands queued on, issue 19.)
 *
 * A new job's record and its index entry are written in the same transaction as the hold on its
 * credits (`creation`), so they exist together or not at all; a job's final state and the removal of
 * its entry are one commit too. Other holds (a voice clone's) are indexed before they are taken. A
 * crash leaves at most an entry whose job is final or was never recorded (harmless: recovery reads
 * the record, or finds none and releases any hold under that id), never a live job outside it.
 */
export class JobStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Step one of creating a job: claim its id in the open index before anything is spent. */
  async markOpen(id: string): Promise<void> {
    await this.store.set(storeKey.openJob(id), OPEN);
  }

  /**
   * A new job's record and its place in the open index, for the transaction that holds its credits
   * (`Ledger.reserve`'s `alongside`): one commit before the member is answered instead of three. The
   * record is made inside the transaction, from what the hold decided (the balance left).
   */
  creation(id: string, record: (balanceAfter: number) => JobRecord): JoinedWrites<number> {
    const jobKey = storeKey.job(id);
    return {
      keys: [jobKey],
      writes: (_read, balanceAfter) => [
        { key: jobKey, value: record(balanceAfter) },
        { key: storeKey.openJob(id), value: OPEN },
      ],
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
   * attempt cannot move a job backwards. A final job leaves the open index in the same commit, unless
   * it is still watched for a late result.
   */
  async update(
    id: string,
    change: (job: JobRecord) => JobRecord | undefined,
  ): Promise<JobRecord | undefined> {
    const jobKey = storeKey.job(id);
    const updated = await this.store.transact([jobKey], (read) => {
      const current = read<JobRecord>(jobKey);
      if (!current) return { result: undefined };
      const changed = FINAL_STATES.has(current.state) ? undefined : change(current);
      const next = changed ? this.#stamped(current, changed) : current;
      const closes = FINAL_STATES.has(next.state) && !this.isWatchedLate(next);
      return {
        ...(next !== current ? { set: { [jobKey]: next } } : {}),
        ...(closes ? { delete: [storeKey.openJob(id)] } : {}),
        result: next,
      };
    });
    // A watch that ended while the commit was on its way (behind a slow fsync) has nobody left to
    // end it: the job leaves the index now.
    if (
      updated?.lateWatchUntil !== undefined &&
      FINAL_STATES.has(updated.state) &&
      !this.isWatchedLate(updated)
    )
      await this.forget(id);
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

  /** Ids in the open index, oldest job first (a job id starts with its creation time). */
  async openIds(): Promise<string[]> {
    const keys = await this.store.keys(storeKey.openJobPrefix);
    return keys.map((key) => key.slice(storeKey.openJobPrefix.length));
  }

  /** Removes an id from the open index (its job is final, or it never got a record). */
  async forget(id: string): Promise<void> {
    await this.store.delete(storeKey.openJob(id));
  }
}

/**
 * Moves a database's v1 open index (one list of ids) to one key per id, in one transaction, so a
 * crash leaves either form whole. Run at every start before jobs are resumed; a no-op once done.
 */
export async function migrateOpenJobIndex(store: Store): Promise<number> {
  return store.transact([legacyOpenJobsKey], (read) => {
    const ids = read<string[]>(legacyOpenJobsKey);
    if (ids === undefined) return { result: 0 };
    const set = Object.fromEntries(ids.map((id) => [storeKey.openJob(id), OPEN]));
    return { set, delete: [legacyOpenJobsKey], result: ids.length };
  });
}
