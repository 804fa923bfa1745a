/**
 * Guild-local calendar periods. A guild's day runs from 00:00 to 24:00 at its UTC offset (0 = UTC);
 * months follow the same local calendar. Keys are ISO strings so they sort in time order.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function local(now: number, utcOffsetMinutes: number): Date {
  return new Date(now + utcOffsetMinutes * MINUTE_MS);
}

/** `YYYY-MM-DD` of the guild-local day containing `now`. */
export function dayKey(now: number, utcOffsetMinutes: number): string {
  return local(now, utcOffsetMinutes).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the guild-local month containing `now`. */
export function monthKey(now: number, utcOffsetMinutes: number): string {
  return local(now, utcOffsetMinutes).toISOString().slice(0, 7);
}

/** The month a day key belongs to. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** Epoch ms of the next local midnight. */
export function nextDayStart(now: number, utcOffsetMinutes: number): number {
  const shifted = now + utcOffsetMinutes * MINUTE_MS;
  return Math.floor(shifted / DAY_MS) * DAY_MS + DAY_MS - utcOffsetMinutes * MINUTE_MS;
}

/** Epoch ms of the first local midnight of the next month. */
export function nextMonthStart(now: number, utcOffsetMinutes: number): number {
  const date = local(now, utcOffsetMinutes);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - utcOffsetMinutes * MINUTE_MS;
}

/** Every local day key from `from` (inclusive) to `to` (exclusive), capped so a typo cannot hang. */
export function daysBetween(from: number, to: number, utcOffsetMinutes: number, maxDays = 400): string[] {
  const days: string[] = [];
  for (let at = from; at < to && days.length < maxDays; at = nextDayStart(at, utcOffsetMinutes)) {
    days.push(dayKey(at, utcOffsetMinutes));
  }
  return days;
}
