import { afterEach, describe, expect, it } from 'vitest';
import type { PercifyEvent } from '../../src/services/webhooks/index.js';
import {
  deliver,
  guideEnvelope,
  overviewEnvelope,
  request,
  sampleValue,
  startTestListener,
  type TestListener,
} from './harness.js';

const outcome = (name: string) => `percify_bot_webhook_deliveries_total{outcome="${name}"}`;

describe('webhook listener: duplicates and the work after the answer', () => {
  let listener: TestListener | undefined;
  afterEach(async () => {
    await listener?.server.close();
    listener = undefined;
  });

  it('drops a redelivery with the same event id', async () => {
    listener = await startTestListener();
    const body = guideEnvelope('video.completed', 'evt_dup', { videoId: 'video_1', status: 'completed' });
    const first = await deliver(listener.server.url, body);
    const again = await deliver(listener.server.url, body);
    // Same id, different content: still the same delivery as far as Percify is concerned.
    const sameIdOtherBody = guideEnvelope('video.completed', 'evt_dup', { videoId: 'video_1', status: 'x' });
    const third = await deliver(listener.server.url, sameIdOtherBody);
    expect([first.status, again.status, third.status]).toEqual([200, 200, 200]);

    const marker = guideEnvelope('video.completed', 'evt_after_dup', {
      videoId: 'video_2',
      status: 'completed',
    });
    await deliver(listener.server.url, marker);
    await listener.recorder.waitFor(2);
    expect(listener.recorder.events.map((event) => event.eventId)).toEqual(['evt_dup', 'evt_after_dup']);
  });

  it('drops id-less duplicates by (type, resource, status) but lets a new status through', async () => {
    listener = await startTestListener();
    const processing = overviewEnvelope('video.processing', { videoId: 'video_9', status: 'processing' });
    const completed = overviewEnvelope('video.completed', { videoId: 'video_9', status: 'completed' });
    const completedLater = JSON.stringify({
      event: 'video.completed',
      data: { videoId: 'video_9', status: 'completed' },
      timestamp: '2025-11-25T06:20:00Z', // a retry carries a new timestamp but says the same thing
    });
    const failedOther = overviewEnvelope('video.failed', { videoId: 'video_9', status: 'failed' });

    for (const body of [processing, processing, completed, completedLater, failedOther]) {
      expect((await deliver(listener.server.url, body)).status).toBe(200);
    }
    await listener.recorder.waitFor(3);
    const seen = listener.recorder.events.map((event) => `${event.type}/${event.status ?? ''}`);
    expect(seen).toEqual(['video.processing/processing', 'video.completed/completed', 'video.failed/failed']);

    const metrics = (await request(`${listener.origin}/metrics`)).body as string;
    expect(sampleValue(metrics, outcome('duplicate'))).toBe(2);
  });

  it('answers at once while onEvent is still working (a 15-second handler does not delay the 200)', async () => {
    let finishHandler: (value: 'handled') => void = () => undefined;
    const started: PercifyEvent[] = [];
    listener = await startTestListener({
      onEvent: (event) => {
        started.push(event);
        return new Promise((resolve) => {
          finishHandler = resolve; // stands in for 15 s of Percify GETs and Discord edits
        });
      },
    });

    const first = await deliver(
      listener.server.url,
      guideEnvelope('video.completed', 'evt_slow', { videoId: 'video_slow', status: 'completed' }),
    );
    expect(first.status).toBe(200);
    expect(first.elapsedMs).toBeLessThan(1_000);
    // The handler did run (after the answer) and has not finished: the answer did not wait for it.
    await expect.poll(() => started.length).toBe(1);

    const second = await deliver(
      listener.server.url,
      guideEnvelope('avatar.completed', 'evt_while_slow', { avatarId: 'avatar_2', status: 'completed' }),
    );
    expect(second.status).toBe(200);
    expect(second.elapsedMs).toBeLessThan(1_000);

    const metricsUrl = `${listener.origin}/metrics`;
    // Nothing counted as accepted until the handler says whether it knew the resource.
    expect(sampleValue((await request(metricsUrl)).body as string, outcome('accepted'))).toBe(0);
    finishHandler('handled');
    await expect
      .poll(async () => sampleValue((await request(metricsUrl)).body as string, outcome('accepted')))
      .toBe(1);
  });

  it('keeps serving after onEvent throws or rejects, and counts the failures', async () => {
    let calls = 0;
    listener = await startTestListener({
      onEvent: (event) => {
        calls += 1;
        if (event.resourceId === 'avatar_throw') throw new Error('handler exploded');
        if (event.resourceId === 'avatar_reject') return Promise.reject(new Error('handler rejected'));
        return 'handled';
      },
    });
    const url = listener.server.url;
    expect(
      (await deliver(url, guideEnvelope('avatar.completed', 'e1', { avatarId: 'avatar_throw' }))).status,
    ).toBe(200);
    expect(
      (await deliver(url, guideEnvelope('avatar.completed', 'e2', { avatarId: 'avatar_reject' }))).status,
    ).toBe(200);
    expect(
      (await deliver(url, guideEnvelope('avatar.completed', 'e3', { avatarId: 'avatar_fine' }))).status,
    ).toBe(200);
    await expect.poll(() => calls).toBe(3);

    const metricsUrl = `${listener.origin}/metrics`;
    const handlerErrors = async () =>
      sampleValue((await request(metricsUrl)).body as string, 'percify_bot_webhook_handler_errors_total');
    await expect.poll(handlerErrors).toBe(2);
    // A failed handler still means the delivery was accepted (answered 200, not retried by Percify).
    expect(sampleValue((await request(metricsUrl)).body as string, outcome('accepted'))).toBe(3);
  });

  it('counts events for resources the bot does not know as unknown_resource, still answering 200', async () => {
    listener = await startTestListener();
    listener.recorder.result = 'unknown';
    const answer = await deliver(
      listener.server.url,
      guideEnvelope('audio.completed', 'evt_stranger', {
        audioId: 'audio_x',
        voiceId: 'voice_1',
        status: 'completed',
      }),
    );
    expect(answer.status).toBe(200);
    await listener.recorder.waitFor(1);
    expect(listener.recorder.events[0]).toMatchObject({ resourceKind: 'audio', resourceId: 'audio_x' });
    const metricsUrl = `${listener.origin}/metrics`;
    await expect
      .poll(async () => sampleValue((await request(metricsUrl)).body as string, outcome('unknown_resource')))
      .toBe(1);
    expect(sampleValue((await request(metricsUrl)).body as string, outcome('accepted'))).toBe(0);
  });
});
