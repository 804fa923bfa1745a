import { spawn } from 'node:child_process';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

export const FFMPEG_PATH: string = ffmpegInstaller.path;
const MAX_PARALLEL = 2;

let running = 0;
const waiting: Array<() => void> = [];

/** Runs ffmpeg off the event loop, at most two at once (CI has 2 shared cores). Resolves with stderr. */
export async function runFfmpeg(args: string[]): Promise<string> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = spawn(FFMPEG_PATH, ['-hide_banner', '-nostdin', '-y', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-8000);
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(stderr);
        else reject(new Error(`ffmpeg exited with ${code}: ${stderr.slice(-600)}`));
      });
    });
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
