import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  NotFoundError,
  OutcomeUnknownError,
  PercifyClient,
  PercifyResponseError,
  type RequestInfo,
} from '../../src/services/percify/index.js';
import {
  API_KEY,
  avatarJson,
  fakeClock,
  json,
  raw,
  type ScriptedServer,
  startScriptedServer,
  videoJson,
} from './scripted-server.js';

let server: ScriptedServer;
let client: PercifyClient;
let attempts: RequestInfo[];

beforeEach(async () => {
  server = await startScriptedServer();
  attempts = [];
  const clock = fakeClock();
  client = new PercifyClient({
    baseUrl: server.url,
    apiKey: API_KEY,
    sleep: clock.sleep,
    now: clock.now,
    onRequest: (info) => attempts.push(info),
  });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

const sent = (index = 0) => {
  const request = server.requests[index];
  if (!request) throw new Error(`no request #${index}`);
  return { ...request, json: request.body === '' ? undefined : (JSON.parse(request.body) as unknown) };
};

describe('generateAvatar', () => {
  it('sends the documented body, stylePreset and Idempotency-Key, and wraps a single answer', async () => {
    server.script(json(200, avatarJson()));
    const result = await client.generateAvatar({
      prompt: 'elegant elven sorceress',
      model: 'imagen3',
      negativePrompt: 'blurry',
      aspectRatio: '1:1',
      guidanceScale: 12,
      seed: 42,
      style: 'fantasy',
      idempotencyKey: 'job-123',
    });
    expect(result).toEqual({ avatars: [expect.objectContaining({ id: 'avatar_abc123' })], creditCost: 5 });
    const request = sent();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/avatars/generate');
    expect(request.headers['idempotency-key']).toBe('job-123');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.json).toEqual({
      prompt: 'elegant elven sorceress',
      model: 'imagen3',
      negativePrompt: 'blurry',
      aspectRatio: '1:1',
      guidanceScale: 12,
      seed: 42,
      stylePreset: 'fantasy',
    });
  });

  it('returns every avatar of a batch with the total cost', async () => {
    const avatars = [1, 2, 3, 4].map((n) => avatarJson({ id: `avatar_${n}`, model: 'flux', creditCost: 2 }));
    server.script(json(200, { avatars }));
    const result = await client.generateAvatar({ prompt: 'space explorer', model: 'flux', batchSize: 4 });
    expect(result.avatars.map((avatar) => avatar.id)).toEqual([
      'avatar_1',
      'avatar_2',
      'avatar_3',
      'avatar_4',
    ]);
    expect(result.creditCost).toBe(8);
    expect(sent().json).toMatchObject({ batchSize: 4 });
  });

  it('accepts the OpenAPI creditsUsed name and unknown extra fields', async () => {
    server.script(
      json(200, {
        id: 'avatar_x',
        status: 'queued',
        creditsUsed: 5,
        brandNewField: { a: 1 },
        imageUrl: null,
      }),
    );
    const result = await client.generateAvatar({ prompt: 'a knight', model: 'reality4' });
    expect(result.creditCost).toBe(5);
    expect(result.avatars[0]).toMatchObject({ id: 'avatar_x', status: 'queued', brandNewField: { a: 1 } });
    expect(result.avatars[0]?.imageUrl).toBeUndefined();
  });

  it('falls back on the price list when the answer has no cost', async () => {
    server.script(
      json(200, {
        avatars: [
          { id: 'a1', status: 'queued' },
          { id: 'a2', status: 'queued' },
        ],
      }),
    );
    const result = await client.generateAvatar({ prompt: 'a knight', model: 'imagen3', batchSize: 2 });
    expect(result.creditCost).toBe(10);
  });
});

describe('response validation', () => {
  it('rejects an unknown status with PercifyResponseError keeping the HTTP status, no body dump', async () => {
    server.script(json(200, avatarJson({ status: 'exploded', prompt: 'SECRET PROMPT TEXT' })));
    const error = await client.getAvatar('avatar_abc123').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PercifyResponseError);
    expect((error as PercifyResponseError).status).toBe(200);
    expect((error as Error).message).toContain('status');
    expect((error as Error).message).not.toContain('SECRET PROMPT TEXT');
  });

  it('treats an unreadable 2xx answer to a generation as outcome unknown (it was accepted)', async () => {
    server.script(json(200, { id: 'video_1', status: 'rendering' }));
    const error = await client
      .createVideo({ imageId: 'avatar_1', durationSeconds: 5, idempotencyKey: 'job-5' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(PercifyResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a body that is not JSON', async () => {
    server.script(raw(200, '<html>gateway</html>', { 'content-type': 'text/html' }));
    await expect(client.getVideo('video_1')).rejects.toBeInstanceOf(PercifyResponseError);
  });

  it('maps a failed job error, string or object', async () => {
    server.script(
      json(200, avatarJson({ status: 'failed', error: 'content policy' })),
      json(200, videoJson({ status: 'failed', error: { code: 'processing_error', message: 'render died' } })),
    );
    expect((await client.getAvatar('a')).error).toEqual({ code: undefined, message: 'content policy' });
    expect((await client.getVideo('v')).error).toMatchObject({ code: 'processing_error' });
  });
});

describe('videos, audio, voices, balance', () => {
  it('createVideo sends the tier explicitly and reads the OpenAPI `duration` name', async () => {
    server.script(json(200, { id: 'video_1', status: 'processing', duration: 8, creditsUsed: 48 }));
    const video = await client.createVideo({
      imageId: 'avatar_1',
      durationSeconds: 8,
      idempotencyKey: 'job-9',
    });
    expect(video).toMatchObject({ id: 'video_1', durationSeconds: 8, creditCost: 48 });
    expect(sent().url).toBe('/v1/videos/from-image');
    expect(sent().json).toEqual({ imageId: 'avatar_1', durationSeconds: 8, studioTier: 'basic' });
    expect(sent().headers['idempotency-key']).toBe('job-9');
  });

  it('addAudio, updateVideo, deleteVideo and listVideos use the documented routes', async () => {
    server.script(
      json(200, videoJson({ hasAudio: true, audioId: 'audio_1' })),
      json(200, videoJson()),
      raw(204, ''),
      json(200, { videos: [videoJson()], pagination: { total: 1, limit: 10, offset: 0, hasMore: false } }),
    );
    expect(await client.addAudio('video_xyz789', { audioId: 'audio_1' })).toMatchObject({ hasAudio: true });
    await client.updateVideo('video_xyz789', { title: 'Hello' });
    await client.deleteVideo('video_xyz789');
    const list = await client.listVideos({ limit: 10, offset: 0 });
    expect(list.videos).toHaveLength(1);
    expect(list.pagination).toMatchObject({ total: 1, hasMore: false });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1/videos/video_xyz789/add-audio',
      'PATCH /v1/videos/video_xyz789',
      'DELETE /v1/videos/video_xyz789',
      'GET /v1/videos?limit=10&offset=0',
    ]);
    expect(sent(0).json).toEqual({ audioId: 'audio_1', enableLipSync: true });
    expect(sent(1).json).toEqual({ title: 'Hello' });
  });

  it('lists avatars with query parameters and both pagination styles', async () => {
    server.script(
      json(200, { avatars: [avatarJson()], pagination: { total: 30, limit: 20, offset: 0, hasMore: true } }),
      json(200, { avatars: [], nextCursor: null, hasMore: false }),
    );
    const page = await client.listAvatars({ limit: 20, offset: 0, status: 'completed', model: 'flux' });
    expect(page.pagination).toMatchObject({ total: 30, hasMore: true });
    expect(sent().url).toBe('/v1/avatars?limit=20&offset=0&status=completed&model=flux');
    const cursorPage = await client.listAvatars();
    expect(cursorPage).toEqual({
      avatars: [],
      pagination: {
        total: undefined,
        limit: undefined,
        offset: undefined,
        hasMore: false,
        nextCursor: undefined,
      },
    });
  });

  it('percent-encodes ids and templates the route for metrics', async () => {
    server.script(json(200, avatarJson({ id: 'a/b?c' })));
    await client.getAvatar('a/b?c');
    expect(sent().url).toBe('/v1/avatars/a%2Fb%3Fc');
    expect(attempts[0]).toMatchObject({ method: 'GET', route: '/avatars/:id', status: 200, attempt: 1 });
    expect(attempts[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('generateAudio, getAudio and listVoices', async () => {
    server.script(
      json(200, { id: 'audio_1', status: 'processing', voiceId: 'preset-narrator', creditCost: 10 }),
      json(200, { id: 'audio_1', audioUrl: 'https://cdn.percify.io/audio/audio_1.mp3', duration: 5.2 }),
      json(200, { voices: [{ id: 'preset-narrator', name: 'Narrator', type: 'preset' }] }),
      json(200, [{ id: 'voice_1', name: 'Mine' }]),
    );
    const audio = await client.generateAudio({ text: 'Welcome to Percify!', voiceId: 'preset-narrator' });
    expect(audio).toMatchObject({ id: 'audio_1', status: 'processing', creditCost: 10 });
    expect(sent().json).toEqual({ text: 'Welcome to Percify!', voiceId: 'preset-narrator' });
    // No status in the OpenAPI audio shape: a URL means it is done.
    expect(await client.getAudio('audio_1')).toMatchObject({ status: 'completed', durationSeconds: 5.2 });
    expect((await client.listVoices()).map((voice) => voice.id)).toEqual(['preset-narrator']);
    expect((await client.listVoices()).map((voice) => voice.id)).toEqual(['voice_1']);
  });

  it('reads the balance from /user/credits/balance, falling back to /credits/balance on 404', async () => {
    server.script(
      json(200, { balance: 1240, reserved: 120 }),
      json(404, { error: { code: 'not_found', message: 'Not found' } }),
      json(200, { balance: 50, totalPurchased: 100, totalUsed: 50 }),
    );
    expect(await client.getCreditBalance()).toMatchObject({ balance: 1240, reserved: 120 });
    expect(await client.getCreditBalance()).toMatchObject({ balance: 50 });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/user/credits/balance',
      '/v1/user/credits/balance',
      '/v1/credits/balance',
    ]);
  });

  it('does not fall back when the balance route says something other than 404', async () => {
    server.script(json(401, { error: 'Unauthorized' }));
    await expect(client.getCreditBalance()).rejects.not.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });
});
