import { randomBytes } from 'node:crypto';
import type { ShortLivedRecords } from './short-lived-records.js';

/**
 * Each interaction handled by one process. Discord sends every dispatch to every gateway session of
 * a shard, so during a rolling deploy or with replicas two processes receive the same command; the
 * first to claim its id in the shared store handles it and every other does nothing at all (not even
 * an answer: the winner's is the one). A winner that dies before answering leaves the member with
 * Discord's "did not respond", which is right: nobody else may start the job, so nothing is doubled.
 *
 * On a SQLite file there is nobody to share with: the file admits one bot process
 * (store/single-process-lock.ts), so this process has every interaction and the claim is not
 * written. That keeps a durable commit (an fsync) off every answer: a new job's one write before
 * its answer is its hold and record (issue 19).
 */
export class InteractionClaims {
  /** This process, as the claims name it. */
  readonly owner = `${process.pid}-${randomBytes(4).toString('hex')}`;

  /** `records` undefined: this process is the only one on its database. */
  constructor(
    private readonly records: ShortLivedRecords | undefined,
    private readonly now: () => number,
  ) {}

  /** True when this process won the interaction (or had won it already). */
  claim(interactionId: string): Promise<boolean> {
    if (!this.records) return Promise.resolve(true);
    return this.records.claim('interactionClaim', interactionId, { by: this.owner, createdAt: this.now() });
  }
}
