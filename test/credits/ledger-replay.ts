import type { LedgerEntry } from '../../src/services/credits/ledger-types.js';

/**
 * An independent re-computation of the ledger from its own log, entry by entry, asserting the money
 * invariants at every step (not only at the end). Used by the property test.
 */

export interface ReplayRules {
  allowanceOf: (memberId: string) => number;
  budgetPerDay: number;
  concurrentJobs: number;
}

export interface ReplayedHold {
  memberId: string;
  amount: number;
  fromAllowance: number;
  fromGranted: number;
  day: string;
}

export interface ReplayState {
  granted: Map<string, number>;
  holds: Map<string, ReplayedHold>;
  reserved: Set<string>;
  settled: Map<string, 'capture' | 'release'>;
  /** Charged per member per day of the hold. */
  spent: Map<string, number>;
}

export function replay(entries: readonly LedgerEntry[], rules: ReplayRules): ReplayState {
  const state: ReplayState = {
    granted: new Map(),
    holds: new Map(),
    reserved: new Set(),
    settled: new Map(),
    spent: new Map(),
  };
  const allowanceUsed = new Map<string, number>();
  const capturedByDay = new Map<string, number>();
  const adminOps = new Set<string>();
  const granted = (memberId: string) => state.granted.get(memberId) ?? 0;
  const fail = (entry: LedgerEntry, why: string): never => {
    throw new Error(`ledger invariant broken at ${entry.id} (${entry.kind} ${entry.jobId ?? ''}): ${why}`);
  };
  let previous: LedgerEntry | undefined;
  for (const entry of entries) {
    if (entry.amount < 0 || !Number.isInteger(entry.amount)) fail(entry, 'amount is not a whole number >= 0');
    const meta = entry.meta ?? {};
    switch (entry.kind) {
      case 'reserve': {
        const jobId = entry.jobId ?? fail(entry, 'no job id');
        if (state.reserved.has(jobId)) fail(entry, 'second reserve of one job');
        state.reserved.add(jobId);
        const hold: ReplayedHold = {
          memberId: entry.memberId,
          amount: entry.amount,
          fromAllowance: meta.fromAllowance ?? -1,
          fromGranted: meta.fromGranted ?? -1,
          day: meta.day ?? fail(entry, 'no day'),
        };
        if (
          hold.fromAllowance < 0 ||
          hold.fromGranted < 0 ||
          hold.fromAllowance + hold.fromGranted !== hold.amount
        ) {
          fail(entry, 'allowance and granted parts do not add up');
        }
        state.holds.set(jobId, hold);
        state.granted.set(entry.memberId, granted(entry.memberId) - hold.fromGranted);
        if (granted(entry.memberId) < 0) fail(entry, 'granted balance below zero');
        const open = [...state.holds.values()];
        const mine = open.filter((other) => other.memberId === entry.memberId);
        if (mine.length > rules.concurrentJobs) fail(entry, 'more open jobs than allowed');
        const dayKey = `${entry.memberId}|${hold.day}`;
        const allowanceTaken =
          (allowanceUsed.get(dayKey) ?? 0) +
          mine
            .filter((other) => other.day === hold.day)
            .reduce((total, other) => total + other.fromAllowance, 0);
        if (allowanceTaken > rules.allowanceOf(entry.memberId))
          fail(entry, `allowance overdrawn (${allowanceTaken})`);
        const dayTotal =
          (capturedByDay.get(hold.day) ?? 0) +
          open.filter((other) => other.day === hold.day).reduce((total, other) => total + other.amount, 0);
        if (dayTotal > rules.budgetPerDay) fail(entry, `guild budget exceeded (${dayTotal})`);
        break;
      }
      case 'capture':
      case 'release': {
        const jobId = entry.jobId ?? fail(entry, 'no job id');
        if (state.settled.has(jobId)) fail(entry, `already settled by ${state.settled.get(jobId)}`);
        const hold = state.holds.get(jobId) ?? fail(entry, 'no open hold');
        state.holds.delete(jobId);
        state.settled.set(jobId, entry.kind);
        if (entry.kind === 'release') {
          if (entry.amount !== hold.amount) fail(entry, 'release is not the whole hold');
          state.granted.set(hold.memberId, granted(hold.memberId) + hold.fromGranted);
          break;
        }
        const fromAllowance = meta.fromAllowance ?? -1;
        const fromGranted = meta.fromGranted ?? -1;
        if (entry.amount > hold.amount) fail(entry, 'charged more than reserved');
        if (entry.amount + (meta.released ?? -1) !== hold.amount) fail(entry, 'charge + released != hold');
        if (fromAllowance < 0 || fromGranted < 0 || fromAllowance + fromGranted !== entry.amount)
          fail(entry, 'split');
        if (fromAllowance > hold.fromAllowance || fromGranted > hold.fromGranted)
          fail(entry, 'split exceeds hold');
        if (meta.grantReturned !== hold.fromGranted - fromGranted)
          fail(entry, 'granted credits not returned');
        state.granted.set(hold.memberId, granted(hold.memberId) + hold.fromGranted - fromGranted);
        const dayKey = `${hold.memberId}|${hold.day}`;
        allowanceUsed.set(dayKey, (allowanceUsed.get(dayKey) ?? 0) + fromAllowance);
        state.spent.set(dayKey, (state.spent.get(dayKey) ?? 0) + entry.amount);
        capturedByDay.set(hold.day, (capturedByDay.get(hold.day) ?? 0) + entry.amount);
        break;
      }
      case 'topup':
        if (previous?.kind !== 'capture' || previous.jobId !== entry.jobId)
          fail(entry, 'topup without its capture');
        break;
      case 'grant':
      case 'revoke': {
        const opKey = `${entry.kind}:${meta.opId ?? fail(entry, 'no op id')}`;
        if (adminOps.has(opKey)) fail(entry, 'operation applied twice');
        adminOps.add(opKey);
        const change = entry.kind === 'grant' ? entry.amount : -entry.amount;
        state.granted.set(entry.memberId, granted(entry.memberId) + change);
        if (granted(entry.memberId) < 0) fail(entry, 'revoke took the granted balance below zero');
        break;
      }
      case 'settings':
        break;
    }
    previous = entry;
  }
  return state;
}
