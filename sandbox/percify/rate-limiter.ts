/** Sliding 60-second window per API key, on the simulator's clock so tests can move time. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    private readonly now: () => number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records a hit when there is room; tells how many remain and when the oldest hit leaves the window. */
  take(key: string): { allowed: boolean; remaining: number; resetAt: number; retryAfterSeconds: number } {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.hits.set(key, recent);
    const oldest = recent[0] ?? now;
    const resetAt = oldest + this.windowMs;
    return {
      allowed,
      remaining: Math.max(0, this.limit - recent.length),
      resetAt,
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    };
  }
}
