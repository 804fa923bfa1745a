/**
 * Remembers which webhook deliveries were already accepted, for a while, in memory.
 *
 * Why memory is enough: a webhook is only a hint. The tracker re-reads the authoritative job state
 * with GET before acting, and credits are idempotent by job id, so a duplicate that slips through
 * (after a restart, or after the window) costs one extra GET and changes nothing. The set only saves
 * work during Percify's retry bursts, which come within minutes.
 *
 * Entries keep the time they were first seen (no refresh on a hit), so the Map's insertion order is
 * also expiry order and pruning only ever looks at the oldest entries.
 */
export interface DedupeOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
  /**
   * With several bot processes, Percify's retry may reach another one: this asks the shared record
   * (true when some process accepted the key already, and records it otherwise). Asked only for keys
   * new to this process; if it cannot answer, the event counts as new (a hint costs one GET).
   */
  seenElsewhere?: (key: string) => Promise<boolean>;
}

export class RecentKeys {
  private readonly seenAt = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({ maxEntries = 10_000, ttlMs = 60 * 60 * 1000, now = Date.now }: DedupeOptions = {}) {
    if (maxEntries < 1) throw new RangeError('maxEntries must be at least 1');
    this.maxEntries = maxEntries;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** True when the key was seen within the window; otherwise records it and returns false. */
  checkAndAdd(key: string): boolean {
    const now = this.now();
    this.pruneExpired(now);
    const firstSeen = this.seenAt.get(key);
    if (firstSeen !== undefined && now - firstSeen < this.ttlMs) return true;
    this.seenAt.set(key, now);
    // Bounded: when full, forget the oldest entry rather than grow without limit.
    while (this.seenAt.size > this.maxEntries) {
      const oldest = this.seenAt.keys().next();
      if (oldest.done) break;
      this.seenAt.delete(oldest.value);
    }
    return false;
  }

  get size(): number {
    return this.seenAt.size;
  }

  private pruneExpired(now: number): void {
    for (const [key, firstSeen] of this.seenAt) {
      if (now - firstSeen < this.ttlMs) break;
      this.seenAt.delete(key);
    }
  }
}
