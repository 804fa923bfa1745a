/** Live failure switches; tests (and the sandbox page) flip these while the simulator runs. */
export interface FaultSwitches {
  latencyMs: number;
  serverErrorRate: number;
  serverErrorBurst: number;
  rateLimitBurst: number;
  retryAfterSeconds: number;
  hangBurst: number;
  generationFailureRate: number;
  failNextGenerations: number;
  dropWebhooks: boolean;
  duplicateWebhooks: boolean;
  reorderWebhooks: boolean;
  webhookDelayMs: number;
  badSignature: boolean;
  unreachable: boolean;
  /** `/user/credits/history` answers 404, as if only the OpenAPI's `/credits/history` existed. */
  legacyCreditHistoryOnly: boolean;
  /** Credits debited on top of every completed job's price, unseen by the job's own `creditCost`. */
  extraDebitCredits: number;
  /** Generations accepted from now on stay 'processing' for ever (a stuck render). */
  neverFinish: boolean;
  /** Real milliseconds added to every generation accepted from now on ("completes after N s"). */
  extraProcessingMs: number;
  /** Media answers 403 to HEAD, as CDN URLs signed for GET only do. */
  refuseMediaHead: boolean;
}

export function defaultFaults(): FaultSwitches {
  return {
    latencyMs: 0,
    serverErrorRate: 0,
    serverErrorBurst: 0,
    rateLimitBurst: 0,
    retryAfterSeconds: 1,
    hangBurst: 0,
    generationFailureRate: 0,
    failNextGenerations: 0,
    dropWebhooks: false,
    duplicateWebhooks: false,
    reorderWebhooks: false,
    webhookDelayMs: 0,
    badSignature: false,
    unreachable: false,
    legacyCreditHistoryOnly: false,
    extraDebitCredits: 0,
    neverFinish: false,
    extraProcessingMs: 0,
    refuseMediaHead: false,
  };
}

/** Decides whether the generation about to start should fail; consumes one `failNextGenerations`. */
export function shouldFailGeneration(faults: FaultSwitches): boolean {
  if (faults.failNextGenerations > 0) {
    faults.failNextGenerations -= 1;
    return true;
  }
  return faults.generationFailureRate > 0 && Math.random() < faults.generationFailureRate;
}
