/**
 * Thrown when asked to start the listener without PERCIFY_WEBHOOK_SECRET: unsigned deliveries could
 * be forged by anyone who finds the URL, so there is no insecure mode. Running on polling only is
 * the caller's explicit choice (WEBHOOKS_DISABLED=true).
 */
export class MissingWebhookSecretError extends Error {
  constructor() {
    super(
      'PERCIFY_WEBHOOK_SECRET is not set: the Percify webhook listener will not start without it, because ' +
        'deliveries could not be verified. Copy the secret from the Percify dashboard (Settings → Webhooks), ' +
        'or set WEBHOOKS_DISABLED=true to run on polling only.',
    );
    this.name = 'MissingWebhookSecretError';
  }
}
