import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreateVideoRequest,
  type GenerateAvatarRequest,
  PercifyClient,
  PercifyValidationError,
} from '../../src/services/percify/index.js';
import { API_KEY, avatarJson, json, type ScriptedServer, startScriptedServer } from './scripted-server.js';

let server: ScriptedServer;
let client: PercifyClient;

beforeAll(async () => {
  server = await startScriptedServer();
  server.fallback = json(200, avatarJson());
  client = new PercifyClient({ baseUrl: server.url, apiKey: API_KEY });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

/** Asserts the call fails on `field` and that nothing reached the server. */
async function rejectsLocally(call: () => Promise<unknown>, field: string): Promise<void> {
  const before = server.requests.length;
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PercifyValidationError);
  expect((error as PercifyValidationError).field).toBe(field);
  expect(server.requests.length).toBe(before);
}

// Inputs arrive from Discord at run time, so wrong types are tested through a cast.
const avatar = (overrides: Record<string, unknown>) =>
  ({ prompt: 'a knight', ...overrides }) as unknown as GenerateAvatarRequest;
const video = (overrides: Record<string, unknown>) =>
  ({ imageId: 'avatar_1', durationSeconds: 5, ...overrides }) as unknown as CreateVideoRequest;

describe('inputs are checked before any request', () => {
  it.each([
    [{ prompt: '' }, 'prompt'],
    [{ prompt: '   ' }, 'prompt'],
    [{ prompt: 'x'.repeat(1001) }, 'prompt'],
    [{ model: 'dalle' }, 'model'],
    [{ aspectRatio: '2:1' }, 'aspectRatio'],
    [{ guidanceScale: 0.5 }, 'guidanceScale'],
    [{ guidanceScale: 21 }, 'guidanceScale'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2_147_483_648 }, 'seed'],
    [{ seed: 1.5 }, 'seed'],
    [{ batchSize: 0 }, 'batchSize'],
    [{ batchSize: 5 }, 'batchSize'],
    [{ style: 'gaming' }, 'style'],
    [{ idempotencyKey: '' }, 'idempotencyKey'],
    [{ idempotencyKey: 'has space' }, 'idempotencyKey'],
  ])('generateAvatar rejects %o', async (overrides, field) => {
    await rejectsLocally(() => client.generateAvatar(avatar(overrides)), field);
  });

  it.each([
    [{ durationSeconds: 2 }, 'durationSeconds'],
    [{ durationSeconds: 11 }, 'durationSeconds'],
    [{ durationSeconds: 31, studioTier: 'reality-lab' }, 'durationSeconds'],
    [{ durationSeconds: 4.5 }, 'durationSeconds'],
    [{ durationSeconds: '5' }, 'durationSeconds'],
    [{ imageId: '' }, 'imageId'],
    [{ studioTier: 'premium' }, 'studioTier'],
    [{ motionStyle: 'wild' }, 'motionStyle'],
    [{ fps: 25 }, 'fps'],
    [{ fps: 60 }, 'fps'],
    [{ outputFormat: 'mov' }, 'outputFormat'],
    [{ outputFormat: 'avi', studioTier: 'reality-lab' }, 'outputFormat'],
  ])('createVideo rejects %o', async (overrides, field) => {
    await rejectsLocally(() => client.createVideo(video(overrides)), field);
  });

  it('rejects bad audio, ids, list queries and patches', async () => {
    await rejectsLocally(() => client.generateAudio({ text: '', voiceId: 'preset-narrator' }), 'text');
    await rejectsLocally(() => client.generateAudio({ text: 'x'.repeat(5001), voiceId: 'v' }), 'text');
    await rejectsLocally(() => client.generateAudio({ text: 'hi', voiceId: '' }), 'voiceId');
    await rejectsLocally(() => client.addAudio('', { audioId: 'audio_1' }), 'videoId');
    await rejectsLocally(() => client.addAudio('video_1', { audioId: '' }), 'audioId');
    await rejectsLocally(() => client.getAvatar(''), 'id');
    await rejectsLocally(() => client.deleteVideo(' '), 'id');
    await rejectsLocally(() => client.listAvatars({ limit: 101 }), 'limit');
    await rejectsLocally(() => client.listAvatars({ offset: -1 }), 'offset');
    await rejectsLocally(() => client.listAvatars({ status: 'done' as never }), 'status');
    await rejectsLocally(() => client.listVideos({ limit: 0 }), 'limit');
    await rejectsLocally(() => client.updateVideo('video_1', {}), 'patch');
  });

  it('accepts the edges of every range and sends them', async () => {
    const before = server.requests.length;
    await client.generateAvatar({ prompt: 'k', guidanceScale: 1, seed: 2_147_483_647, batchSize: 1 });
    await client.generateAvatar({ prompt: 'k', guidanceScale: 20, seed: 0, batchSize: 4 });
    server.script(
      json(200, { id: 'video_1', status: 'queued' }),
      json(200, { id: 'video_2', status: 'queued' }),
      json(200, { id: 'video_3', status: 'queued' }),
    );
    await client.createVideo({ imageId: 'avatar_1', durationSeconds: 3 });
    await client.createVideo({ imageId: 'avatar_1', durationSeconds: 10, fps: 24, outputFormat: 'webm' });
    await client.createVideo({
      imageId: 'avatar_1',
      durationSeconds: 30,
      studioTier: 'reality-lab',
      fps: 60,
      outputFormat: 'mov',
      motionStyle: 'dynamic',
    });
    expect(server.requests.length - before).toBe(5);
  });
});
