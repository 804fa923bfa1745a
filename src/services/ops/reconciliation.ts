import type { LedgerEntry } from '../credits/index.js';
import type { JobRecord } from '../jobs/job-record.js';
import { chargeOf, type CreditHistoryPage } from '../percify/credit-history.js';

/** One settled job, as the bot's ledger and Percify's credit history each tell it. */
export interface JobComparison {
  jobId: string;
  guildId: string;
  memberId: string;
  kind: string;
  resourceIds: string[];
  /** What the member was charged (0 when refunded). */
  memberPaid: number;
  /** What Percify's history charged the operator for the job's resources. */
  percifyCharged: number;
}

export interface ReconciliationReport {
  from: number;
  to: number;
  /** Settled jobs compared; jobs still running are left for the next comparison. */
  compared: number;
  memberPaid: number;
  percifyCharged: number;
  /** percifyCharged - memberPaid: positive when the operator paid more than members did. */
  difference: number;
  /** Every job whose two figures differ, largest difference first. */
  differing: JobComparison[];
}

export interface ReconciliationOptions {
  ledger: { entries(guildId: string): Promise<LedgerEntry[]> };
  jobs: { get(id: string): Promise<JobRecord | undefined> };
  history: (page: { limit: number; offset: number }) => Promise<CreditHistoryPage>;
}

const PAGE_SIZE = 100;
/** Percify's timestamps are whole seconds; a job's debit never precedes its reservation by more. */
const TIMESTAMP_SLACK_MS = 5 * 60_000;
/** A bound on one comparison's requests: 100 pages of 100 transactions. */
const MAX_PAGES = 100;

/**
 * Compares what members paid with what Percify charged, job by job, by Percify resource id: the
 * ledger gives each job's charge, the job record its resource ids, Percify's credit history its
 * debits and refunds. Jobs are those reserved in [from, to); their debits may come later.
 */
export class Reconciliation {
  constructor(private readonly options: ReconciliationOptions) {}

  async compare(
    guildIds: Iterable<string>,
    range: { from: number; to: number },
  ): Promise<ReconciliationReport> {
    const jobs: JobComparison[] = [];
    for (const guildId of guildIds) jobs.push(...(await this.#settledJobs(guildId, range)));
    const charges = await this.#percifyCharges(range.from - TIMESTAMP_SLACK_MS);
    for (const job of jobs) {
      job.percifyCharged = job.resourceIds.reduce((sum, id) => sum + (charges.get(id) ?? 0), 0);
    }
    const memberPaid = jobs.reduce((sum, job) => sum + job.memberPaid, 0);
    const percifyCharged = jobs.reduce((sum, job) => sum + job.percifyCharged, 0);
    const gap = (job: JobComparison) => Math.abs(job.percifyCharged - job.memberPaid);
    return {
      ...range,
      compared: jobs.length,
      memberPaid,
      percifyCharged,
      difference: percifyCharged - memberPaid,
      differing: jobs.filter((job) => gap(job) > 0).sort((a, b) => gap(b) - gap(a)),
    };
  }

  async #settledJobs(guildId: string, range: { from: number; to: number }): Promise<JobComparison[]> {
    const byJob = new Map<string, { reserve?: LedgerEntry; paid: number; settled: boolean }>();
    for (const entry of await this.options.ledger.entries(guildId)) {
      if (!entry.jobId) continue;
      const job = byJob.get(entry.jobId) ?? { paid: 0, settled: false };
      if (entry.kind === 'reserve') job.reserve = entry;
      if (entry.kind === 'capture') job.paid += entry.amount;
      if (entry.kind === 'capture' || entry.kind === 'release') job.settled = true;
      byJob.set(entry.jobId, job);
    }
    const compared: JobComparison[] = [];
    for (const [jobId, { reserve, paid, settled }] of byJob) {
      if (!reserve || !settled || reserve.at < range.from || reserve.at >= range.to) continue;
      const record = await this.options.jobs.get(jobId);
      compared.push({
        jobId,
        guildId,
        memberId: reserve.memberId,
        kind: record?.kind ?? reserve.meta?.usageKind ?? 'unknown',
        resourceIds: record?.percifyIds ?? [],
        memberPaid: paid,
        percifyCharged: 0,
      });
    }
    return compared;
  }

  /** Net charge per resource id over every transaction since `from` (the history is newest first). */
  async #percifyCharges(from: number): Promise<Map<string, number>> {
    const charges = new Map<string, number>();
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { transactions, pagination } = await this.options.history({ limit: PAGE_SIZE, offset });
      let reachedOlder = false;
      for (const transaction of transactions) {
        if (Date.parse(transaction.createdAt) < from) {
          reachedOlder = true;
          continue;
        }
        const charge = chargeOf(transaction);
        if (charge !== 0 && transaction.resourceId) {
          charges.set(transaction.resourceId, (charges.get(transaction.resourceId) ?? 0) + charge);
        }
      }
      offset += transactions.length;
      if (reachedOlder || transactions.length === 0 || pagination?.hasMore === false) break;
      if (pagination?.hasMore === undefined && transactions.length < PAGE_SIZE) break;
    }
    return charges;
  }
}
