import { spawn } from 'node:child_process';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

/** Path of the bundled ffmpeg binary (there is no ffprobe: probes read `ffmpeg -i` output). */
export const FFMPEG_PATH: string = ffmpegInstaller.path;

/** At most this many ffmpeg processes at once, so rendering never starves the test machine. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function withProcessSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

function spawnFfmpeg(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG_PATH, ['-hide_banner', '-nostdin', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Keep the tail only: a long render can print a lot of progress.
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Runs ffmpeg to produce a file; rejects with the stderr tail when it fails. */
export function runFfmpeg(args: readonly string[]): Promise<void> {
  return withProcessSlot(async () => {
    const { code, stderr } = await spawnFfmpeg(['-y', '-loglevel', 'error', ...args]);
    if (code !== 0) throw new FfmpegError(`ffmpeg exited with ${String(code)}`, stderr.slice(-2000));
  });
}

export interface MediaProbe {
  durationSeconds: number | undefined;
  video: { codec: string; width: number; height: number; fps: number | undefined } | undefined;
  audio: { codec: string } | undefined;
}

/** Reads duration and streams from `ffmpeg -i <file>` (which exits 1 because no output is given). */
export async function probeMedia(file: string): Promise<MediaProbe> {
  const { stderr } = await spawnFfmpeg(['-i', file]);
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const video = /Stream #\S+.*?: Video: (\w+).*?, (\d{2,5})x(\d{2,5})(?:[ ,].*?(\d+(?:\.\d+)?) fps)?/.exec(
    stderr,
  );
  const audio = /Stream #\S+.*?: Audio: (\w+)/.exec(stderr);
  return {
    durationSeconds: duration
      ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
      : undefined,
    video: video
      ? {
          codec: video[1] ?? '',
          width: Number(video[2]),
          height: Number(video[3]),
          fps: video[4] === undefined ? undefined : Number(video[4]),
        }
      : undefined,
    audio: audio ? { codec: audio[1] ?? '' } : undefined,
  };
}
