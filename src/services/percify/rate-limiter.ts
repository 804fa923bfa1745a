import { ClientClosedError } from './errors.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface SlidingWindowLimiterOptions {
  /** Requests allowed to start in any window. */
  limit: number;
  windowMs?: number;
  now?: () => number;
  sleep: Sleep;
}

/**
 * Keeps us under the account's requests-per-minute limit by making callers WAIT for a free slot
 * instead of earning a 429 (a 429 on a generation POST costs a whole retry cycle). A sliding-window
 * log: a slot frees exactly `windowMs` after the request that took it started. Waiters are served
 * first come, first served.
 */
export class SlidingWindowLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly starts: number[] = [];
  private readonly waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly closing = new AbortController();
  private pumping = false;
  private pausedUntil = 0;

  constructor(options: SlidingWindowLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError('The rate limit must be a whole number above 0');
    }
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep;
  }

  /** Callers currently waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves when the caller may send one request. */
  acquire(): Promise<void> {
    if (this.closing.signal.aborted) return Promise.reject(new ClientClosedError());
    if (this.waiters.length === 0 && this.tryTake()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      void this.pump();
    });
  }

  /**
   * Holds every request until `until` (epoch ms), e.g. when the server says the window is used up
   * (`X-RateLimit-Remaining: 0`) because another process shares the key.
   */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Rejects every waiter and stops sleeping, so shutdown is not held up by a full window. */
  close(): void {
    this.closing.abort();
    for (const waiter of this.waiters.splice(0)) waiter.reject(new ClientClosedError());
  }

  private tryTake(): boolean {
    const now = this.now();
    if (now < this.pausedUntil) return false;
    while (this.starts.length > 0 && (this.starts[0] ?? 0) + this.windowMs <= now) this.starts.shift();
    if (this.starts.length >= this.limit) return false;
    this.starts.push(now);
    return true;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length > 0 && !this.closing.signal.aborted) {
        if (this.tryTake()) {
          this.waiters.shift()?.resolve();
          continue;
        }
        const now = this.now();
        const slotFree = this.starts.length >= this.limit ? (this.starts[0] ?? now) + this.windowMs : now;
        const waitMs = Math.max(1, Math.max(slotFree, this.pausedUntil) - now);
        try {
          await this.sleep(waitMs, this.closing.signal);
        } catch {
          // Aborted by close(): the waiters were already rejected.
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}
