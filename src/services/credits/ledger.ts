/**
 * The credit ledger: reserve -> capture | release, grants and revokes. Server credits are the
 * operator's real Percify credits, so this is kept like money.
 *
 * LAYOUT (ledger-records.ts). A guild's money is spread over small keys: a head per guild (budget
 * counters, a summary of open holds, the log's next sequence number), a record per member (day
 * counters, granted balance, full open holds, newest entries), a record per job (its guild and
 * member and the first outcomes of reserve and settle), one per admin operation, and one per log
 * entry. An operation reads and writes the head, one member and one job or admin-op key, and adds
 * one or two entries: its cost does not grow with the guild.
 *
 * INVARIANT. Every operation is ONE store transaction over all the keys it touches (changeLedger):
 * the balance change, its log entries and its remembered outcome commit together, atomically in the
 * database, whichever process runs it. Hence the stored state is always the result of some order of
 * whole operations: never half an operation, never a balance without its entry, and the head's
 * sequence numbers the entries in commit order with no gap.
 *
 * CRASH ARGUMENT. The process may die at any instant: a transaction either committed (its effects
 * and its outcome are there) or did not (nothing of it is there). The caller retries with the same
 * id, and a retry of one that did land returns its first outcome from the job or admin-op record.
 * Everything an operation decides on is read inside its transaction, the guild's settings for a
 * reserve included, so another process's change lands wholly before or wholly after it. The one
 * read outside is the job record that names a job's guild and member, before a capture or release of
 * a job this process did not reserve itself (it remembers those it did, ledger-holders.ts): a job's
 * guild and member never change once written, and the transaction reads the job record again and
 * goes on only if it names the same ones. Nothing is remembered across a crash: after a restart
 * every job is settled through its record.
 *
 * EXACTLY ONCE. capture and release both need the open hold in the member's record, and the first
 * of them deletes it and records its outcome on the job in the same transaction; so a reservation
 * ends in exactly one of them, and every later call gets that first outcome.
 *
 * BUDGET. Every reserve reads and writes the guild head, which holds the period's charges and every
 * open hold's amount; two processes reserving at once are serialised by the database on that key,
 * so the budget is never exceeded.
 */
import type { Logger } from '../../logger.js';
import { storeKey, type Store } from '../store.js';
import { settingsIn, type GuildSettingsService } from './guild-settings.js';
import { budgetView, memberView } from './ledger-balance.js';
import { changeLedger, type LedgerChange, type LedgerOutcome } from './ledger-change.js';
import { dayKey } from './ledger-clock.js';
import { assertCredits, assertId, usageMeta, type AdminCreditChange } from './ledger-input.js';
import { checkFunds, checkLimits } from './ledger-limits.js';
import {
  currentMember,
  emptyGuild,
  emptyMember,
  memberToday,
  type GuildLedger,
  type JobLedger,
  type MemberLedger,
} from './ledger-records.js';
import { grantCredits, revokeCredits } from './ledger-grants.js';
import { JobHolders, type JobHolder } from './ledger-holders.js';
import { entriesOf, openReservations, usageReport } from './ledger-reports.js';
import { chargeGuild, chargeMember } from './ledger-settlement.js';
import type {
  Balance,
  GrantOutcome,
  LedgerEntry,
  ReserveOutcome,
  ReserveRequest,
  Reservation,
  RevokeOutcome,
  SettleOutcome,
  UsageReport,
} from './ledger-types.js';

export type { AdminCreditChange } from './ledger-input.js';

export interface LedgerOptions {
  store: Store;
  settings: GuildSettingsService;
  logger: Logger;
  /** Injected so tests can move the day and month; epoch ms. */
  now?: () => number;
}

type Settle = (change: LedgerChange, member: MemberLedger, hold: Reservation, now: number) => SettleOutcome;

export class Ledger {
  private readonly store: Store;
  private readonly settings: GuildSettingsService;
  private readonly logger: Logger;
  private readonly now: () => number;
  readonly #holders = new JobHolders();

  constructor(options: LedgerOptions) {
    this.store = options.store;
    this.settings = options.settings;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
  }

  async reserve(request: ReserveRequest): Promise<ReserveOutcome> {
    const { jobId, guildId, memberId, roleIds, amount, usage } = request;
    assertId(jobId, 'jobId');
    assertId(guildId, 'guildId');
    assertId(memberId, 'memberId');
    assertCredits(amount, 'amount');
    const jobKey = storeKey.ledgerJob(jobId);
    const outcome = await changeLedger<ReserveOutcome>(
      this.store,
      guildId,
      [memberId],
      [jobKey, storeKey.guildSettings(guildId), ...(request.alongside?.keys ?? [])],
      (change, read) => {
        const settings = settingsIn(read, guildId);
        const now = this.now();
        const today = dayKey(now, settings.utcOffsetMinutes);
        const job = read<JobLedger>(jobKey);
        if (job?.reserve) return unchanged(job.reserve);
        const member = change.member(memberId, today);
        const view = memberView(member, settings, roleIds, now);
        const existing = member.holds[jobId] ?? settledReservation(job);
        if (existing)
          return unchanged({ ok: true, reservation: existing, balanceAfter: view.balance.spendable });
        const refusal =
          checkLimits(settings, request, view) ??
          checkFunds(view, budgetView(change.guild, settings, now), amount);
        if (refusal) {
          const result: ReserveOutcome = { ok: false, error: refusal };
          change.put(jobKey, { guildId, reserve: result } satisfies JobLedger);
          return { changed: true, result };
        }
        const fromAllowance = Math.min(amount, view.balance.allowanceLeft);
        const fromGranted = amount - fromAllowance;
        const record = memberToday(member, today);
        change.setMember(memberId, record);
        record.granted -= fromGranted;
        const reservation: Reservation = {
          jobId,
          guildId,
          memberId,
          amount,
          fromAllowance,
          fromGranted,
          at: now,
          day: today,
          usage,
        };
        record.holds[jobId] = reservation;
        change.guild.holds[jobId] = { memberId, amount, day: today, at: now };
        change.append({
          at: now,
          memberId,
          actor: `job:${jobId}`,
          amount,
          kind: 'reserve',
          reason: `${usage.kind} job`,
          jobId,
          meta: { ...usageMeta(usage), fromAllowance, fromGranted, day: today },
        });
        const result: ReserveOutcome = {
          ok: true,
          reservation,
          balanceAfter: view.balance.spendable - amount,
        };
        change.put(jobKey, { guildId, memberId, reserve: result } satisfies JobLedger);
        for (const { key, value } of request.alongside?.writes(read, result.balanceAfter) ?? [])
          change.put(key, value);
        return { changed: true, result };
      },
      { durability: request.durability },
    );
    if (outcome.ok) {
      const { guildId: heldIn, memberId: heldBy } = outcome.reservation;
      this.#holders.remember(jobId, { guildId: heldIn, memberId: heldBy });
    }
    this.logger.debug({ jobId, guildId, memberId, amount, ok: outcome.ok }, 'credits reserve');
    return outcome;
  }

  /**
   * Settles a job with the API's figure. The member pays min(actual, reserved): never more than they
   * were shown. Anything above the hold is logged as a 'topup' paid by the operator.
   */
  async capture(jobId: string, actual: number): Promise<SettleOutcome> {
    assertCredits(actual, 'actual');
    const outcome = await this.#settle(jobId, (change, member, hold, now) => {
      const charged = Math.min(actual, hold.amount);
      const absorbed = actual - charged;
      const fromAllowance = Math.min(charged, hold.fromAllowance);
      const fromGranted = charged - fromAllowance;
      const grantReturned = hold.fromGranted - fromGranted;
      chargeMember(member, hold, fromAllowance, charged, grantReturned);
      chargeGuild(change.guild, hold, charged);
      const actor = `job:${jobId}`;
      const meta = usageMeta(hold.usage);
      change.append({
        at: now,
        memberId: hold.memberId,
        actor,
        amount: charged,
        kind: 'capture',
        reason: `${hold.usage.kind} job finished`,
        jobId,
        meta: {
          ...meta,
          fromAllowance,
          fromGranted,
          released: hold.amount - charged,
          grantReturned,
          day: hold.day,
        },
      });
      if (absorbed > 0) {
        change.append({
          at: now,
          memberId: hold.memberId,
          actor,
          amount: absorbed,
          kind: 'topup',
          reason: 'the API charged more than was reserved; the operator pays the difference',
          jobId,
          meta: { ...meta, absorbed, apiCharged: actual },
        });
      }
      return {
        status: 'captured',
        jobId,
        reservation: hold,
        charged,
        released: hold.amount - charged,
        absorbed,
        at: now,
      };
    });
    if (outcome.status === 'captured' && outcome.absorbed > 0) {
      this.logger.warn({ jobId, absorbed: outcome.absorbed }, 'API charged more than reserved');
    }
    return outcome;
  }

  /** Gives a hold back in full (the job failed or was cancelled): nothing is charged. */
  release(jobId: string, reason: string): Promise<SettleOutcome> {
    return this.#settle(jobId, (change, member, hold, now) => {
      chargeMember(member, hold, 0, 0, hold.fromGranted);
      change.append({
        at: now,
        memberId: hold.memberId,
        actor: `job:${jobId}`,
        amount: hold.amount,
        kind: 'release',
        reason,
        jobId,
        meta: {
          ...usageMeta(hold.usage),
          fromAllowance: hold.fromAllowance,
          fromGranted: hold.fromGranted,
          day: hold.day,
        },
      });
      return { status: 'released', jobId, reservation: hold, released: hold.amount, reason, at: now };
    });
  }

  /**
   * Ends a job's hold exactly once, whichever of capture and release comes first: the first outcome
   * is recorded on the job and returned to every later call, and the hold is removed.
   */
  async #settle(jobId: string, settle: Settle): Promise<SettleOutcome> {
    assertId(jobId, 'jobId');
    // A job this process reserved: its guild and member are known, no read before the transaction.
    const known = this.#holders.take(jobId);
    const settled = known && (await this.#settleAt(jobId, known, settle));
    if (settled) return settled;
    const job = await this.store.get<JobLedger>(storeKey.ledgerJob(jobId));
    const memberId = job?.memberId;
    const holder = job && memberId !== undefined ? { guildId: job.guildId, memberId } : undefined;
    return (holder && (await this.#settleAt(jobId, holder, settle))) ?? { status: 'unknown', jobId };
  }

  /**
   * One transaction over the job's record and the holder's keys. Undefined, writing nothing, when the
   * job record does not name that holder (there is no such job, or the hint was wrong).
   */
  #settleAt(jobId: string, holder: JobHolder, settle: Settle): Promise<SettleOutcome | undefined> {
    const { guildId, memberId } = holder;
    const jobKey = storeKey.ledgerJob(jobId);
    return changeLedger<SettleOutcome | undefined>(
      this.store,
      guildId,
      [memberId],
      [jobKey],
      (change, read) => {
        const current = read<JobLedger>(jobKey);
        if (current?.guildId !== guildId || current.memberId !== memberId) return unchanged(undefined);
        if (current.settle) return unchanged(current.settle);
        const member = change.member(memberId, '');
        const hold = member.holds[jobId];
        if (!hold) return unchanged<SettleOutcome>({ status: 'unknown', jobId });
        const result = settle(change, member, hold, this.now());
        delete member.holds[jobId];
        delete change.guild.holds[jobId];
        change.put(jobKey, { ...current, settle: result } satisfies JobLedger);
        return { changed: true, result };
      },
    );
  }

  /** Adds to a member's granted balance (kept across days until spent or revoked). */
  grant(change: AdminCreditChange): Promise<GrantOutcome> {
    return grantCredits(this.store, this.now, change);
  }

  /** Takes granted credits back; never below zero: it takes what there is and says so. */
  revoke(change: AdminCreditChange): Promise<RevokeOutcome> {
    return revokeCredits(this.store, this.now, change);
  }

  async balance(guildId: string, memberId: string, roleIds: readonly string[]): Promise<Balance> {
    const [settings, [guild, member]] = await Promise.all([
      this.settings.get(guildId),
      this.#read(guildId, memberId),
    ]);
    const now = this.now();
    const budget = budgetView(guild, settings, now);
    const { balance } = memberView(member, settings, roleIds, now);
    return budget ? { ...balance, budget } : balance;
  }

  /** A member's newest charges, refunds, grants and revokes (at most RECENT_KEPT), newest first. */
  async recentEntries(guildId: string, memberId: string, limit: number): Promise<LedgerEntry[]> {
    const [, stored] = await this.#read(guildId, memberId);
    const seqs = currentMember(stored).recentSeqs.slice(0, Math.max(0, limit));
    const entries = await this.store.getMany<LedgerEntry>(
      seqs.map((seq) => storeKey.ledgerEntry(guildId, seq)),
    );
    return entries.filter((entry): entry is LedgerEntry => entry !== undefined);
  }

  /** The whole log of a guild, oldest first (audits, exports, tests). */
  async entries(guildId: string): Promise<LedgerEntry[]> {
    return entriesOf(this.store, await this.#guild(guildId));
  }

  /** Charges in [from, to) by member, model, tier and local day. */
  async usage(guildId: string, range: { from: number; to: number }): Promise<UsageReport> {
    const [settings, guild] = await Promise.all([this.settings.get(guildId), this.#guild(guildId)]);
    return usageReport(this.store, guild, range, settings.utcOffsetMinutes);
  }

  /** Every open hold of every guild, for restart recovery: each must end in capture or release. */
  openReservations(): Promise<Reservation[]> {
    return openReservations(this.store);
  }

  async #guild(guildId: string): Promise<GuildLedger> {
    return (await this.store.get<GuildLedger>(storeKey.ledgerGuild(guildId))) ?? emptyGuild(guildId);
  }

  /** The guild head and the member's record, read at one moment. */
  async #read(guildId: string, memberId: string): Promise<[GuildLedger, MemberLedger]> {
    const [guild, member] = await this.store.getMany<GuildLedger | MemberLedger>([
      storeKey.ledgerGuild(guildId),
      storeKey.ledgerMember(guildId, memberId),
    ]);
    return [
      (guild as GuildLedger | undefined) ?? emptyGuild(guildId),
      (member as MemberLedger | undefined) ?? emptyMember(''),
    ];
  }
}

function unchanged<R>(result: R): LedgerOutcome<R> {
  return { changed: false, result };
}

/** A job already settled: a repeated reserve answers with its reservation, as the first one did. */
function settledReservation(job: JobLedger | undefined): Reservation | undefined {
  const settled = job?.settle;
  return settled && settled.status !== 'unknown' ? settled.reservation : undefined;
}
