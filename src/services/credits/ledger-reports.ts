import { storeKey, type Store } from '../store.js';
import { dayKey, daysBetween } from './ledger-clock.js';
import type { GuildLedger, MemberLedger } from './ledger-records.js';
import type { LedgerEntry, Reservation, UsageReport } from './ledger-types.js';

/** Read-only views over a guild's ledger log (one key per entry, numbered 0 … nextSeq − 1). */

const BATCH = 200;

/**
 * Entries newest first, a batch of keys at a time, until the caller stops. Reading needs no lock:
 * an entry is written in the same transaction that moves the head's sequence past it.
 */
export async function* entriesNewestFirst(store: Store, guild: GuildLedger): AsyncGenerator<LedgerEntry> {
  for (let end = guild.nextSeq; end > 0; end -= BATCH) {
    const start = Math.max(0, end - BATCH);
    const keys = Array.from({ length: end - start }, (_, index) =>
      storeKey.ledgerEntry(guild.guildId, start + index),
    );
    const entries = await store.getMany<LedgerEntry>(keys);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const entry = entries[index];
      // By the write order every numbered entry exists; a missing one means the database lost data.
      if (!entry) throw new Error(`ledger entry ${keys[index]} is missing`);
      yield entry;
    }
  }
}

export async function entriesOf(store: Store, guild: GuildLedger): Promise<LedgerEntry[]> {
  const all: LedgerEntry[] = [];
  for await (const entry of entriesNewestFirst(store, guild)) all.push(entry);
  return all.reverse();
}

/**
 * Totals of captures (what members paid), refunds and operator top-ups in [from, to), by entry time.
 * The log is in time order, so reading stops at the first entry older than `from`.
 */
export async function usageReport(
  store: Store,
  guild: GuildLedger,
  range: { from: number; to: number },
  utcOffsetMinutes: number,
): Promise<UsageReport> {
  const { from, to } = range;
  const report: UsageReport = {
    from,
    to,
    totals: { credits: 0, jobs: 0, refunds: 0, refunded: 0, absorbed: 0 },
    perMember: {},
    perModel: {},
    perTier: {},
    perFeature: {},
    perDay: [],
  };
  const perDay = new Map(daysBetween(from, to, utcOffsetMinutes).map((day) => [day, 0]));
  for await (const entry of entriesNewestFirst(store, guild)) {
    if (entry.at < from) break;
    if (entry.at >= to) continue;
    if (entry.kind === 'capture') {
      report.totals.credits += entry.amount;
      report.totals.jobs += 1;
      add(report.perMember, entry.memberId, entry.amount);
      if (entry.meta?.model !== undefined) add(report.perModel, entry.meta.model, entry.amount);
      if (entry.meta?.tier !== undefined) add(report.perTier, entry.meta.tier, entry.amount);
      if (entry.meta?.feature !== undefined) add(report.perFeature, entry.meta.feature, 1);
      const day = dayKey(entry.at, utcOffsetMinutes);
      perDay.set(day, (perDay.get(day) ?? 0) + entry.amount);
    } else if (entry.kind === 'release') {
      report.totals.refunds += 1;
      report.totals.refunded += entry.amount;
    } else if (entry.kind === 'topup') {
      report.totals.absorbed += entry.amount;
    }
  }
  report.perDay = [...perDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, credits]) => ({ day, credits }));
  return report;
}

function add(totals: Record<string, number>, key: string, amount: number): void {
  totals[key] = (totals[key] ?? 0) + amount;
}

/** Every open hold of every guild, oldest first: after a restart each must end in capture or release. */
export async function openReservations(store: Store): Promise<Reservation[]> {
  const open: Reservation[] = [];
  for (const key of await store.keys(storeKey.ledgerGuildPrefix)) {
    const guild = await store.get<GuildLedger>(key);
    if (!guild) continue;
    const memberIds = [...new Set(Object.values(guild.holds).map((hold) => hold.memberId))];
    const members = await store.getMany<MemberLedger>(
      memberIds.map((id) => storeKey.ledgerMember(guild.guildId, id)),
    );
    for (const member of members) if (member) open.push(...Object.values(member.holds));
  }
  return open.sort((a, b) => a.at - b.at);
}
