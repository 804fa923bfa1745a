import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import type { Message } from '../i18n/index.js';

/**
 * What a voice sample must be before a clone is paid for (docs §5.2): WAV, MP3, FLAC or M4A, 15 s to
 * 5 min, at most 10 MB (the OpenAPI file's limit). The length is measured by decoding the sample with
 * ffmpeg, as Percify would: a header's duration is only an estimate, and a file can lie in it.
 */
export const SAMPLE_LIMITS = {
  minSeconds: 15,
  maxSeconds: 300,
  recommendedSeconds: 30,
  maxBytes: 10 * 1024 * 1024,
};

export type SampleFormat = 'wav' | 'mp3' | 'flac' | 'm4a';

export const SAMPLE_CONTENT_TYPES: Record<SampleFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
};

/** A sample refused, with the sentence the member reads (a catalog message: `text`). */
export class SampleRefusal extends Error {
  constructor(
    readonly reason: 'type' | 'size' | 'length' | 'unreadable',
    readonly text: Message,
  ) {
    // The log reads the key and its values.
    super(`${text.key} ${JSON.stringify(text.vars ?? {})}`);
    this.name = 'SampleRefusal';
  }
}

export function checkDeclaredSample(size: number): void {
  if (size > SAMPLE_LIMITS.maxBytes) {
    throw new SampleRefusal('size', { key: 'animate.sample.tooBig' });
  }
}

export function sampleFormat(bytes: Buffer): SampleFormat | undefined {
  const ascii = (start: number, end: number): string => bytes.subarray(start, end).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(4, 8) === 'ftyp') return 'm4a';
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  return undefined;
}

export interface CheckedSample {
  format: SampleFormat;
  seconds: number;
}

export async function checkSample(bytes: Buffer): Promise<CheckedSample> {
  checkDeclaredSample(bytes.length);
  const format = sampleFormat(bytes);
  if (!format) throw new SampleRefusal('type', { key: 'animate.sample.notAudio' });
  const seconds = await measureSeconds(bytes, format);
  if (seconds < SAMPLE_LIMITS.minSeconds) {
    throw new SampleRefusal('length', {
      key: 'animate.sample.tooShort',
      vars: { seconds, min: SAMPLE_LIMITS.minSeconds, best: SAMPLE_LIMITS.recommendedSeconds },
    });
  }
  if (seconds > SAMPLE_LIMITS.maxSeconds) {
    throw new SampleRefusal('length', { key: 'animate.sample.tooLong', vars: { seconds } });
  }
  return { format, seconds };
}

/** Decodes the first audio stream to nowhere; ffmpeg's last progress line says how much it read. */
async function measureSeconds(bytes: Buffer, format: SampleFormat): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'voice-sample-'));
  try {
    // From a file: M4A needs to seek. The file lives only while it is measured.
    const file = join(dir, 'sample.' + format);
    await writeFile(file, bytes);
    const stderr = await runFfmpeg([
      '-hide_banner',
      '-nostdin',
      '-i',
      file,
      '-map',
      '0:a:0',
      '-f',
      'null',
      '-',
    ]);
    const last = [...stderr.matchAll(/time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/g)].at(-1);
    if (!last) throw new SampleRefusal('unreadable', { key: 'animate.sample.unplayable' });
    return Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runFfmpeg(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegInstaller.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-8000);
    });
    child.on('error', reject);
    // A file ffmpeg cannot decode exits non-zero: the missing time= line says so.
    child.on('close', () => resolve(stderr));
  });
}
