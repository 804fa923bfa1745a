import type { LedgerDocument } from './ledger-document.js';
import type { Reservation, SettleOutcome } from './ledger-types.js';

/** How settling a hold moves the member's and the guild's counters (see the rule in ledger-balance.ts). */

/** A hold whose reserve outcome was forgotten but whose settlement is still remembered. */
export function settledReservation(doc: LedgerDocument, jobId: string): Reservation | undefined {
  const settled = doc.ops[`settle:${jobId}`] as SettleOutcome | undefined;
  return settled && settled.status !== 'unknown' ? settled.reservation : undefined;
}

/** Counts a settled hold for the member's day it was reserved on and returns unused granted credits. */
export function chargeMember(
  doc: LedgerDocument,
  hold: Reservation,
  fromAllowance: number,
  charged: number,
  grantReturned: number,
): void {
  const record = {
    ...(doc.members[hold.memberId] ?? { day: hold.day, allowanceUsed: 0, spent: 0, granted: 0 }),
  };
  record.granted += grantReturned;
  if (record.day < hold.day) Object.assign(record, { day: hold.day, allowanceUsed: 0, spent: 0 });
  if (record.day === hold.day) {
    record.allowanceUsed += fromAllowance;
    record.spent += charged;
  }
  doc.members[hold.memberId] = record;
}

/** Counts a charge against the guild's day and month of the hold (older periods are closed). */
export function chargeGuild(doc: LedgerDocument, hold: Reservation, charged: number): void {
  const month = hold.day.slice(0, 7);
  if (doc.guildDay.key < hold.day) doc.guildDay = { key: hold.day, spent: 0 };
  if (doc.guildDay.key === hold.day) doc.guildDay.spent += charged;
  if (doc.guildMonth.key < month) doc.guildMonth = { key: month, spent: 0 };
  if (doc.guildMonth.key === month) doc.guildMonth.spent += charged;
}
