import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, formOf, settle, startSim, upload, type Simulator } from './helpers.js';
import { makeImage } from './media-fixtures.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let sim: Simulator;
let dir: string;
let receiver: Server;
const events: Array<{ type: string; data: Record<string, unknown> }> = [];

const photoForm = (bytes: Buffer, name = 'me.png', type = 'image/png', fields = {}): FormData =>
  formOf({ style: 'cyberpunk', prompt: 'me as a neon hacker', ...fields }, { image: [bytes, name, type] });

/** Nothing billed and nothing held: the balance and the reservation are both as before. */
async function expectNothingSpent(before: number, avatarsBefore: number): Promise<void> {
  expect(sim.credits()).toBe(before);
  expect((await call(sim, 'GET', '/user/credits/balance')).body.reserved).toBe(0);
  expect(sim.avatars()).toHaveLength(avatarsBefore);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percify-yourself-test-'));
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
  sim = await startSim({ webhookUrl: `http://127.0.0.1:${port}/hooks`, webhookSecret: 'whsec_photo' });
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('POST /avatars/percify-yourself', () => {
  it('turns a real PNG into an avatar that completes with a PNG, billed 10, with avatar.completed', async () => {
    const before = sim.credits();
    const photo = await makeImage(dir, 'me.png', 640, 480);
    const created = await upload(sim, '/avatars/percify-yourself', photoForm(photo));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      creditCost: 10,
      stylePreset: 'cyberpunk',
      prompt: 'me as a neon hacker',
    });
    expect(['queued', 'processing']).toContain(created.body.status);
    const id = String(created.body.id);
    expect(id).toMatch(/^avatar_[a-z0-9]{12}$/);

    const done = await settle(sim, `/avatars/${id}`);
    expect(done).toMatchObject({ status: 'completed', width: 1024, height: 1024, creditCost: 10 });
    const image = Buffer.from(await (await fetch(String(done.imageUrl))).arrayBuffer());
    expect(image.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(before - sim.credits()).toBe(10);
    await expect
      .poll(() => events.find((event) => event.data.avatarId === id))
      .toMatchObject({
        type: 'avatar.completed',
        data: { status: 'completed', creditCost: 10, imageUrl: done.imageUrl },
      });
  });

  it('accepts JPEG and WebP, recognised by their bytes whatever type the client declares', async () => {
    for (const name of ['me.jpg', 'me.webp']) {
      const bytes = await makeImage(dir, name, 600, 800);
      const answer = await upload(
        sim,
        '/avatars/percify-yourself',
        photoForm(bytes, name, 'application/octet-stream'),
      );
      expect(answer.status, name).toBe(200);
      // Settled here so its debit does not land inside the next test's "nothing spent".
      expect((await settle(sim, `/avatars/${String(answer.body.id)}`)).status).toBe('completed');
    }
  });

  it('refuses a file that is not a picture, a PNG named photo.png included, and spends nothing', async () => {
    const before = sim.credits();
    const count = sim.avatars().length;
    const notAnImage = Buffer.from('GIF89a this is not what Percify takes');
    const answer = await upload(sim, '/avatars/percify-yourself', photoForm(notAnImage, 'photo.png'));
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      code: 'invalid_image',
      details: { field: 'image', reason: 'unsupported_format', accepted: ['png', 'jpeg', 'webp'] },
    });
    await expectNothingSpent(before, count);
  });

  it('refuses a file over 10 MB and a picture over 4096 px, naming the limits, and spends nothing', async () => {
    const before = sim.credits();
    const count = sim.avatars().length;
    const photo = await makeImage(dir, 'small.png', 300, 300);
    const heavy = Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024)]);
    const tooHeavy = await upload(sim, '/avatars/percify-yourself', photoForm(heavy));
    expect(tooHeavy.status).toBe(400);
    expect(errorOf(tooHeavy)).toMatchObject({
      code: 'invalid_image',
      details: { reason: 'file_too_large', size: heavy.length, maxBytes: 10 * 1024 * 1024 },
    });

    const wide = await makeImage(dir, 'wide.png', 4100, 300);
    const tooWide = await upload(sim, '/avatars/percify-yourself', photoForm(wide));
    expect(tooWide.status).toBe(400);
    expect(errorOf(tooWide)).toMatchObject({
      code: 'invalid_image',
      details: { reason: 'dimensions', width: 4100, height: 300, maxSide: 4096, minSide: 256 },
    });
    await expectNothingSpent(before, count);
  });

  it('answers a body over the upload cap with 413, not a bare 500', async () => {
    const answer = await upload(sim, '/avatars/percify-yourself', photoForm(Buffer.alloc(17 * 1024 * 1024)));
    expect(answer.status).toBe(413);
    expect(errorOf(answer).code).toBe('invalid_request');
  });

  it('refuses a missing image, an unknown style and a JSON body with invalid_request', async () => {
    const photo = await makeImage(dir, 'ok.png', 400, 400);
    const missing = await upload(sim, '/avatars/percify-yourself', formOf({ style: 'anime' }));
    expect(errorOf(missing)).toMatchObject({ code: 'invalid_request', details: { field: 'image' } });
    const style = await upload(
      sim,
      '/avatars/percify-yourself',
      photoForm(photo, 'ok.png', 'image/png', { style: 'gothic' }),
    );
    expect(errorOf(style)).toMatchObject({ code: 'invalid_request', details: { field: 'style' } });
    const json = await call(sim, 'POST', '/avatars/percify-yourself', {
      image: 'data:image/png;base64,AAAA',
    });
    expect(json.status).toBe(400);
    expect(errorOf(json).code).toBe('invalid_request');
  });

  it('a photo avatar that fails is not billed and sends avatar.failed, as any avatar', async () => {
    const before = sim.credits();
    const photo = await makeImage(dir, 'doomed.png', 400, 400);
    sim.faults.failNextGenerations = 1;
    const created = await upload(sim, '/avatars/percify-yourself', photoForm(photo));
    const id = String(created.body.id);
    expect((await settle(sim, `/avatars/${id}`)).status).toBe('failed');
    expect(sim.credits()).toBe(before);
    await expect.poll(() => events.find((event) => event.data.avatarId === id)?.type).toBe('avatar.failed');
  });

  it('answers insufficient_credits when 10 are not available', async () => {
    const poor = await startSim({ initialCredits: 9 });
    try {
      const photo = await makeImage(dir, 'poor.png', 400, 400);
      const answer = await upload(poor, '/avatars/percify-yourself', photoForm(photo));
      expect(answer.status).toBe(402);
      expect(errorOf(answer)).toMatchObject({
        code: 'insufficient_credits',
        details: { required: 10, available: 9, shortfall: 1 },
      });
      expect(poor.avatars()).toHaveLength(0);
    } finally {
      await poor.close();
    }
  });
});
