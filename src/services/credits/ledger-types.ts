/**
 * The ledger's public shapes. Every value here is plain JSON, because outcomes are stored so that a
 * repeated operation can return its first outcome word for word.
 */
import type { Durability, JoinedWrites } from '../store.js';
import type { Message } from '../i18n/catalog-types.js';

export type EntryKind = 'reserve' | 'capture' | 'release' | 'grant' | 'revoke' | 'topup' | 'settings';
export type UsageKind = 'avatar' | 'video' | 'audio';
/** The features that use a member's likeness, counted apart in /quota usage. */
export type UsageFeature = 'photo-avatar' | 'voice-clone';

export interface EntryMeta {
  usageKind?: UsageKind;
  feature?: UsageFeature;
  model?: string;
  tier?: string;
  variations?: number;
  videoSeconds?: number;
  /** How a hold or a charge splits between today's allowance and the granted balance. */
  fromAllowance?: number;
  fromGranted?: number;
  /** Capture: the part of the hold that went back to the member. */
  released?: number;
  /** Capture: the granted credits of the hold that went back to the granted balance. */
  grantReturned?: number;
  /** Topup: what the API charged above the hold, paid by the operator, not the member. */
  absorbed?: number;
  apiCharged?: number;
  /** Grant and revoke: the admin operation's idempotency id. */
  opId?: string;
  /** Revoke: what the admin asked for (the entry's amount is what could be taken). */
  requested?: number;
  /** The local day (guild UTC offset) the hold was reserved on; charges count for that day. */
  day?: string;
  /** Settings: before/after of every top-level field that changed. */
  changes?: Record<string, { before: unknown; after: unknown }>;
}

export interface LedgerEntry {
  id: string;
  at: number;
  guildId: string;
  /** The member whose credits moved; for a settings change, the admin. */
  memberId: string;
  /** `job:<jobId>` or `admin:<userId>`. */
  actor: string;
  /** Always >= 0; the kind says which way the credits went. */
  amount: number;
  kind: EntryKind;
  reason: string;
  jobId?: string;
  meta?: EntryMeta;
}

export interface JobUsage {
  kind: UsageKind;
  feature?: UsageFeature;
  model?: string;
  tier?: string;
  variations?: number;
  videoSeconds?: number;
}

export interface ReserveRequest {
  jobId: string;
  guildId: string;
  memberId: string;
  /** The member's role ids, for role allowances. */
  roleIds: readonly string[];
  /** Whole credits, exactly what the member was shown. */
  amount: number;
  usage: JobUsage;
  /**
   * Records that must exist exactly when this hold does (the job's own), written in the reserve's
   * transaction when it newly succeeds; given the member's spendable balance after the hold.
   */
  alongside?: JoinedWrites<number>;
  /**
   * `committed` answers once the hold is committed, before it is on disk (Store.transact): only for
   * a hold whose spending starts after a later write that is on disk (a job's `submitting` state).
   */
  durability?: Durability;
}

export interface Reservation {
  jobId: string;
  guildId: string;
  memberId: string;
  amount: number;
  fromAllowance: number;
  fromGranted: number;
  at: number;
  /** Local day key (YYYY-MM-DD at the guild's UTC offset) the hold counts for. */
  day: string;
  usage: JobUsage;
}

export type LimitReason =
  'allowance' | 'budget' | 'concurrency' | 'model' | 'tier' | 'variations' | 'duration';

export interface InsufficientCredits {
  required: number;
  available: number;
  limitedBy: LimitReason;
  /** One sentence a member can read, rendered in their language (`quota.limits.*`). */
  detail: Message;
  /** Allowance or budget: when it refills, so the member knows when to come back. */
  resetsAt?: number;
}

export type ReserveOutcome =
  { ok: true; reservation: Reservation; balanceAfter: number } | { ok: false; error: InsufficientCredits };

export type SettleOutcome =
  | {
      status: 'captured';
      jobId: string;
      reservation: Reservation;
      /** What the member paid: min(API figure, reserved). */
      charged: number;
      /** The rest of the hold, given back. */
      released: number;
      /** What the API charged above the hold; the operator pays it. */
      absorbed: number;
      at: number;
    }
  | {
      status: 'released';
      jobId: string;
      reservation: Reservation;
      released: number;
      reason: string;
      at: number;
    }
  | { status: 'unknown'; jobId: string };

export interface GrantOutcome {
  opId: string;
  memberId: string;
  amount: number;
  grantedAfter: number;
}

export interface RevokeOutcome {
  opId: string;
  memberId: string;
  requested: number;
  /** What was actually taken: never more than the granted balance held. */
  revoked: number;
  grantedAfter: number;
  /** One sentence for the admin, e.g. "Only 3 of 10 credits could be revoked" (`quota.grants.*`). */
  detail: Message;
}

/** Charges counted for one local day (`YYYY-MM-DD`) or month (`YYYY-MM`). */
export interface PeriodCounter {
  key: string;
  spent: number;
}

export interface BudgetView {
  credits: number;
  period: 'day' | 'month';
  spent: number;
  reserved: number;
  left: number;
  resetsAt: number;
}

export interface Balance {
  /** allowanceLeft + granted: what the member can reserve now (before the guild budget). */
  spendable: number;
  allowance: number;
  allowanceLeft: number;
  /** Charged for holds reserved today (from allowance and granted credits). */
  spentToday: number;
  reservedNow: number;
  /** Granted credits not spent and not held by an open reservation. */
  granted: number;
  resetsAt: number;
  budget?: BudgetView;
}

export interface UsageReport {
  from: number;
  to: number;
  totals: { credits: number; jobs: number; refunds: number; refunded: number; absorbed: number };
  perMember: Record<string, number>;
  perModel: Record<string, number>;
  perTier: Record<string, number>;
  /** How many photo avatars and voice clones were paid for. */
  perFeature: Partial<Record<UsageFeature, number>>;
  /** Every local day in [from, to), oldest first, zero-filled, for a chart. */
  perDay: Array<{ day: string; credits: number }>;
}
