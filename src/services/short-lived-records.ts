import type { Logger } from '../logger.js';
import { storeKey, type Store } from './store.js';

/**
 * The records that live only for a while: an /avatar draft waiting for its prompt, an open Animate
 * panel, a video waiting for Confirm, the claim of a click or of an interaction. Each has a lifetime;
 * a record past it reads as expired, and a sweep deletes the ones nobody came back for.
 */

export interface ShortLivedRecord {
  createdAt: number;
}

export const SHORT_LIVED_KINDS = {
  /** A form left open longer than an hour is stale; the member can run the command again. */
  avatarDraft: { key: storeKey.avatarDraft, lifetimeMs: 60 * 60_000 },
  /** Long enough to pick a tier, a motion and a length at leisure. */
  animatePanel: { key: storeKey.animatePanel, lifetimeMs: 60 * 60_000 },
  /** Expensive videos wait for the member's OK; the offer lapses after a minute. */
  pendingVideo: { key: storeKey.pendingVideo, lifetimeMs: 60_000 },
  /** A photo avatar or a voice clone waiting for the member's OK: ten minutes to read and decide. */
  pendingLikeness: { key: storeKey.pendingLikeness, lifetimeMs: 10 * 60_000 },
  /** Which process handles an interaction; Discord forgets it after its 15-minute token. */
  interactionClaim: { key: storeKey.interactionClaim, lifetimeMs: 15 * 60_000 },
  /**
   * A click that started a job. The button is greyed out at once, so this only has to outlast the
   * clicks already on their way and a restart; an hour also outlives every panel and offer.
   */
  clickClaim: { key: storeKey.clickClaim, lifetimeMs: 60 * 60_000 },
} as const;

export type ShortLivedKind = keyof typeof SHORT_LIVED_KINDS;

/** How often the sweep runs: often enough that nothing lingers long, rarely enough to cost nothing. */
export const SWEEP_INTERVAL_MS = 10 * 60_000;

export type Lookup<T> = { state: 'open'; record: T } | { state: 'expired' } | { state: 'missing' };

export class ShortLivedRecords {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  static lifetimeMs(kind: ShortLivedKind): number {
    return SHORT_LIVED_KINDS[kind].lifetimeMs;
  }

  async put<T extends ShortLivedRecord>(kind: ShortLivedKind, id: string, record: T): Promise<void> {
    await this.store.set(SHORT_LIVED_KINDS[kind].key(id), record);
  }

  /** The record if it is still open; an expired one is deleted on the way. */
  async get<T extends ShortLivedRecord>(kind: ShortLivedKind, id: string): Promise<Lookup<T>> {
    const key = SHORT_LIVED_KINDS[kind].key(id);
    const record = await this.store.get<T>(key);
    if (!record) return { state: 'missing' };
    if (this.isExpired(kind, record)) {
      await this.store.delete(key);
      return { state: 'expired' };
    }
    return { state: 'open', record };
  }

  /**
   * Stores `record` unless an open one is there already, atomically across processes: true when this
   * call's record is the one kept. Of two callers at once, exactly one gets true.
   */
  async claim<T extends ShortLivedRecord & { by: string }>(
    kind: ShortLivedKind,
    id: string,
    record: T,
  ): Promise<boolean> {
    const kept = await this.store.update<T>(SHORT_LIVED_KINDS[kind].key(id), (current) =>
      current && !this.isExpired(kind, current) ? current : record,
    );
    return kept?.by === record.by;
  }

  /** True when this call deleted it, so of two clicks at once only one takes the record. */
  async delete(kind: ShortLivedKind, id: string): Promise<boolean> {
    // Through update, which runs calls on one key one after another: a plain delete reports true
    // to both of two callers at once.
    let existed = false;
    await this.store.update<ShortLivedRecord>(SHORT_LIVED_KINDS[kind].key(id), (current) => {
      existed = current !== undefined;
      return undefined;
    });
    return existed;
  }

  /** Deletes every record past its lifetime; returns how many went. */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (const kind of Object.keys(SHORT_LIVED_KINDS) as ShortLivedKind[]) {
      // The key builder with an empty id is the kind's prefix.
      for (const key of await this.store.keys(SHORT_LIVED_KINDS[kind].key(''))) {
        const record = await this.store.get<ShortLivedRecord>(key);
        if (record && !this.isExpired(kind, record)) continue;
        if (await this.store.delete(key)) deleted += 1;
      }
    }
    return deleted;
  }

  /** Sweeps every `intervalMs` until the returned function is called; a failed sweep is only logged. */
  sweepEvery(intervalMs: number, logger: Logger): () => void {
    const timer = setInterval(() => {
      this.sweep().then(
        (deleted) => {
          if (deleted > 0) logger.debug({ deleted }, 'expired drafts, panels and offers swept');
        },
        (error: unknown) => logger.warn({ err: error }, 'could not sweep expired records'),
      );
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private isExpired(kind: ShortLivedKind, record: ShortLivedRecord): boolean {
    // A record without a creation time is from before expiry existed: treat it as expired.
    return (
      typeof record.createdAt !== 'number' ||
      this.now() - record.createdAt > SHORT_LIVED_KINDS[kind].lifetimeMs
    );
  }
}
