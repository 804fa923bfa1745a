import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, completedAvatar, settle, startSim, type Simulator } from './helpers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SCALE = 0.25;
let sim: Simulator;
let dir: string;

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** What `ffmpeg -i` says about a file (there is no ffprobe): duration, frame size, audio stream. */
async function probe(
  bytes: Buffer,
  name: string,
): Promise<{ seconds: number; width: number; height: number; audio: boolean }> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  const stderr = await new Promise<string>((resolve) => {
    const child = spawn(ffmpegInstaller.path, ['-hide_banner', '-i', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('close', () => resolve(text));
  });
  const duration = /Duration: (\d+):(\d+):([\d.]+)/.exec(stderr);
  const size = /Video: .*?, (\d{2,5})x(\d{2,5})/.exec(stderr);
  return {
    seconds: duration
      ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
      : Number.NaN,
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    audio: /Stream #.*Audio:/.test(stderr),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percify-media-test-'));
  sim = await startSim({ mediaScale: SCALE });
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('avatar images', () => {
  it.each([
    ['1:1', 1024, 1024],
    ['16:9', 1344, 768],
    ['9:16', 768, 1344],
  ])(
    '%s says %ix%i and renders a real PNG at mediaScale, and a 256 px thumbnail',
    async (aspectRatio, width, height) => {
      const avatar = await completedAvatar(sim, { aspectRatio, prompt: `portrait ${aspectRatio}` });
      expect(avatar).toMatchObject({ width, height });
      const png = await download(String(avatar.imageUrl));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBe(width * SCALE);
      expect(Math.abs(png.readUInt32BE(20) - height * SCALE)).toBeLessThanOrEqual(1);
      const thumb = await download(String(avatar.thumbnailUrl));
      expect(thumb.readUInt32BE(16)).toBe(256);
    },
  );

  it('renders at the documented size when media are not scaled', async () => {
    const fullSize = await startSim({});
    try {
      const avatar = await completedAvatar(fullSize, { aspectRatio: '16:9', prompt: 'full size' });
      const png = await download(String(avatar.imageUrl));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1344, 768]);
    } finally {
      await fullSize.close();
    }
  });

  it('is deterministic for the same prompt and seed', async () => {
    const a = await completedAvatar(sim, { prompt: 'twin', seed: 99 });
    const b = await completedAvatar(sim, { prompt: 'twin', seed: 99 });
    const c = await completedAvatar(sim, { prompt: 'twin', seed: 100 });
    const [pa, pb, pc] = await Promise.all([a, b, c].map((avatar) => download(String(avatar.imageUrl))));
    expect(pa?.equals(pb ?? Buffer.alloc(0))).toBe(true);
    expect(pa?.equals(pc ?? Buffer.alloc(0))).toBe(false);
  });
});

describe('videos', () => {
  it('renders an MP4 of the requested duration and size, then muxes speech in with add-audio', async () => {
    const avatar = await completedAvatar(sim);
    const created = await call(sim, 'POST', '/videos/from-image', { imageId: avatar.id, durationSeconds: 4 });
    const video = await settle(sim, `/videos/${String(created.body.id)}`, 60_000);
    expect(video.status).toBe('completed');
    const mp4 = await download(String(video.videoUrl));
    expect(mp4.subarray(4, 8).toString('ascii')).toBe('ftyp');
    expect(video.fileSize).toBe(mp4.length);
    const info = await probe(mp4, 'clip.mp4');
    expect(Math.abs(info.seconds - 4)).toBeLessThanOrEqual(0.5);
    expect(info.width).toBe(info.height); // 1:1 avatar
    expect(Math.abs(info.height - 720 * SCALE)).toBeLessThanOrEqual(2);
    expect(info.audio).toBe(false);
    const thumb = await download(String(video.thumbnailUrl));
    expect(thumb.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);

    const speech = await call(sim, 'POST', '/audio/generate', {
      text: 'Hello there friend',
      voiceId: 'preset-narrator',
    });
    const audio = await settle(sim, `/audio/${String(speech.body.id)}`);
    const mp3 = await download(String(audio.audioUrl));
    expect((await probe(mp3, 'speech.mp3')).audio).toBe(true);

    const before = sim.credits();
    const synced = await call(sim, 'POST', `/videos/${String(video.id)}/add-audio`, { audioId: audio.id });
    expect(synced.status).toBe(200);
    const withSound = await settle(sim, `/videos/${String(video.id)}`, 60_000);
    expect(withSound).toMatchObject({ status: 'completed', hasAudio: true, audioId: audio.id });
    expect(withSound.videoUrl).not.toBe(video.videoUrl);
    const remuxed = await probe(await download(String(withSound.videoUrl)), 'synced.mp4');
    expect(remuxed.audio).toBe(true);
    expect(sim.credits()).toBe(before);
  }, 120_000);

  it('refuses add-audio on an unfinished video (409) and for unknown audio (404)', async () => {
    const avatar = await completedAvatar(sim);
    const speech = await call(sim, 'POST', '/audio/generate', {
      text: 'Hi',
      voiceId: 'preset-friendly-female',
    });
    const audio = await settle(sim, `/audio/${String(speech.body.id)}`);
    const created = await call(sim, 'POST', '/videos/from-image', { imageId: avatar.id, durationSeconds: 3 });
    const path = `/videos/${String(created.body.id)}`;
    const early = await call(sim, 'POST', `${path}/add-audio`, { audioId: audio.id });
    expect(early.status).toBe(409);
    expect((early.body.error as { code?: string }).code).toBe('video_not_completed');
    await settle(sim, path, 60_000);
    const unknown = await call(sim, 'POST', `${path}/add-audio`, { audioId: 'audio_nope00000000' });
    expect(unknown.status).toBe(404);
    expect((unknown.body.error as { code?: string }).code).toBe('audio_not_found');
  }, 60_000);
});
