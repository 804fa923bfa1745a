import { allowanceFor, type GuildSettings } from './guild-settings.js';
import { dayKey, monthKey, monthOfDay, nextDayStart, nextMonthStart } from './ledger-clock.js';
import { memberToday, type GuildLedger, type MemberLedger } from './ledger-records.js';
import type { Balance, BudgetView, Reservation } from './ledger-types.js';

/**
 * Pure balance arithmetic over a member's and a guild's ledger records; no I/O, so reads and reserve use the very same
 * numbers.
 *
 * THE SPENDING RULE: a hold (and the charge that settles it) takes from today's allowance first and
 * only the rest from the granted balance. The granted part leaves the granted balance when the hold
 * is made and the unused part comes back when it settles; the allowance part only counts against
 * the day it was reserved on. So
 *
 *   spendable     = allowanceLeft + granted
 *   allowanceLeft = max(0, allowance − allowance used today − allowance held by today's holds)
 *
 * which is DESIGN.md's "allowance − spent today − reserved + granted", with the granted balance
 * already net of what was drawn from it. Every charge counts for the local day (and month) its hold
 * was reserved in, for the member and for the guild budget alike, so a hold reserved at 23:59 and
 * captured at 00:01 cannot push the new day over its budget.
 */

export interface MemberView {
  balance: Omit<Balance, 'budget'>;
  openHolds: Reservation[];
}

export function memberView(
  stored: MemberLedger,
  settings: GuildSettings,
  roleIds: readonly string[],
  now: number,
): MemberView {
  const today = dayKey(now, settings.utcOffsetMinutes);
  const record = memberToday(stored, today);
  const openHolds = Object.values(record.holds);
  const reservedNow = sum(openHolds.map((hold) => hold.amount));
  const allowanceHeld = sum(openHolds.filter((hold) => hold.day === today).map((hold) => hold.fromAllowance));
  const allowance = allowanceFor(settings, roleIds);
  const allowanceLeft = Math.max(0, allowance - record.allowanceUsed - allowanceHeld);
  return {
    balance: {
      spendable: allowanceLeft + record.granted,
      allowance,
      allowanceLeft,
      spentToday: record.spent,
      reservedNow,
      granted: record.granted,
      resetsAt: nextDayStart(now, settings.utcOffsetMinutes),
    },
    openHolds,
  };
}

/** The guild budget in its current period, or undefined when the guild has none. */
export function budgetView(guild: GuildLedger, settings: GuildSettings, now: number): BudgetView | undefined {
  const budget = settings.budget;
  if (!budget) return undefined;
  const offset = settings.utcOffsetMinutes;
  const holds = Object.values(guild.holds);
  let spent: number;
  let reserved: number;
  let resetsAt: number;
  if (budget.period === 'day') {
    const today = dayKey(now, offset);
    spent = guild.day.key === today ? guild.day.spent : 0;
    reserved = sum(holds.filter((hold) => hold.day === today).map((hold) => hold.amount));
    resetsAt = nextDayStart(now, offset);
  } else {
    const month = monthKey(now, offset);
    spent = guild.month.key === month ? guild.month.spent : 0;
    reserved = sum(holds.filter((hold) => monthOfDay(hold.day) === month).map((hold) => hold.amount));
    resetsAt = nextMonthStart(now, offset);
  }
  return {
    credits: budget.credits,
    period: budget.period,
    spent,
    reserved,
    left: Math.max(0, budget.credits - spent - reserved),
    resetsAt,
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
