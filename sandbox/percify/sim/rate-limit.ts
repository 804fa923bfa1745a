/**
 * A sliding 60 s window per API key, as Percify's "N requests per minute". The window shrinks with
 * the simulator's speed (60 s / speed) so fast test runs that poll every few ms are not throttled.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly windowMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
    speed = 1,
  ) {
    this.windowMs = 60_000 / speed;
  }

  take(key: string): {
    allowed: boolean;
    remaining: number;
    resetEpochSeconds: number;
    retryAfterSeconds: number;
  } {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    const oldest = recent[0] ?? now;
    const resetMs = oldest + this.windowMs;
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return {
        allowed: false,
        remaining: 0,
        resetEpochSeconds: Math.ceil(resetMs / 1000),
        retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
      };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return {
      allowed: true,
      remaining: this.perMinute - recent.length,
      resetEpochSeconds: Math.ceil(resetMs / 1000),
      retryAfterSeconds: 0,
    };
  }
}
