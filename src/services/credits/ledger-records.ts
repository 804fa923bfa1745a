import type {
  EntryKind,
  LedgerEntry,
  PeriodCounter,
  Reservation,
  ReserveOutcome,
  SettleOutcome,
} from './ledger-types.js';

/**
 * The ledger's stored records (the v2 layout). A guild's money is spread over small keys, so that
 * an operation reads and writes a constant number of them whatever the guild's size:
 *
 *   ledgerGuild(g)        GuildLedger   budget counters, open holds (summaries), next log seq
 *   ledgerMember(g, m)    MemberLedger  day counters, granted balance, open holds, newest entries' seqs
 *   ledgerJob(j)          JobLedger     which guild and member hold the job; first outcomes
 *   ledgerAdminOp(g,k,op) outcome       first outcome of a grant or revoke
 *   ledgerEntry(g, seq)   LedgerEntry   the log, one key per entry, never rewritten
 */

/** How many of a member's newest charges, refunds, grants and revokes their record keeps (/credits). */
export const RECENT_KEPT = 20;

/** The entry kinds a member sees in /credits (their charges, refunds, grants and revokes). */
export const MEMBER_VISIBLE: ReadonlySet<EntryKind> = new Set(['capture', 'release', 'grant', 'revoke']);

export interface MemberLedger {
  version: 2;
  /** Local day the two counters belong to; a different day means both are 0 today. */
  day: string;
  /** Allowance consumed by captures of holds reserved on `day`. */
  allowanceUsed: number;
  /** Everything charged for holds reserved on `day` (allowance and granted parts). */
  spent: number;
  /** Granted balance not spent and not held. */
  granted: number;
  /** This member's open reservations by job id. */
  holds: Record<string, Reservation>;
  /**
   * Where the member's newest entries are in the guild's log (their `seq`), newest first, at most
   * RECENT_KEPT, member-visible kinds only. Numbers, not the entries: the record is read and written
   * by every hold before a command is answered, and twenty entries made it ~6 KB (issue 19).
   */
  recentSeqs: number[];
  /** The entries themselves, as records written before issue 19 kept them: read, never written. */
  recent?: LedgerEntry[];
}

/** What the guild needs of an open hold: its budget share and where the full hold lives. */
export interface GuildHold {
  memberId: string;
  amount: number;
  day: string;
  at: number;
}

export interface GuildLedger {
  version: 2;
  guildId: string;
  /** Guild-wide charges for holds reserved in the current local day and month. */
  day: PeriodCounter;
  month: PeriodCounter;
  holds: Record<string, GuildHold>;
  /** Entries are numbered 0, 1, 2… with no gap; ids are `<guildId>.<seq>`. */
  nextSeq: number;
}

export interface JobLedger {
  guildId: string;
  /** Unknown only for a reservation that was refused. */
  memberId?: string;
  /** The first answer to reserve, returned to every repeat. */
  reserve?: ReserveOutcome;
  /** The first capture or release, returned to every repeat. */
  settle?: SettleOutcome;
}

export function emptyMember(today: string): MemberLedger {
  return { version: 2, day: today, allowanceUsed: 0, spent: 0, granted: 0, holds: {}, recentSeqs: [] };
}

/** An entry's place in its guild's log, from its id (`<guildId>.<seq>`). */
export function seqOfEntry(entry: Pick<LedgerEntry, 'id'>): number {
  return Number(entry.id.slice(entry.id.lastIndexOf('.') + 1));
}

/** A stored member record in today's layout: entries kept in full become their log positions. */
export function currentMember(stored: MemberLedger): MemberLedger {
  if (!stored.recent) return stored;
  const { recent, ...record } = stored;
  return { ...record, recentSeqs: recent.map(seqOfEntry) };
}

export function emptyGuild(guildId: string): GuildLedger {
  return {
    version: 2,
    guildId,
    day: { key: '', spent: 0 },
    month: { key: '', spent: 0 },
    holds: {},
    nextSeq: 0,
  };
}

/** The member's record as of `today`: day counters of an older day count as zero. */
export function memberToday(record: MemberLedger, today: string): MemberLedger {
  if (record.day === today) return record;
  return { ...record, day: today, allowanceUsed: 0, spent: 0 };
}
