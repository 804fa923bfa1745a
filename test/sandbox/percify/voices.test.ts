import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, formOf, startSim, upload, type Simulator } from './helpers.js';
import { makeTone } from './media-fixtures.js';

let sim: Simulator;
let dir: string;
let receiver: Server;
let tone20: Buffer;
const events: Array<{ type: string; data: Record<string, unknown> }> = [];

const cloneForm = (bytes: Buffer, fields: Record<string, string> = {}, field = 'audio'): FormData =>
  formOf({ name: 'My voice', ...fields }, { [field]: [bytes, 'sample.wav', 'audio/wav'] });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percify-voices-test-'));
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as (typeof events)[number]);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  sim = await startSim({ webhookUrl: `http://127.0.0.1:${port}/hooks`, webhookSecret: 'whsec_voices' });
  tone20 = await makeTone(dir, 'tone20.wav', 20);
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('POST /voices/clone', () => {
  it('clones a real 20 s sample: completed at once, billed 5, measured, and voice.cloned sent', async () => {
    const before = sim.credits();
    const answer = await upload(sim, '/voices/clone', cloneForm(tone20, { language: 'fr-fr' }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      name: 'My voice',
      language: 'fr-FR',
      status: 'completed',
      creditCost: 5,
    });
    expect(answer.body.id).toMatch(/^voice_[a-z0-9]{12}$/);
    expect(answer.body.sampleDuration).toBeCloseTo(20, 1);
    expect(typeof answer.body.createdAt).toBe('string');
    expect(before - sim.credits()).toBe(5);
    expect(sim.voices().map((voice) => voice.id)).toContain(answer.body.id);
    await expect
      .poll(() => events.find((event) => event.data.voiceId === answer.body.id))
      .toMatchObject({
        type: 'voice.cloned',
        data: { name: 'My voice', language: 'fr-FR', status: 'completed', creditCost: 5 },
      });
    const sample = await fetch(String(answer.body.sampleUrl));
    expect(Buffer.from(await sample.arrayBuffer()).equals(tone20)).toBe(true);
  });

  it("takes the sample as `audioFile` too (the OpenAPI file's name) and from an MP3", async () => {
    const mp3 = await makeTone(dir, 'tone16.mp3', 16);
    const answer = await upload(sim, '/voices/clone', cloneForm(mp3, {}, 'audioFile'));
    expect(answer.status).toBe(200);
    expect(answer.body.sampleDuration).toBeGreaterThanOrEqual(15);
    expect(answer.body.language).toBe('en-US');
  });

  it('refuses an 8 s sample with the documented details and spends nothing', async () => {
    const before = sim.credits();
    const count = sim.voices().length;
    const short = await makeTone(dir, 'tone8.wav', 8);
    const answer = await upload(sim, '/voices/clone', cloneForm(short));
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      code: 'invalid_audio_sample',
      details: { duration: 8, minimum: 15, recommended: 30 },
    });
    expect(errorOf(answer).message).toContain('too short');
    expect(sim.credits()).toBe(before);
    expect((await call(sim, 'GET', '/user/credits/balance')).body.reserved).toBe(0);
    expect(sim.voices()).toHaveLength(count);
  });

  it('refuses a sample over 5 minutes, a file that is not audio, and an unknown language', async () => {
    // FLAC at 8 kHz: five minutes encode in a blink and stay well under the 10 MB file limit.
    const long = await makeTone(dir, 'tone301.flac', 301, 8000);
    const tooLong = await upload(sim, '/voices/clone', cloneForm(long));
    expect(errorOf(tooLong)).toMatchObject({
      code: 'invalid_audio_sample',
      details: { minimum: 15, maximum: 300, recommended: 30 },
    });
    expect(errorOf(tooLong).details?.duration).toBeGreaterThan(300);

    const text = await upload(sim, '/voices/clone', cloneForm(Buffer.from('just some text, not a sample')));
    expect(errorOf(text)).toMatchObject({
      code: 'invalid_audio_sample',
      details: { reason: 'unsupported_format' },
    });

    const klingon = await upload(sim, '/voices/clone', cloneForm(tone20, { language: 'tlh-QO' }));
    expect(klingon.status).toBe(400);
    expect(errorOf(klingon)).toMatchObject({ code: 'unsupported_language', details: { language: 'tlh-QO' } });
    expect(errorOf(klingon).details?.supported).toHaveLength(29);
  });

  it('requires a name and a file part', async () => {
    const noName = await upload(sim, '/voices/clone', formOf({}, { audio: [tone20, 's.wav', 'audio/wav'] }));
    expect(errorOf(noName)).toMatchObject({ code: 'invalid_request', details: { field: 'name' } });
    const noFile = await upload(sim, '/voices/clone', formOf({ name: 'x', audio: 'not a file' }));
    expect(errorOf(noFile)).toMatchObject({ code: 'invalid_request', details: { field: 'audio' } });
  });

  it('answers insufficient_credits when 5 are not available, before measuring anything', async () => {
    const poor = await startSim({ initialCredits: 4 });
    try {
      const answer = await upload(poor, '/voices/clone', cloneForm(tone20));
      expect(answer.status).toBe(402);
      expect(errorOf(answer)).toMatchObject({
        code: 'insufficient_credits',
        details: { required: 5, available: 4 },
      });
    } finally {
      await poor.close();
    }
  });
});

describe('a cloned voice', () => {
  it('is listed and fetched, speaks in /audio/generate, and once deleted is voice_not_found', async () => {
    const created = await upload(sim, '/voices/clone', cloneForm(tone20, { name: 'Reader' }));
    const id = String(created.body.id);
    const listed = (await call(sim, 'GET', '/voices')).body.voices as Array<{ id: string }>;
    expect(listed.map((voice) => voice.id)).toEqual(expect.arrayContaining(['preset-narrator', id]));
    expect((await call(sim, 'GET', `/voices/${id}`)).body).toMatchObject({ id, name: 'Reader' });

    const spoken = await call(sim, 'POST', '/audio/generate', { text: 'hello from my voice', voiceId: id });
    expect(spoken.status).toBe(200);
    expect(spoken.body.voiceId).toBe(id);

    expect((await call(sim, 'DELETE', `/voices/${id}`)).body).toEqual({ success: true });
    for (const answer of [
      await call(sim, 'GET', `/voices/${id}`),
      await call(sim, 'POST', '/audio/generate', { text: 'hello again', voiceId: id }),
      await call(sim, 'DELETE', `/voices/${id}`),
    ]) {
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toMatchObject({ code: 'voice_not_found', details: { voiceId: id } });
    }
    expect(sim.voices().map((voice) => voice.id)).not.toContain(id);
  });

  it('an unknown voice id is refused by /audio/generate and a preset cannot be deleted', async () => {
    const unknown = await call(sim, 'POST', '/audio/generate', { text: 'hi', voiceId: 'voice_nobody000000' });
    expect(errorOf(unknown).code).toBe('voice_not_found');
    const preset = await call(sim, 'DELETE', '/voices/preset-narrator');
    expect(preset.status).toBe(400);
    expect((await call(sim, 'GET', '/voices/preset-narrator')).status).toBe(200);
  });
});
