import type { Config } from '../../config.js';
import { MissingWebhookSecretError } from './errors.js';

export type WebhookMode = 'listen' | 'disabled' | 'missing-secret';

export type WebhookModeConfig = Pick<
  Config,
  'PERCIFY_WEBHOOK_SECRET' | 'WEBHOOKS_DISABLED' | 'WEBHOOK_HOST' | 'WEBHOOK_PORT' | 'WEBHOOK_PATH'
>;

/** What the bot should do about webhooks; an explicit WEBHOOKS_DISABLED wins over a missing secret. */
export function resolveWebhookMode(config: WebhookModeConfig): WebhookMode {
  if (config.WEBHOOKS_DISABLED) return 'disabled';
  if (config.PERCIFY_WEBHOOK_SECRET === undefined || config.PERCIFY_WEBHOOK_SECRET === '') {
    return 'missing-secret';
  }
  return 'listen';
}

/**
 * The one start-up log line about webhooks. `listeningUrl` is the address actually bound (from
 * `startWebhookServer`), which differs from the configured one when the port is 0.
 */
export function describeWebhookMode(config: WebhookModeConfig, listeningUrl?: string): string {
  switch (resolveWebhookMode(config)) {
    case 'disabled':
      return 'Percify webhooks disabled by WEBHOOKS_DISABLED: job status comes from polling only.';
    case 'missing-secret':
      return new MissingWebhookSecretError().message;
    case 'listen': {
      const url =
        listeningUrl ?? `http://${config.WEBHOOK_HOST}:${config.WEBHOOK_PORT}${config.WEBHOOK_PATH}`;
      return `Percify webhooks listening on ${url} (signed with PERCIFY_WEBHOOK_SECRET); polling covers missed events.`;
    }
  }
}
