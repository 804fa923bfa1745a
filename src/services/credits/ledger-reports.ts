import type { Store } from '../store.js';
import { dayKey, daysBetween } from './ledger-clock.js';
import { entriesNewestFirst, type LedgerDocument } from './ledger-document.js';
import type { EntryKind, LedgerEntry, UsageReport } from './ledger-types.js';

/** Read-only views over a guild's ledger log. */

const MEMBER_VISIBLE: ReadonlySet<EntryKind> = new Set(['capture', 'release', 'grant', 'revoke']);

export async function recentMemberEntries(
  store: Store,
  doc: LedgerDocument,
  memberId: string,
  limit: number,
): Promise<LedgerEntry[]> {
  const found: LedgerEntry[] = [];
  if (limit <= 0) return found;
  for await (const entry of entriesNewestFirst(store, doc)) {
    if (entry.memberId === memberId && MEMBER_VISIBLE.has(entry.kind)) {
      found.push(entry);
      if (found.length >= limit) break;
    }
  }
  return found;
}

export async function entriesOf(store: Store, doc: LedgerDocument): Promise<LedgerEntry[]> {
  const all: LedgerEntry[] = [];
  for await (const entry of entriesNewestFirst(store, doc)) all.push(entry);
  return all.reverse();
}

/**
 * Totals of captures (what members paid), refunds and operator top-ups in [from, to), by entry time.
 * The log is in time order, so reading stops at the first entry older than `from`.
 */
export async function usageReport(
  store: Store,
  doc: LedgerDocument,
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
    perDay: [],
  };
  const perDay = new Map(daysBetween(from, to, utcOffsetMinutes).map((day) => [day, 0]));
  for await (const entry of entriesNewestFirst(store, doc)) {
    if (entry.at < from) break;
    if (entry.at >= to) continue;
    if (entry.kind === 'capture') {
      report.totals.credits += entry.amount;
      report.totals.jobs += 1;
      add(report.perMember, entry.memberId, entry.amount);
      if (entry.meta?.model !== undefined) add(report.perModel, entry.meta.model, entry.amount);
      if (entry.meta?.tier !== undefined) add(report.perTier, entry.meta.tier, entry.amount);
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
