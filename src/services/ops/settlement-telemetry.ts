import type { SettleOutcome } from '../credits/index.js';

/** What ends a reservation: the ledger, as the job runner uses it. */
export interface Settlement {
  capture(jobId: string, actual: number): Promise<SettleOutcome>;
  release(jobId: string, reason: string): Promise<SettleOutcome>;
}

/**
 * The same settlement, telling `onSettled` every outcome (for the "charged"/"refunded" log lines,
 * the credits counters and the budget alert). A failing observer never fails the settlement: the
 * credits have moved either way.
 */
export function observedSettlement(
  settlement: Settlement,
  onSettled: (outcome: SettleOutcome) => void,
  onObserverError: (error: unknown) => void,
): Settlement {
  const observe = (outcome: SettleOutcome): SettleOutcome => {
    try {
      onSettled(outcome);
    } catch (error) {
      onObserverError(error);
    }
    return outcome;
  };
  return {
    capture: async (jobId, actual) => observe(await settlement.capture(jobId, actual)),
    release: async (jobId, reason) => observe(await settlement.release(jobId, reason)),
  };
}
