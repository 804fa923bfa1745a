import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { heading } from '../support/messages.js';

// How the bot learns that Percify finished: signed webhooks (two API calls per job), polling alone,
// and a generation request whose answer was lost (reconciled, never sent twice).

const SECRET = 'e2e-webhook-secret';

function apiCalls(h: BotHarness, from: number) {
  return h.percify.requests.slice(from).filter((request) => request.path.startsWith('/v1/'));
}

async function makeAvatar(h: BotHarness, user: string, prompt: string) {
  const reply = await h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options: { prompt, model: 'flux' } })
    .reply();
  return h.emulator.driver.waitForEdit(reply.id, (m) => /Your avatar|Could not/.test(heading(m)), 20_000);
}

describe('with webhooks', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({
      speed: 50,
      env: {
        PERCIFY_WEBHOOK_SECRET: SECRET,
        WEBHOOKS_DISABLED: 'false',
        WEBHOOK_HOST: '127.0.0.1',
        WEBHOOK_PORT: '0',
      },
    });
    h.percify.setWebhook(h.app.webhookUrl, SECRET);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('finishes a job on the signed event with exactly two API calls', async () => {
    const from = h.percify.requests.length;
    const done = await makeAvatar(h, 'ben', 'a hummingbird in flight');
    expect(heading(done)).toContain('Your avatar');
    expect(
      apiCalls(h, from).map((call) => `${call.method} ${call.path.replace(/avatar_\w+/, ':id')}`),
    ).toEqual(['POST /v1/avatars/generate', 'GET /v1/avatars/:id']);
    expect(h.percify.webhookDeliveries().some((delivery) => delivery.status === 200)).toBe(true);
  });

  it('still finishes by polling when the webhook never comes', async () => {
    h.percify.faults.dropWebhooks = true;
    try {
      const done = await makeAvatar(h, 'cleo', 'a lost letter');
      expect(heading(done)).toContain('Your avatar');
    } finally {
      h.percify.faults.dropWebhooks = false;
    }
  });

  it('ignores events with a bad signature and finishes by polling', async () => {
    h.percify.faults.badSignature = true;
    try {
      const done = await makeAvatar(h, 'cleo', 'a forged seal');
      expect(heading(done)).toContain('Your avatar');
    } finally {
      h.percify.faults.badSignature = false;
    }
    const metrics = await (await fetch(new URL('/metrics', h.app.webhookUrl))).text();
    expect(metrics).toMatch(/percify_bot_webhook_deliveries_total\{outcome="bad_signature"\} [1-9]/);
  });

  it('cannot be moved backwards by events arriving out of order', async () => {
    h.percify.faults.reorderWebhooks = true;
    try {
      const done = await makeAvatar(h, 'ben', 'a river running uphill');
      expect(heading(done)).toContain('Your avatar');
      expect(done.history.filter((revision) => heading(revision).includes('Your avatar'))).toHaveLength(0);
    } finally {
      h.percify.faults.reorderWebhooks = false;
    }
  });

  it('delivers and charges once when every event comes twice', async () => {
    h.percify.faults.duplicateWebhooks = true;
    try {
      const done = await makeAvatar(h, 'ada', 'twin stars');
      expect(heading(done)).toContain('Your avatar');
      await vi.waitFor(async () => {
        const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId('ada'), []);
        expect(balance).toMatchObject({ spentToday: 2, reservedNow: 0 });
      });
    } finally {
      h.percify.faults.duplicateWebhooks = false;
    }
    const health = await fetch(new URL('/healthz', h.app.webhookUrl));
    expect(health.status).toBe(200);
    const metrics = await (await fetch(new URL('/metrics', h.app.webhookUrl))).text();
    expect(metrics).toMatch(/percify_bot_webhook_deliveries_total\{outcome="duplicate"\} [1-9]/);
    expect(metrics).toMatch(/percify_bot_delivery_total\{path="interaction"\} [1-9]/);
  });
});

describe('a generation request whose answer is lost', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ env: { PERCIFY_TIMEOUT_MS: '300' } });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('is reconciled against the account, delivered once and charged once', async () => {
    h.percify.faults.hangBurst = 1;
    const done = await makeAvatar(h, 'ben', 'a clock without hands');
    expect(heading(done)).toContain('Your avatar');
    expect(h.percify.avatars().filter((a) => a.prompt === 'a clock without hands')).toHaveLength(1);
    await vi.waitFor(async () => {
      const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId('ben'), []);
      expect(balance).toMatchObject({ spentToday: 2, reservedNow: 0 });
    });
  });
});
