import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

/** Real media files for upload tests, made with the ffmpeg the project depends on, in `dir`. */

async function ffmpeg(args: string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegInstaller.path, ['-hide_banner', '-nostdin', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}: ${stderr}`))));
  });
}

/** A still picture (`.png`, `.jpg` or `.webp`, chosen by the name) of `width` x `height`; `extra`: encoder options. */
export async function makeImage(
  dir: string,
  name: string,
  width: number,
  height: number,
  extra: string[] = [],
): Promise<Buffer> {
  const file = join(dir, name);
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=${width}x${height}:rate=1`,
    '-frames:v',
    '1',
    ...extra,
    file,
  ]);
  return readFile(file);
}

/** A 440 Hz mono tone of `seconds`, encoded as the name's extension (`.wav`, `.mp3`, …). */
export async function makeTone(
  dir: string,
  name: string,
  seconds: number,
  sampleRate = 44100,
): Promise<Buffer> {
  const file = join(dir, name);
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-ar',
    String(sampleRate),
    '-ac',
    '1',
    file,
  ]);
  return readFile(file);
}
