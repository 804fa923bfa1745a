import { describe, expect, it } from 'vitest';
import { startApp, uploadLimitFor } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { MissingWebhookSecretError } from '../src/services/webhooks/index.js';

describe('startApp', () => {
  it('refuses to listen for unsigned webhooks unless they are turned off explicitly', async () => {
    const config = parseConfig({
      DISCORD_TOKEN: 't',
      PERCIFY_API_KEY: 'k',
      DATABASE_URL: 'sqlite://:memory:',
    });
    const started = startApp({ config, logger: silentLogger() });
    await expect(started).rejects.toBeInstanceOf(MissingWebhookSecretError);
    await expect(started).rejects.toThrow(/PERCIFY_WEBHOOK_SECRET.*WEBHOOKS_DISABLED=true/s);
  });

  it('uses Discord’s upload limit for the guild’s boost tier', () => {
    expect([0, 1, 2, 3].map(uploadLimitFor)).toEqual([10, 10, 50, 100].map((mib) => mib * 1024 * 1024));
  });
});
