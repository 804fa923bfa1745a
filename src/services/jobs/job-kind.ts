import type { ReplyBody } from '../delivery/reply-body.js';
import type { Message } from '../i18n/index.js';
import type { JobRecord } from './job-record.js';
import type { ExpectedDuration } from './poll-schedule.js';

/**
 * What differs between kinds of job (avatar, video): how a job is sent to Percify, how its state is
 * read back, and how it looks to the member. The runner does the rest the same way for all kinds:
 * queueing, tracking, delivery, credits, recovery.
 */

export type SubmitOutcome =
  /** Percify accepted it and named its resources. */
  | { status: 'accepted'; job: JobRecord }
  /**
   * Percify refused it for good (content policy, invalid input, account out of credits). `reason`
   * is what the member reads, rendered in the channel's language when the job ends.
   */
  | { status: 'refused'; code: string; reason: Message }
  /** Percify asked us to come back later (rate limited, overloaded); nothing was created. For the log. */
  | { status: 'retry'; afterMs: number; reason: string }
  /** The request may or may not have created something; reconcile before anything else. For the log. */
  | { status: 'unknown'; reason: string };

export type CheckOutcome =
  | { status: 'pending' }
  /** Finished; the job now carries what to deliver and what to charge. */
  | { status: 'completed'; job: JobRecord; creditCost: number }
  /** A multi-stage job moved on (e.g. audio done, video next): submit the next stage. */
  | { status: 'next-stage'; job: JobRecord }
  /** `reason`: what the member reads, rendered in the channel's language when the job ends. */
  | { status: 'failed'; code: string; reason: Message; stage?: string | undefined; charge?: number };

/** What a result looks like, and the job as it shows it (e.g. with the link an over-limit video got). */
export interface RenderedResult {
  body: ReplyBody;
  job: JobRecord;
}

export type ReconcileOutcome =
  /** Found what the lost request created. */
  | { status: 'found'; job: JobRecord }
  /** Certainly nothing was created: safe to submit again. */
  | { status: 'absent' }
  /** Percify could not be asked right now. */
  | { status: 'unreachable' };

export interface JobKindHandler {
  /** Plan slots this job uses while Percify works on it. */
  weight(job: JobRecord): number;
  expected(job: JobRecord): ExpectedDuration;
  submit(job: JobRecord): Promise<SubmitOutcome>;
  reconcile(job: JobRecord): Promise<ReconcileOutcome>;
  check(job: JobRecord): Promise<CheckOutcome>;
  renderPending(
    job: JobRecord,
    view: { position?: number | undefined; startedAt?: number | undefined },
  ): ReplyBody;
  /** May download media to upload; called again if a delivery is retried. */
  renderResult(job: JobRecord): Promise<RenderedResult>;
  /** `reason`: the failure's words, already in the channel's language (JobEndings renders them). */
  renderFailure(job: JobRecord, reason: string): ReplyBody;
  /** After a successful delivery of `renderResult`'s job: where the media now lives (Discord URLs). */
  afterDelivery?(
    job: JobRecord,
    message: { attachments: Array<{ url: string; filename: string }> },
  ): JobRecord;
}
