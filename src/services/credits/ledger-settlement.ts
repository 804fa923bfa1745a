import type { GuildLedger, MemberLedger } from './ledger-records.js';
import type { Reservation } from './ledger-types.js';

/** How settling a hold moves the member's and the guild's counters (see the rule in ledger-balance.ts). */

/** Counts a settled hold for the member's day it was reserved on and returns unused granted credits. */
export function chargeMember(
  record: MemberLedger,
  hold: Reservation,
  fromAllowance: number,
  charged: number,
  grantReturned: number,
): void {
  record.granted += grantReturned;
  if (record.day < hold.day) Object.assign(record, { day: hold.day, allowanceUsed: 0, spent: 0 });
  if (record.day === hold.day) {
    record.allowanceUsed += fromAllowance;
    record.spent += charged;
  }
}

/** Counts a charge against the guild's day and month of the hold (older periods are closed). */
export function chargeGuild(guild: GuildLedger, hold: Reservation, charged: number): void {
  const month = hold.day.slice(0, 7);
  if (guild.day.key < hold.day) guild.day = { key: hold.day, spent: 0 };
  if (guild.day.key === hold.day) guild.day.spent += charged;
  if (guild.month.key < month) guild.month = { key: month, spent: 0 };
  if (guild.month.key === month) guild.month.spent += charged;
}
