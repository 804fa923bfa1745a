import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/services/metrics.js';
import type { HealthReport } from '../../src/services/webhooks/index.js';
import {
  deliver,
  guideEnvelope,
  request,
  sampleValue,
  startTestListener,
  type TestListener,
} from './harness.js';

describe('GET /healthz', () => {
  let listener: TestListener | undefined;
  afterEach(async () => {
    await listener?.server.close();
    listener = undefined;
  });

  it('answers 200 with the checks when everything is healthy', async () => {
    const report: HealthReport = { ok: true, checks: { store: { ok: true }, gateway: { ok: true } } };
    listener = await startTestListener({ health: async () => report });
    const answer = await request(`${listener.origin}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    expect(answer.body).toEqual(report);
  });

  it('answers 503 with the reasons when a check fails, and follows the state as it changes', async () => {
    let gatewayConnected = false;
    listener = await startTestListener({
      health: () => ({
        ok: gatewayConnected,
        checks: {
          store: { ok: true },
          gateway: gatewayConnected
            ? { ok: true }
            : { ok: false, detail: 'gateway disconnected (code 4004)' },
        },
      }),
    });
    const down = await request(`${listener.origin}/healthz`);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      ok: false,
      checks: { store: { ok: true }, gateway: { ok: false, detail: 'gateway disconnected (code 4004)' } },
    });

    gatewayConnected = true;
    expect((await request(`${listener.origin}/healthz`)).status).toBe(200);
  });

  it('answers 503 when a check fails even if the probe claims ok overall', async () => {
    listener = await startTestListener({
      health: () => ({ ok: true, checks: { store: { ok: false, detail: 'SQLITE_CANTOPEN' } } }),
    });
    const answer = await request(`${listener.origin}/healthz`);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ ok: false, checks: { store: { detail: 'SQLITE_CANTOPEN' } } });
  });

  it('answers 503 instead of hanging or crashing when the probe throws or never answers', async () => {
    listener = await startTestListener({
      health: () => {
        throw new Error('store client exploded');
      },
    });
    const thrown = await request(`${listener.origin}/healthz`);
    expect(thrown.status).toBe(503);
    expect(JSON.stringify(thrown.body)).not.toContain('exploded'); // internals stay in the log
    await listener.server.close();

    listener = await startTestListener({ health: () => new Promise(() => undefined), healthTimeoutMs: 200 });
    const hung = await request(`${listener.origin}/healthz`);
    expect(hung.status).toBe(503);
    expect(hung.elapsedMs).toBeLessThan(2_000);
    expect(JSON.stringify(hung.body)).toContain('no answer within 200 ms');
  });

  it('answers 405 to POST /healthz and /metrics', async () => {
    listener = await startTestListener();
    for (const path of ['/healthz', '/metrics']) {
      const answer = await request(`${listener.origin}${path}`, { method: 'POST', body: '{}' });
      expect(answer.status, path).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
    }
  });
});

describe('GET /metrics', () => {
  let listener: TestListener | undefined;
  afterEach(async () => {
    await listener?.server.close();
    listener = undefined;
  });

  it('serves Prometheus text with the delivery counters after deliveries', async () => {
    listener = await startTestListener();
    const url = listener.server.url;
    await deliver(
      url,
      guideEnvelope('avatar.completed', 'm1', { avatarId: 'avatar_m1', status: 'completed' }),
    );
    await deliver(
      url,
      guideEnvelope('avatar.completed', 'm1', { avatarId: 'avatar_m1', status: 'completed' }),
    );
    await deliver(url, guideEnvelope('avatar.completed', 'm2', { avatarId: 'avatar_m2' }), {
      signature: 'f'.repeat(64),
    });
    await deliver(url, 'not json at all');
    await deliver(url, guideEnvelope('tier.upgraded', 'm3', { userId: 'u' }));
    await request(url, { method: 'GET' });
    await deliver(
      url,
      guideEnvelope('avatar.completed', 'm4', { avatarId: 'a', padding: 'x'.repeat(1_100_000) }),
    );
    await listener.recorder.waitFor(1);

    const answer = await request(`${listener.origin}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = answer.body as string;
    expect(text).toContain('# TYPE percify_bot_webhook_deliveries_total counter');
    const count = (outcome: string) =>
      sampleValue(text, `percify_bot_webhook_deliveries_total{outcome="${outcome}"}`);
    expect({
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      bad_signature: count('bad_signature'),
      malformed: count('malformed'),
      unknown_type: count('unknown_type'),
      method_not_allowed: count('method_not_allowed'),
      too_large: count('too_large'),
      unknown_resource: count('unknown_resource'),
    }).toEqual({
      accepted: 1,
      duplicate: 1,
      bad_signature: 1,
      malformed: 1,
      unknown_type: 1,
      method_not_allowed: 1,
      too_large: 1,
      unknown_resource: 0,
    });
  });

  it('exposes the metrics other services record through the shared helpers', async () => {
    const metrics = createMetrics();
    listener = await startTestListener({ metrics });
    metrics.trackJobs(() => [
      { kind: 'avatar', state: 'running', count: 2 },
      { kind: 'video', state: 'queued', count: 5 },
    ]);
    metrics.trackQueueLength(async () => 5);
    metrics.countCredits('reserved', 48);
    metrics.countCredits('captured', 48);
    metrics.countCredits('released', -3); // ignored: a counter never goes down
    metrics.observePercifyRequest('POST /videos/from-image', 201, 0.3);
    const done = metrics.startPercifyRequest('GET /videos/:id');
    done(503);
    metrics.countDelivery('interaction');
    metrics.countDelivery('dm');

    const text = (await request(`${listener.origin}/metrics`)).body as string;
    expect(sampleValue(text, 'percify_bot_jobs{kind="avatar",state="running"}')).toBe(2);
    expect(sampleValue(text, 'percify_bot_jobs{kind="video",state="queued"}')).toBe(5);
    expect(sampleValue(text, 'percify_bot_queue_length')).toBe(5);
    expect(sampleValue(text, 'percify_bot_credits_total{op="reserved"}')).toBe(48);
    expect(sampleValue(text, 'percify_bot_credits_total{op="captured"}')).toBe(48);
    expect(sampleValue(text, 'percify_bot_credits_total{op="released"}')).toBe(0);
    expect(
      sampleValue(text, 'percify_bot_percify_requests_total{route="POST /videos/from-image",status="201"}'),
    ).toBe(1);
    expect(
      sampleValue(text, 'percify_bot_percify_requests_total{route="GET /videos/:id",status="503"}'),
    ).toBe(1);
    expect(
      sampleValue(
        text,
        'percify_bot_percify_request_duration_seconds_bucket{le="0.5",route="POST /videos/from-image"}',
      ),
    ).toBe(1);
    expect(
      sampleValue(
        text,
        'percify_bot_percify_request_duration_seconds_bucket{le="0.25",route="POST /videos/from-image"}',
      ),
    ).toBe(0);
    expect(sampleValue(text, 'percify_bot_delivery_total{path="interaction"}')).toBe(1);
    expect(sampleValue(text, 'percify_bot_delivery_total{path="dm"}')).toBe(1);
    expect(sampleValue(text, 'percify_bot_delivery_total{path="failed"}')).toBe(0);

    // The job gauge follows its source: a job that finished disappears from the next scrape.
    metrics.trackJobs(() => [{ kind: 'video', state: 'queued', count: 4 }]);
    const later = (await request(`${listener.origin}/metrics`)).body as string;
    expect(sampleValue(later, 'percify_bot_jobs{kind="avatar",state="running"}')).toBeUndefined();
    expect(sampleValue(later, 'percify_bot_jobs{kind="video",state="queued"}')).toBe(4);
  });

  it('keeps each metrics set separate and can add Node process metrics', async () => {
    const one = createMetrics({ defaultMetrics: true });
    const two = createMetrics();
    one.countDelivery('channel');
    const oneText = (await one.render()).body;
    const twoText = (await two.render()).body;
    expect(sampleValue(oneText, 'percify_bot_delivery_total{path="channel"}')).toBe(1);
    expect(sampleValue(twoText, 'percify_bot_delivery_total{path="channel"}')).toBe(0);
    expect(oneText).toContain('percify_bot_process_cpu_user_seconds_total');
    expect(twoText).not.toContain('percify_bot_process_cpu_user_seconds_total');
  });
});
