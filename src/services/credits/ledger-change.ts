import { storeKey, type Store, type TransactOptions, type TransactionReads } from '../store.js';
import {
  currentMember,
  emptyGuild,
  emptyMember,
  MEMBER_VISIBLE,
  RECENT_KEPT,
  type GuildLedger,
  type MemberLedger,
} from './ledger-records.js';
import type { LedgerEntry } from './ledger-types.js';

export type NewEntry = Omit<LedgerEntry, 'id' | 'guildId'>;

/** The `actor` of an entry an admin made (`admin:<userId>`). */
export function adminActor(adminId: string): string {
  return `admin:${adminId}`;
}

/**
 * One ledger operation's working copy of its keys, inside one store transaction: the guild's head,
 * the members it touches and any other keys it reads. `append` numbers log entries from the head's
 * sequence, which every operation writes, so entries of one guild are numbered in commit order.
 * Nothing is written unless the operation says it changed something.
 */
export class LedgerChange {
  readonly guild: GuildLedger;
  readonly #members = new Map<string, MemberLedger>();
  readonly #writes: Record<string, unknown> = {};

  constructor(
    private readonly read: TransactionReads,
    readonly guildId: string,
  ) {
    // Every read decodes anew, so the working copies are the operation's own to change.
    this.guild = read<GuildLedger>(storeKey.ledgerGuild(guildId)) ?? emptyGuild(guildId);
  }

  /** The keys a transaction must list for this guild and these members. */
  static keys(guildId: string, memberIds: readonly string[]): string[] {
    return [storeKey.ledgerGuild(guildId), ...memberIds.map((id) => storeKey.ledgerMember(guildId, id))];
  }

  /** A member's record (listed in `keys`); a member never seen starts empty on `today`. */
  member(memberId: string, today: string): MemberLedger {
    let record = this.#members.get(memberId);
    if (!record) {
      const stored = this.read<MemberLedger>(storeKey.ledgerMember(this.guildId, memberId));
      record = stored ? currentMember(stored) : emptyMember(today);
      this.#members.set(memberId, record);
    }
    return record;
  }

  /** Replaces a member's working record (e.g. after rolling its day over). */
  setMember(memberId: string, record: MemberLedger): void {
    this.#members.set(memberId, record);
  }

  put(key: string, value: unknown): void {
    this.#writes[key] = value;
  }

  append(entry: NewEntry): LedgerEntry {
    const seq = this.guild.nextSeq;
    const full: LedgerEntry = { id: `${this.guildId}.${seq}`, guildId: this.guildId, ...entry };
    this.guild.nextSeq = seq + 1;
    this.#writes[storeKey.ledgerEntry(this.guildId, seq)] = full;
    const member = this.#members.get(entry.memberId);
    if (member && MEMBER_VISIBLE.has(entry.kind))
      member.recentSeqs = [seq, ...member.recentSeqs].slice(0, RECENT_KEPT);
    return full;
  }

  /** Everything to write: the head, every member touched, the entries and the other keys. */
  writes(): Record<string, unknown> {
    const writes: Record<string, unknown> = {
      ...this.#writes,
      [storeKey.ledgerGuild(this.guildId)]: this.guild,
    };
    for (const [memberId, record] of this.#members)
      writes[storeKey.ledgerMember(this.guildId, memberId)] = record;
    return writes;
  }
}

export interface LedgerOutcome<R> {
  /** `false` for an idempotent repeat or a no-op: nothing is written. */
  changed: boolean;
  result: R;
}

/**
 * Runs one ledger operation as one store transaction over the guild's head, the given members and
 * `otherKeys`. `fn` may run more than once (a retry after a conflict with another process), so it
 * only computes; everything it decides lands together or not at all.
 */
export function changeLedger<R>(
  store: Store,
  guildId: string,
  memberIds: readonly string[],
  otherKeys: readonly string[],
  fn: (change: LedgerChange, read: TransactionReads) => LedgerOutcome<R>,
  options?: TransactOptions,
): Promise<R> {
  const keys = [...LedgerChange.keys(guildId, memberIds), ...otherKeys];
  return store.transact(
    keys,
    (read) => {
      const change = new LedgerChange(read, guildId);
      const { changed, result } = fn(change, read);
      return changed ? { set: change.writes(), result } : { result };
    },
    options,
  );
}
