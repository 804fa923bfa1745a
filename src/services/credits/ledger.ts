/**
 * The credit ledger: reserve -> capture | release, grants and revokes. Server credits are the
 * operator's real Percify credits, so this is kept like money.
 *
 * INVARIANT. All of a guild's money state lives in ONE document, `v1:guild:<id>:ledger` (member day
 * counters, granted balances, open holds, guild period counters, remembered operation outcomes and
 * the newest log entries). Every operation is one serialised read-modify-write of that key
 * (Store.update) that commits the state change, its log entries and its remembered outcome in a
 * single key write. Hence, at every instant the stored document is the result of some prefix of the
 * operations, whole: never half an operation, and never a balance change without its entry.
 *
 * CRASH ARGUMENT. The store may die between any two awaits. The only other keys written are
 *  - sealed log chunks, written BEFORE the document that references them (ledger-document.ts): a
 *    crash leaves an unreferenced chunk, overwritten with the same entries by the next seal;
 *  - the job -> guild index `v1:ledger-job:<job>`, written BEFORE the document that holds the job:
 *    a crash leaves an index pointing at a guild without that hold, and capture/release of it is a
 *    no-op ("unknown").
 * Neither can change a balance. An operation whose write did not land simply did not happen; the
 * caller retries it with the same id, and a retry of one that did land returns its first outcome
 * (remembered under `reserve:<job>`, `settle:<job>`, `grant:<op>`, `revoke:<op>`).
 *
 * EXACTLY ONCE. capture and release share the key `settle:<job>` and both need the open hold, which
 * the first of them deletes in the same write; so a reservation ends in exactly one of them.
 *
 * LIMITS OF THE ARGUMENT. Atomicity comes from Store.update's per-key queue, i.e. one bot process
 * per database (see store.ts). Outcomes are remembered for the last MAX_REMEMBERED_OPS operations of
 * a guild; open holds are always remembered, so only a repeat of a long-settled job could escape,
 * and its capture/release would find no hold and do nothing.
 */
import type { Logger } from '../../logger.js';
import { storeKey, type Store } from '../store.js';
import type { GuildSettingsService } from './guild-settings.js';
import { budgetView, memberToday, memberView } from './ledger-balance.js';
import { dayKey } from './ledger-clock.js';
import {
  CHUNK_SIZE,
  mutateLedger,
  readLedger,
  rememberOp,
  type LedgerDocument,
  type NewEntry,
} from './ledger-document.js';
import {
  assertCredits,
  assertId,
  usageMeta,
  validateAdminChange,
  type AdminCreditChange,
} from './ledger-input.js';
import { checkFunds, checkLimits } from './ledger-limits.js';
import { entriesOf, recentMemberEntries, usageReport } from './ledger-reports.js';
import { chargeGuild, chargeMember, settledReservation } from './ledger-settlement.js';

export type { AdminCreditChange } from './ledger-input.js';
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

export interface LedgerOptions {
  store: Store;
  settings: GuildSettingsService;
  logger: Logger;
  /** Injected so tests can move the day and month; epoch ms. */
  now?: () => number;
  /** Log entries per sealed chunk key (default 100); small in tests so that sealing happens often. */
  entriesPerChunk?: number;
}

export class Ledger {
  private readonly store: Store;
  private readonly settings: GuildSettingsService;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly entriesPerChunk: number;

  constructor(options: LedgerOptions) {
    this.store = options.store;
    this.settings = options.settings;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.entriesPerChunk = options.entriesPerChunk ?? CHUNK_SIZE;
  }

  async reserve(request: ReserveRequest): Promise<ReserveOutcome> {
    const { jobId, guildId, memberId, roleIds, amount, usage } = request;
    assertId(jobId, 'jobId');
    assertId(guildId, 'guildId');
    assertId(memberId, 'memberId');
    assertCredits(amount, 'amount');
    const settings = await this.settings.get(guildId);
    const outcome = await mutateLedger<ReserveOutcome>(
      this.store,
      guildId,
      async (doc, append) => {
        const now = this.now();
        const opKey = `reserve:${jobId}`;
        const remembered = doc.ops[opKey] as ReserveOutcome | undefined;
        if (remembered) return { changed: false, result: remembered };
        const existing = doc.holds[jobId] ?? settledReservation(doc, jobId);
        if (existing) {
          const balanceAfter = memberView(doc, settings, memberId, roleIds, now).balance.spendable;
          return { changed: false, result: { ok: true, reservation: existing, balanceAfter } };
        }
        const view = memberView(doc, settings, memberId, roleIds, now);
        const refusal =
          checkLimits(settings, request, view) ?? checkFunds(view, budgetView(doc, settings, now), amount);
        if (refusal) {
          const result: ReserveOutcome = { ok: false, error: refusal };
          rememberOp(doc, opKey, result);
          return { changed: true, result };
        }
        const today = dayKey(now, settings.utcOffsetMinutes);
        const fromAllowance = Math.min(amount, view.balance.allowanceLeft);
        const fromGranted = amount - fromAllowance;
        const record = { ...memberToday(doc, memberId, today) };
        record.granted -= fromGranted;
        doc.members[memberId] = record;
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
        doc.holds[jobId] = reservation;
        append({
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
        rememberOp(doc, opKey, result);
        // The index goes in before the document that holds the job (see the crash argument above).
        await this.store.set(storeKey.ledgerJob(jobId), { guildId });
        return { changed: true, result };
      },
      this.entriesPerChunk,
    );
    this.logger.debug({ jobId, guildId, memberId, amount, ok: outcome.ok }, 'credits reserve');
    return outcome;
  }

  /**
   * Settles a job with the API's figure. The member pays min(actual, reserved): never more than they
   * were shown. Anything above the hold is logged as a 'topup' paid by the operator.
   */
  async capture(jobId: string, actual: number): Promise<SettleOutcome> {
    assertCredits(actual, 'actual');
    const outcome = await this.#settle(jobId, (doc, append, hold, now) => {
      const charged = Math.min(actual, hold.amount);
      const absorbed = actual - charged;
      const fromAllowance = Math.min(charged, hold.fromAllowance);
      const fromGranted = charged - fromAllowance;
      const grantReturned = hold.fromGranted - fromGranted;
      chargeMember(doc, hold, fromAllowance, charged, grantReturned);
      chargeGuild(doc, hold, charged);
      const actor = `job:${jobId}`;
      const meta = usageMeta(hold.usage);
      append({
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
        append({
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
    return this.#settle(jobId, (doc, append, hold, now) => {
      chargeMember(doc, hold, 0, 0, hold.fromGranted);
      append({
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
   * is remembered under the job id and returned to every later call, and the hold is removed.
   */
  async #settle(
    jobId: string,
    settle: (
      doc: LedgerDocument,
      append: (entry: NewEntry) => void,
      hold: Reservation,
      now: number,
    ) => SettleOutcome,
  ): Promise<SettleOutcome> {
    const guildId = await this.guildOfJob(jobId);
    if (guildId === undefined) return { status: 'unknown', jobId };
    return mutateLedger<SettleOutcome>(
      this.store,
      guildId,
      async (doc, append) => {
        const opKey = `settle:${jobId}`;
        const remembered = doc.ops[opKey] as SettleOutcome | undefined;
        if (remembered) return { changed: false, result: remembered };
        const hold = doc.holds[jobId];
        if (!hold) return { changed: false, result: { status: 'unknown', jobId } };
        const result = settle(doc, append, hold, this.now());
        delete doc.holds[jobId];
        rememberOp(doc, opKey, result);
        return { changed: true, result };
      },
      this.entriesPerChunk,
    );
  }

  /** Adds to a member's granted balance (kept across days until spent or revoked). */
  grant(change: AdminCreditChange): Promise<GrantOutcome> {
    return this.#changeGranted<GrantOutcome>(change, 'grant', (_granted, amount) => ({
      delta: amount,
      meta: {},
      result: (grantedAfter) => ({ opId: change.opId, memberId: change.memberId, amount, grantedAfter }),
    }));
  }

  /** Takes granted credits back; never below zero: it takes what there is and says so. */
  revoke(change: AdminCreditChange): Promise<RevokeOutcome> {
    return this.#changeGranted<RevokeOutcome>(change, 'revoke', (granted, amount) => {
      const revoked = Math.min(amount, granted);
      const detail =
        revoked === amount
          ? `Revoked ${amount} granted credits.`
          : `Only ${revoked} of ${amount} credits could be revoked: that was the member's whole granted balance.`;
      return {
        delta: -revoked,
        meta: { requested: amount },
        result: (grantedAfter) => ({
          opId: change.opId,
          memberId: change.memberId,
          requested: amount,
          revoked,
          grantedAfter,
          detail,
        }),
      };
    });
  }

  /**
   * An admin's change to a member's granted balance, idempotent by its operation id and recorded as
   * one entry whose amount is what actually moved.
   */
  async #changeGranted<R>(
    change: AdminCreditChange,
    kind: 'grant' | 'revoke',
    plan: (
      granted: number,
      amount: number,
    ) => { delta: number; meta: Record<string, number>; result: (grantedAfter: number) => R },
  ): Promise<R> {
    const { opId, guildId, adminId, memberId, amount, reason } = validateAdminChange(change);
    return mutateLedger<R>(
      this.store,
      guildId,
      async (doc, append) => {
        const opKey = `${kind}:${opId}`;
        const remembered = doc.ops[opKey] as R | undefined;
        if (remembered) return { changed: false, result: remembered };
        const record = { ...memberToday(doc, memberId, this.today(doc, memberId)) };
        const { delta, meta, result: outcome } = plan(record.granted, amount);
        record.granted += delta;
        doc.members[memberId] = record;
        append({
          at: this.now(),
          memberId,
          actor: `admin:${adminId}`,
          amount: Math.abs(delta),
          kind,
          reason,
          meta: { opId, ...meta },
        });
        const result = outcome(record.granted);
        rememberOp(doc, opKey, result);
        return { changed: true, result };
      },
      this.entriesPerChunk,
    );
  }

  async balance(guildId: string, memberId: string, roleIds: readonly string[]): Promise<Balance> {
    const [settings, doc] = await Promise.all([this.settings.get(guildId), readLedger(this.store, guildId)]);
    const now = this.now();
    const budget = budgetView(doc, settings, now);
    const { balance } = memberView(doc, settings, memberId, roleIds, now);
    return budget ? { ...balance, budget } : balance;
  }

  /** A member's charges, refunds, grants and revokes, newest first. */
  async recentEntries(guildId: string, memberId: string, limit: number): Promise<LedgerEntry[]> {
    return recentMemberEntries(this.store, await readLedger(this.store, guildId), memberId, limit);
  }

  /** The whole log of a guild, oldest first (audits, exports, tests). */
  async entries(guildId: string): Promise<LedgerEntry[]> {
    return entriesOf(this.store, await readLedger(this.store, guildId));
  }

  /** Charges in [from, to) by member, model, tier and local day. */
  async usage(guildId: string, range: { from: number; to: number }): Promise<UsageReport> {
    const [settings, doc] = await Promise.all([this.settings.get(guildId), readLedger(this.store, guildId)]);
    return usageReport(this.store, doc, range, settings.utcOffsetMinutes);
  }

  /** Every open hold of every guild, for restart recovery: each must end in capture or release. */
  async openReservations(): Promise<Reservation[]> {
    const keys = (await this.store.keys(storeKey.guildPrefix)).filter((key) => key.endsWith(':ledger'));
    const open: Reservation[] = [];
    for (const key of keys) {
      const doc = await this.store.get<LedgerDocument>(key);
      if (doc) open.push(...Object.values(doc.holds));
    }
    return open.sort((a, b) => a.at - b.at);
  }

  private today(doc: LedgerDocument, memberId: string): string {
    // Grants and revokes do not touch day counters, so keep the member's own day key.
    return doc.members[memberId]?.day ?? '';
  }

  private async guildOfJob(jobId: string): Promise<string | undefined> {
    assertId(jobId, 'jobId');
    const index = await this.store.get<{ guildId: string }>(storeKey.ledgerJob(jobId));
    return index?.guildId;
  }
}
