import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../src/services/webhooks/index.js';
import {
  deliver,
  guideEnvelope,
  overviewEnvelope,
  SECRET,
  startTestListener,
  type TestListener,
} from './harness.js';

describe('webhook listener: signature and envelopes', () => {
  let listener: TestListener;
  let barrierCount = 0;

  beforeAll(async () => {
    listener = await startTestListener();
  });
  afterAll(async () => {
    await listener.server.close();
  });

  /**
   * Proves nothing was handed to onEvent by a rejected request: a valid delivery sent afterwards
   * must be the very next event recorded (onEvent runs in order, right after each answer).
   */
  async function expectNoEventFromRejectedRequest(): Promise<void> {
    const before = listener.recorder.events.length;
    barrierCount += 1;
    const barrierId = `avatar_barrier_${barrierCount}`;
    const answer = await deliver(
      listener.server.url,
      guideEnvelope('avatar.completed', `evt_barrier_${barrierCount}`, {
        avatarId: barrierId,
        status: 'completed',
      }),
    );
    expect(answer.status).toBe(200);
    await listener.recorder.waitFor(before + 1);
    expect(listener.recorder.events.slice(before).map((event) => event.resourceId)).toEqual([barrierId]);
  }

  it('accepts a correctly signed webhooks-guide envelope and hands over the normalised event once', async () => {
    const before = listener.recorder.events.length;
    const data = {
      avatarId: 'avatar_abc123',
      userId: 'user_1',
      status: 'completed',
      imageUrl: 'https://cdn.percify.io/avatars/avatar_abc123.png',
      creditCost: 5,
    };
    const answer = await deliver(listener.server.url, guideEnvelope('avatar.completed', 'evt_abc123', data));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ received: true });
    await listener.recorder.waitFor(before + 1);
    const event = listener.recorder.events[before];
    expect(event).toMatchObject({
      eventId: 'evt_abc123',
      type: 'avatar.completed',
      resourceKind: 'avatar',
      resourceId: 'avatar_abc123',
      status: 'completed',
      data,
    });
    expect(Math.abs((event?.receivedAt ?? 0) - Date.now())).toBeLessThan(5_000);
    await expectNoEventFromRejectedRequest();
    expect(listener.recorder.events.filter((seen) => seen.eventId === 'evt_abc123')).toHaveLength(1);
  });

  it('accepts the API-overview envelope ({ event, data, timestamp }) without an event id', async () => {
    const before = listener.recorder.events.length;
    const data = {
      videoId: 'video_xyz789',
      status: 'completed',
      videoUrl: 'https://cdn/v.mp4',
      durationSeconds: 8,
    };
    const answer = await deliver(listener.server.url, overviewEnvelope('video.completed', data));

    expect(answer.status).toBe(200);
    await listener.recorder.waitFor(before + 1);
    const event = listener.recorder.events[before];
    expect(event).toMatchObject({
      type: 'video.completed',
      resourceKind: 'video',
      resourceId: 'video_xyz789',
    });
    expect(event?.status).toBe('completed');
    expect(event && 'eventId' in event).toBe(false);
  });

  it('reads the resource id from data.id when the kind-specific id is absent', async () => {
    const before = listener.recorder.events.length;
    await deliver(
      listener.server.url,
      guideEnvelope('video.failed', 'evt_dataid', { id: 'video_by_id', status: 'failed' }),
    );
    await listener.recorder.waitFor(before + 1);
    expect(listener.recorder.events[before]).toMatchObject({
      resourceKind: 'video',
      resourceId: 'video_by_id',
    });
  });

  it('answers 401 to a forged signature and does not call onEvent', async () => {
    const body = guideEnvelope('avatar.completed', 'evt_forged', {
      avatarId: 'avatar_forged',
      status: 'completed',
    });
    const answer = await deliver(listener.server.url, body, {
      signature: signWebhookBody(body, 'not-the-secret'),
    });
    expect(answer.status).toBe(401);
    await expectNoEventFromRejectedRequest();
  });

  it('answers 401 when the signature header is missing', async () => {
    const body = guideEnvelope('avatar.completed', 'evt_unsigned', { avatarId: 'avatar_unsigned' });
    const answer = await deliver(listener.server.url, body, { signature: null });
    expect(answer.status).toBe(401);
    await expectNoEventFromRejectedRequest();
  });

  it('answers 401 to signatures of the wrong length or format instead of throwing', async () => {
    const body = guideEnvelope('avatar.completed', 'evt_short', { avatarId: 'avatar_short' });
    const good = signWebhookBody(body, SECRET);
    for (const signature of [
      '',
      'abc',
      good.slice(0, 63),
      `${good}00`,
      `sha256=${good}`,
      good.toUpperCase(),
    ]) {
      const answer = await deliver(listener.server.url, body, { signature });
      expect(answer.status, `signature ${JSON.stringify(signature)}`).toBe(401);
    }
    await expectNoEventFromRejectedRequest();
  });

  it('checks the exact bytes: a signature of the same JSON with other whitespace is refused', async () => {
    const payload = {
      type: 'avatar.completed',
      id: 'evt_ws',
      data: { avatarId: 'avatar_ws', status: 'completed' },
    };
    const signedCompact = signWebhookBody(JSON.stringify(payload), SECRET);
    const answer = await deliver(listener.server.url, JSON.stringify(payload, null, 2), {
      signature: signedCompact,
    });
    expect(answer.status).toBe(401);
    await expectNoEventFromRejectedRequest();
  });

  it('answers 400 to a signed body that is not JSON, and to JSON that is not an envelope', async () => {
    expect((await deliver(listener.server.url, '{"type": "avatar.completed", ')).status).toBe(400);
    expect((await deliver(listener.server.url, '[1,2,3]')).status).toBe(400);
    expect((await deliver(listener.server.url, JSON.stringify({ type: 'avatar.completed' }))).status).toBe(
      400,
    );
    const noResourceId = guideEnvelope('avatar.completed', 'evt_noid', { status: 'completed' });
    expect((await deliver(listener.server.url, noResourceId)).status).toBe(400);
    await expectNoEventFromRejectedRequest();
  });

  it('answers 200 to event types the bot does not act on and ignores them', async () => {
    const answer = await deliver(
      listener.server.url,
      guideEnvelope('credits.low_balance', 'evt_low', { userId: 'user_1', balance: 25, threshold: 50 }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ received: true });
    await expectNoEventFromRejectedRequest();
  });
});
