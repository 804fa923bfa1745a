import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../sandbox/percify/sim/image-probe.js';
import { makeImage } from './media-fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percify-image-probe-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readImageHeader', () => {
  it.each([
    ['png', 'a.png', []],
    ['jpeg', 'a.jpg', []],
    ['webp', 'lossy.webp', []],
    ['webp', 'lossless.webp', ['-lossless', '1']],
  ] as const)('reads %s (%s) sizes from real files made by ffmpeg', async (format, name, extra) => {
    const bytes = await makeImage(dir, name, 333, 517, [...extra]);
    expect(readImageHeader(bytes)).toEqual({ format, width: 333, height: 517 });
  });

  it('knows nothing of other files or of a header cut short', async () => {
    const png = await makeImage(dir, 'cut.png', 300, 300);
    expect(readImageHeader(png.subarray(0, 20))).toBeUndefined();
    expect(readImageHeader(Buffer.from('GIF89a........'))).toBeUndefined();
    expect(readImageHeader(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(readImageHeader(Buffer.alloc(0))).toBeUndefined();
  });
});
