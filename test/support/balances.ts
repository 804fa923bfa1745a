import type { Balance } from '../../src/services/credits/index.js';

/** A member's balance with every figure as long as it gets: the worst case for a reply's limits. */
export const FULLEST_BALANCE: Balance = {
  spendable: 1_000_000,
  allowance: 1_000_000,
  allowanceLeft: 999_999,
  spentToday: 1,
  reservedNow: 1,
  granted: 1_000_000,
  resetsAt: 1_700_000_000_000,
  budget: {
    credits: 1_000_000,
    period: 'month',
    spent: 1,
    reserved: 2,
    left: 999_997,
    resetsAt: 1_700_000_000_000,
  },
};
