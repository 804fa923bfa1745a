import type { Store } from '../store.js';

/**
 * Where each server's admins want alerts, and when each kind of alert last went there. Its own key
 * (not the guild settings document) because it changes on every alert sent, not only by admins.
 */
export const alertStoreKey = (guildId: string) => `v1:guild:${guildId}:alerts`;

export interface AlertChannelRecord {
  channelId?: string | undefined;
  /** The server's Discord locale (`guild_locale`) when an admin chose the channel: alerts are in it. */
  locale?: string | undefined;
  /** Alert kind -> when it was last posted (ms), for the rate limit. */
  lastSent: Record<string, number>;
}

export class AlertChannels {
  constructor(private readonly store: Store) {}

  async get(guildId: string): Promise<AlertChannelRecord> {
    return (await this.store.get<AlertChannelRecord>(alertStoreKey(guildId))) ?? { lastSent: {} };
  }

  /**
   * Sets (or, with undefined, clears) the channel, and the server's locale alerts are written in;
   * the rate limit's memory is kept either way.
   */
  async setChannel(guildId: string, channelId: string | undefined, locale?: string): Promise<void> {
    await this.store.update<AlertChannelRecord>(alertStoreKey(guildId), (current) => ({
      lastSent: current?.lastSent ?? {},
      channelId,
      locale,
    }));
  }

  /**
   * Claims the right to post `kind` now: the channel and its locale (and the time recorded) when the server has a channel and
   * the last one of this kind is older than `repeatMs`. Atomic, so two triggers at once post once.
   */
  async claim(
    guildId: string,
    kind: string,
    now: number,
    repeatMs: number,
  ): Promise<{ channelId: string; locale: string | undefined } | undefined> {
    let claimed: { channelId: string; locale: string | undefined } | undefined;
    await this.store.update<AlertChannelRecord>(alertStoreKey(guildId), (current) => {
      if (!current?.channelId) return current;
      const last = current.lastSent[kind];
      if (last !== undefined && now - last < repeatMs) return current;
      claimed = { channelId: current.channelId, locale: current.locale };
      return { ...current, lastSent: { ...current.lastSent, [kind]: now } };
    });
    return claimed;
  }

  /** Gives back a claim whose post failed, so the next trigger tries again instead of in 6 hours. */
  async unclaim(guildId: string, kind: string, claimedAt: number): Promise<void> {
    await this.store.update<AlertChannelRecord>(alertStoreKey(guildId), (current) => {
      if (!current || current.lastSent[kind] !== claimedAt) return current;
      const lastSent = { ...current.lastSent };
      delete lastSent[kind];
      return { ...current, lastSent };
    });
  }
}
