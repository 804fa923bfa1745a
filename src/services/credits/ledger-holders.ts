/** Where a job's hold lives: the keys its capture or release must lock. */
export interface JobHolder {
  guildId: string;
  memberId: string;
}

/** Enough for every job a process can have open at once, with a wide margin; about 2 MB at most. */
const KEPT = 10_000;

/**
 * The guild and member of the holds this process reserved, so that capturing or releasing one need
 * not first read its job record to learn which keys to lock: one database round trip less per job.
 *
 * Only a hint. A job record's guild and member never change once written, and the settling
 * transaction reads the job record again and uses the hint only if the record names the same
 * holder; a job this process does not know (reserved by another process, or before a restart, or
 * pushed out by KEPT newer ones) is settled by reading its record first, as without the hint.
 */
export class JobHolders {
  readonly #holders = new Map<string, JobHolder>();

  remember(jobId: string, holder: JobHolder): void {
    this.#holders.delete(jobId);
    this.#holders.set(jobId, holder);
    // A Map iterates in insertion order: the first key is the oldest hint.
    if (this.#holders.size > KEPT) {
      const oldest = this.#holders.keys().next();
      if (!oldest.done) this.#holders.delete(oldest.value);
    }
  }

  /** The hint for `jobId`, forgotten as it is handed out: a job is settled once. */
  take(jobId: string): JobHolder | undefined {
    const holder = this.#holders.get(jobId);
    this.#holders.delete(jobId);
    return holder;
  }
}
