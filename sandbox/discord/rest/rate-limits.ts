import { createHash } from 'node:crypto';
import type { EmulatorFaults } from '../types.js';

/**
 * Rate-limit headers on every answer, and the 429s the fault switch injects. discord.js plans its requests
 * from these headers, and retries a 429 after Retry-After: a 429 without it is retried in a tight loop.
 */

const LIMIT = 50;
const WINDOW_MS = 1000;

interface Bucket {
  windowStart: number;
  used: number;
}

export interface InjectedRateLimit {
  headers: Record<string, string>;
  body: { message: string; retry_after: number; global: boolean; code?: number };
}

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * Headers for one more request on `bucketKey` (route pattern plus its major parameter). The bucket
   * hash names only `routeName` (method and pattern), as Discord's does: clients key their queues by
   * hash plus major parameter, so a hash that changed with the parameter would split one message's
   * edits across queues and let them run out of order.
   */
  headersFor(bucketKey: string, routeName: string): Record<string, string> {
    const now = Date.now();
    let bucket = this.buckets.get(bucketKey);
    if (!bucket || now - bucket.windowStart >= WINDOW_MS) {
      bucket = { windowStart: now, used: 0 };
      this.buckets.set(bucketKey, bucket);
    }
    bucket.used += 1;
    const resetAfter = Math.max(0, bucket.windowStart + WINDOW_MS - now) / 1000;
    return {
      'x-ratelimit-limit': String(LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, LIMIT - bucket.used)),
      'x-ratelimit-reset': ((now + resetAfter * 1000) / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': createHash('sha1').update(routeName).digest('hex').slice(0, 16),
    };
  }

  /** Consumes one injected 429 when the fault switch is on and the route matches. */
  takeInjected(faults: EmulatorFaults, routeLabel: string): InjectedRateLimit | undefined {
    const fault = faults.rateLimit;
    if (fault.remaining429 <= 0) return undefined;
    if (fault.route && !routeLabel.includes(fault.route)) return undefined;
    fault.remaining429 -= 1;
    const seconds = Math.max(0.001, fault.retryAfterMs / 1000);
    const headers: Record<string, string> = {
      'retry-after': String(seconds),
      'x-ratelimit-scope': fault.global ? 'global' : 'user',
    };
    if (fault.global) headers['x-ratelimit-global'] = 'true';
    return {
      headers,
      body: { message: 'You are being rate limited.', retry_after: seconds, global: fault.global },
    };
  }
}
