import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from './errors.js';
import { runFfmpeg } from './ffmpeg.js';

/** Docs §5.2: 15 s minimum, 30-60 s recommended, 5 min maximum; OpenAPI: at most 10 MB. */
export const SAMPLE_LIMITS = { minimum: 15, recommended: 30, maximum: 300, maxBytes: 10 * 1024 * 1024 };

export type SampleFormat = 'wav' | 'mp3' | 'flac' | 'm4a';
const CONTENT_TYPES: Record<SampleFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
};
export const sampleContentType = (format: SampleFormat): string => CONTENT_TYPES[format];

const invalidSample = (message: string, details: Record<string, unknown>): ApiError =>
  new ApiError(400, 'invalid_audio_sample', message, details);

/** The documented containers, by magic bytes: the declared type and file name are not trusted. */
export function sampleFormat(bytes: Buffer): SampleFormat | undefined {
  const ascii = (start: number, end: number): string => bytes.subarray(start, end).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(4, 8) === 'ftyp') return 'm4a';
  // An ID3 tag, or straight into an MPEG audio frame (11 sync bits).
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  return undefined;
}

/** Throws `invalid_audio_sample` for a file too big or of a format Percify does not take. */
export function checkSampleFile(bytes: Buffer): SampleFormat {
  if (bytes.length > SAMPLE_LIMITS.maxBytes) {
    throw invalidSample(
      `Audio sample is too large: ${bytes.length} bytes, at most ${SAMPLE_LIMITS.maxBytes}`,
      {
        reason: 'file_too_large',
        size: bytes.length,
        maxBytes: SAMPLE_LIMITS.maxBytes,
      },
    );
  }
  const format = sampleFormat(bytes);
  if (!format) {
    throw invalidSample('Audio sample must be a WAV, MP3, FLAC or M4A file', {
      reason: 'unsupported_format',
      accepted: ['wav', 'mp3', 'flac', 'm4a'],
    });
  }
  return format;
}

/**
 * The sample's real length: ffmpeg decodes the whole first audio stream and its last progress line
 * says how much it decoded. A header's "Duration" is only an estimate for MP3 without a Xing frame,
 * and a client could lie in it. ffmpeg reads from a file because M4A needs to seek.
 */
export async function measureSeconds(bytes: Buffer, format: SampleFormat): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'percify-sim-sample-'));
  try {
    const file = join(dir, `sample.${format}`);
    await writeFile(file, bytes);
    const stderr = await runFfmpeg(['-i', file, '-map', '0:a:0', '-f', 'null', '-']).catch(() => undefined);
    const times = stderr === undefined ? [] : [...stderr.matchAll(/time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/g)];
    const last = times.at(-1);
    if (!last) {
      throw invalidSample('Audio sample could not be decoded', { reason: 'unreadable' });
    }
    const seconds = Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]);
    return Math.round(seconds * 100) / 100;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Throws the documented `invalid_audio_sample` details for a sample outside 15 s to 5 min. */
export function checkSampleLength(duration: number): void {
  const { minimum, recommended, maximum } = SAMPLE_LIMITS;
  if (duration < minimum) {
    throw invalidSample(
      `Audio sample is too short: ${duration} seconds. At least ${minimum} seconds are needed, ${recommended} or more recommended`,
      { duration, minimum, recommended },
    );
  }
  if (duration > maximum) {
    throw invalidSample(`Audio sample is too long: ${duration} seconds, at most ${maximum}`, {
      duration,
      minimum,
      maximum,
      recommended,
    });
  }
}
