import { Routes, type REST } from 'discord.js';
import type { Logger } from '../../logger.js';
import { COLOURS } from '../delivery/style.js';
import type { I18n, Translator } from '../i18n/index.js';
import type { AlertChannels } from './alert-channels.js';
import type { OpsMetrics } from './ops-metrics.js';

export type AlertKind =
  | 'percify-out-of-credits'
  | 'percify-credits-low'
  | 'percify-unreachable'
  | 'budget-nearly-spent'
  | 'books-differ';

/**
 * One alert, written for each server in its own language: `text` is called with the translator of
 * the server's locale (`guild_locale`) recorded with its alert channel by `/quota alerts`.
 */
export interface Alert {
  kind: AlertKind;
  text: (tr: Translator) => { title: string; description: string };
}

export interface AdminAlertsOptions {
  channels: AlertChannels;
  rest: REST;
  logger: Logger;
  metrics: OpsMetrics;
  i18n: I18n;
  /**
   * The server's community locale as the gateway last reported it, for a channel chosen before its
   * locale was recorded with it; English when this knows none either.
   */
  guildLocale?: (guildId: string) => string | undefined;
  /** Every server the bot is in, for alerts about the operator's Percify account. */
  guildIds: () => Iterable<string>;
  now?: () => number;
  /** How long before the same kind of alert is posted to the same server again (default 6 h). */
  repeatMs?: number;
}

const DEFAULT_REPEAT_MS = 6 * 60 * 60_000;

/**
 * Posts alerts to the channel each server's admins chose with `/quota alerts`, at most once per kind
 * and server every few hours, so an outage is one message and not one per job.
 */
export class AdminAlerts {
  readonly #now: () => number;
  readonly #repeatMs: number;

  constructor(private readonly options: AdminAlertsOptions) {
    this.#now = options.now ?? Date.now;
    this.#repeatMs = options.repeatMs ?? DEFAULT_REPEAT_MS;
  }

  /** Posts to one server; resolves to whether it was posted (no channel or rate-limited: false). */
  async notify(guildId: string, alert: Alert): Promise<boolean> {
    const claimedAt = this.#now();
    const claimed = await this.options.channels.claim(guildId, alert.kind, claimedAt, this.#repeatMs);
    if (!claimed) return false;
    const { channelId } = claimed;
    try {
      const locale = claimed.locale ?? this.options.guildLocale?.(guildId);
      const { title, description } = alert.text(this.options.i18n.translator(locale));
      await this.options.rest.post(Routes.channelMessages(channelId), {
        body: {
          embeds: [{ title, description, color: COLOURS.working }],
          allowed_mentions: { parse: [] },
        },
      });
    } catch (error) {
      this.options.logger.warn(
        { guildId, channelId, kind: alert.kind, err: error },
        'alert could not be posted',
      );
      await this.options.channels.unclaim(guildId, alert.kind, claimedAt);
      return false;
    }
    this.options.metrics.countAlert(alert.kind);
    this.options.logger.info({ guildId, channelId, kind: alert.kind }, 'alert posted');
    return true;
  }

  /** The operator's account concerns every server: each one with an alert channel is told. */
  async notifyAll(alert: Alert): Promise<void> {
    await Promise.all([...this.options.guildIds()].map((guildId) => this.notify(guildId, alert)));
  }
}
