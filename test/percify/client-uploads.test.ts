import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PercifyClient } from '../../src/services/percify/client.js';
import { json, startScriptedServer, type ScriptedServer } from './scripted-server.js';

// The multipart calls: Percify Yourself and voice cloning, with the docs' two names for the sample.

let server: ScriptedServer;
let client: PercifyClient;

beforeEach(async () => {
  server = await startScriptedServer();
  client = new PercifyClient({ baseUrl: server.url, apiKey: 'test-key', maxRetries: 0 });
});
afterEach(async () => {
  await client.close();
  await server.close();
});

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const wav = Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1');

/** The part names of a multipart body, in order. */
const partNames = (body: string): string[] =>
  [...body.matchAll(/; name="([^"]+)"/g)].map((match) => match[1]!);

describe('multipart uploads', () => {
  it('sends the photo, style and prompt of Percify Yourself as multipart, with the idempotency key', async () => {
    server.script(json(200, { id: 'avatar_1', status: 'queued', prompt: 'smiling' }));
    const avatar = await client.percifyYourself({
      image: { bytes: png, fileName: 'photo.png', contentType: 'image/png' },
      style: 'anime',
      prompt: 'smiling',
      idempotencyKey: 'job-1',
    });
    expect(avatar.id).toBe('avatar_1');
    const request = server.requests[0]!;
    expect(request.url).toMatch(/\/avatars\/percify-yourself$/);
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers['idempotency-key']).toBe('job-1');
    expect(partNames(request.body)).toEqual(['image', 'style', 'prompt']);
    expect(request.body).toContain('filename="photo.png"');
    expect(request.body).toContain('Content-Type: image/png');
  });

  it('sends the sample as `audio`, and again as `audioFile` when Percify asks for that name', async () => {
    server.script(
      json(400, {
        error: { code: 'invalid_request', message: 'audioFile is required', details: { field: 'audioFile' } },
      }),
      json(200, { id: 'voice_1', name: 'Me', status: 'completed', sampleDuration: 20, creditCost: 5 }),
    );
    const voice = await client.cloneVoice({
      sample: { bytes: wav, fileName: 'sample.wav', contentType: 'audio/wav' },
      name: 'Me',
    });
    expect(voice).toMatchObject({ id: 'voice_1', status: 'completed', sampleDuration: 20, creditCost: 5 });
    expect(partNames(server.requests[0]!.body)).toEqual(['audio', 'name']);
    expect(partNames(server.requests[1]!.body)).toEqual(['audioFile', 'name']);
  });

  it('does not send a refused sample twice for any other reason', async () => {
    server.script(
      json(400, {
        error: {
          code: 'invalid_audio_sample',
          message: 'Audio sample is too short',
          details: { duration: 8, minimum: 15 },
        },
      }),
    );
    await expect(
      client.cloneVoice({
        sample: { bytes: wav, fileName: 'sample.wav', contentType: 'audio/wav' },
        name: 'Me',
      }),
    ).rejects.toMatchObject({ code: 'invalid_audio_sample', details: { duration: 8, minimum: 15 } });
    expect(server.requests).toHaveLength(1);
  });
});
