import type { RouteResult } from './routes/route-types.js';

/**
 * `Idempotency-Key` replay (the docs recommend sending one; what a replay returns is left open). Here a
 * repeated key from the same key holder on the same method and path answers the first successful
 * response again, without a new generation, also while the first call is still in flight. Errors are
 * not remembered, so a retry after a 402 or 5xx can still succeed.
 */
export class IdempotencyCache {
  private readonly answers = new Map<string, RouteResult>();
  private readonly pending = new Map<string, Promise<RouteResult>>();

  async run(
    scope: readonly string[],
    work: () => Promise<RouteResult>,
  ): Promise<{ result: RouteResult; replayed: boolean }> {
    const key = scope.join('\u0000');
    const stored = this.answers.get(key);
    if (stored) return { result: structuredClone(stored), replayed: true };
    const inFlight = this.pending.get(key);
    if (inFlight) {
      const first = await inFlight.catch(() => undefined);
      if (first && isSuccess(first)) return { result: structuredClone(first), replayed: true };
      return this.run(scope, work);
    }
    const promise = work().then((result) => {
      // A snapshot, so later status changes of the resource do not leak into the replay.
      if (isSuccess(result))
        this.answers.set(key, { status: result.status, body: structuredClone(result.body) });
      return result;
    });
    this.pending.set(key, promise);
    try {
      return { result: await promise, replayed: false };
    } finally {
      this.pending.delete(key);
    }
  }
}

function isSuccess(result: RouteResult): boolean {
  return result.status >= 200 && result.status < 300;
}
