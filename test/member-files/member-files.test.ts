import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordFileOrigins } from '../../src/services/member-files/discord-cdn.js';
import { MemberFiles } from '../../src/services/member-files/member-file.js';
import { checkPhotoBytes, PhotoRefusal } from '../../src/services/member-files/photo-check.js';
import { checkSample, SampleRefusal } from '../../src/services/member-files/voice-sample-check.js';
import { CloneWaits } from '../../src/services/voices/clone-waits.js';
import { makeImage, makeTone } from '../sandbox/percify/media-fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'member-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('where member files come from', () => {
  it("is Discord's CDN, plus the Discord API the bot is pointed at (the emulator in a sandbox)", () => {
    expect(discordFileOrigins(undefined)).toEqual([
      'https://cdn.discordapp.com',
      'https://media.discordapp.net',
    ]);
    expect(discordFileOrigins('http://127.0.0.1:4567/api')).toContain('http://127.0.0.1:4567');
  });

  it('refuses any other host without fetching it', async () => {
    const files = new MemberFiles(discordFileOrigins(undefined));
    await expect(
      files.fetch({ url: 'http://169.254.169.254/latest', name: 'x.png' }, 1000),
    ).rejects.toMatchObject({
      code: 'media_origin_not_allowed',
    });
  });
});

describe('photo checks', () => {
  it('reads the size of real PNG, JPEG and WebP files from their bytes', async () => {
    const [png, jpeg, webp] = await Promise.all([
      makeImage(dir, 'a.png', 300, 420),
      makeImage(dir, 'a.jpg', 640, 480),
      makeImage(dir, 'a.webp', 512, 256),
    ]);
    expect(checkPhotoBytes(png)).toEqual({ format: 'png', width: 300, height: 420 });
    expect(checkPhotoBytes(jpeg)).toEqual({ format: 'jpeg', width: 640, height: 480 });
    expect(checkPhotoBytes(webp)).toEqual({ format: 'webp', width: 512, height: 256 });
  });

  it('refuses other formats and sides out of range, saying the limit', async () => {
    const gif = await makeImage(dir, 'a.gif', 300, 300);
    expect(() => checkPhotoBytes(gif)).toThrow(PhotoRefusal);
    const small = await makeImage(dir, 'small.png', 200, 300);
    expect(() => checkPhotoBytes(small)).toThrow('each side must be 256 to 4096 pixels');
  });
});

describe('voice sample checks', () => {
  it('measures the real length of each documented format', async () => {
    const samples = await Promise.all(
      ['wav', 'mp3', 'flac', 'm4a'].map((format) => makeTone(dir, `tone.${format}`, 16)),
    );
    const checked = await Promise.all(samples.map((bytes) => checkSample(bytes)));
    expect(checked.map((sample) => sample.format)).toEqual(['wav', 'mp3', 'flac', 'm4a']);
    for (const sample of checked) expect(sample.seconds).toBeCloseTo(16, 0);
  });

  it('refuses a file that is not audio', async () => {
    await expect(checkSample(Buffer.from('hello, not a recording'))).rejects.toBeInstanceOf(SampleRefusal);
  });
});

describe('clone waits', () => {
  it('wakes a waiting clone on its voice.cloned event, and says when nobody waits', async () => {
    const waits = new CloneWaits();
    expect(waits.settle('voice_x')).toBe('unknown');
    let woken = false;
    const waiting = waits.wait('voice_x', 60_000).then(() => (woken = true));
    expect(waits.settle('voice_x')).toBe('handled');
    await waiting;
    expect(woken).toBe(true);
    expect(waits.settle('voice_x')).toBe('unknown');
  });
});
