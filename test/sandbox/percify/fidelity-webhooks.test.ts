import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, settle, startSim, type Simulator } from './helpers.js';

const SECRET = 'whsec_fidelity_secret';

interface Received {
  raw: string;
  signature: string | undefined;
  contentType: string | undefined;
}

let sim: Simulator;
let receiver: Server;
let received: Received[] = [];
/** Status codes to answer, one per request; 200 once they run out. */
let script: number[] = [];
let hookUrl = '';

const hmac = (key: string, raw: string): string => createHmac('sha256', key).update(raw).digest('hex');
const envelopes = (): Array<{ type: string; id: string; created: string; data: Record<string, unknown> }> =>
  received.map(
    (entry) =>
      JSON.parse(entry.raw) as { type: string; id: string; created: string; data: Record<string, unknown> },
  );

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function generate(prompt: string): Promise<string> {
  const answer = await call(sim, 'POST', '/avatars/generate', { prompt });
  const id = String(answer.body.id);
  await settle(sim, `/avatars/${id}`);
  return id;
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const signature = request.headers['x-percify-signature'];
      received.push({
        raw: Buffer.concat(chunks).toString('utf8'),
        signature: typeof signature === 'string' ? signature : undefined,
        contentType: request.headers['content-type'],
      });
      response.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  hookUrl = `http://127.0.0.1:${port}/hooks`;
  sim = await startSim({ webhookUrl: hookUrl, webhookSecret: SECRET });
});

afterEach(() => {
  received = [];
  script = [];
  Object.assign(sim.faults, {
    dropWebhooks: false,
    duplicateWebhooks: false,
    reorderWebhooks: false,
    badSignature: false,
    webhookDelayMs: 0,
  });
});

afterAll(async () => {
  await sim.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('webhooks', () => {
  it('posts a compact, signed avatar.completed envelope', async () => {
    const id = await generate('signed');
    await waitFor(() => received.length >= 1);
    const [first] = received;
    if (!first) throw new Error('nothing received');
    expect(first.contentType).toContain('application/json');
    expect(first.signature).toBe(hmac(SECRET, first.raw));
    expect(first.raw).toBe(JSON.stringify(JSON.parse(first.raw)));
    expect(envelopes()[0]).toMatchObject({
      type: 'avatar.completed',
      id: expect.stringMatching(/^evt_/),
      data: { avatarId: id, status: 'completed', creditCost: 2 },
    });
  });

  it('retries after a 500 and records each attempt', async () => {
    script = [500];
    await generate('retried');
    await waitFor(() => received.length >= 2);
    const [first, second] = envelopes();
    expect(second?.id).toBe(first?.id);
    await waitFor(
      () => sim.webhookDeliveries().filter((delivery) => delivery.eventId === first?.id).length >= 2,
    );
    const attempts = sim.webhookDeliveries().filter((delivery) => delivery.eventId === first?.id);
    expect(attempts.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });

  it('badSignature signs with another key', async () => {
    sim.faults.badSignature = true;
    await generate('forged');
    await waitFor(() => received.length >= 1);
    const [first] = received;
    expect(first?.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.signature).not.toBe(hmac(SECRET, first?.raw ?? ''));
  });

  it('duplicateWebhooks sends the same event twice; dropWebhooks sends nothing', async () => {
    sim.faults.duplicateWebhooks = true;
    await generate('twice');
    await waitFor(() => received.length >= 2);
    const [first, second] = envelopes();
    expect(second?.id).toBe(first?.id);
    received = [];
    sim.faults.duplicateWebhooks = false;
    sim.faults.dropWebhooks = true;
    await generate('dropped');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(0);
  });

  it('webhookDelayMs holds events back', async () => {
    sim.faults.webhookDelayMs = 300;
    const started = Date.now();
    await generate('late');
    await waitFor(() => received.length >= 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('reorderWebhooks delivers a later event before an earlier one', async () => {
    // Speed 20: flux (4 s) completes at ~200 ms, reality4 (8 s) at ~400 ms, whatever the machine load.
    const slowSim = await startSim({ speed: 20, webhookUrl: hookUrl, webhookSecret: SECRET });
    try {
      slowSim.faults.reorderWebhooks = true;
      const slow = await call(slowSim, 'POST', '/avatars/generate', { prompt: 'slow', model: 'reality4' });
      const fast = await call(slowSim, 'POST', '/avatars/generate', { prompt: 'fast', model: 'flux' });
      await waitFor(() => received.length >= 2);
      expect(envelopes().map((event) => event.data.avatarId)).toEqual([slow.body.id, fast.body.id]);
    } finally {
      await slowSim.close();
    }
  });
});
