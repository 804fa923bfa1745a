import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from './ffmpeg.js';

export interface ClipRequest {
  /** The still, at least MARGIN times the frame size so the camera has room to move. */
  png: Buffer;
  width: number;
  height: number;
  durationSeconds: number;
  fps: number;
  motionStyle: 'subtle' | 'moderate' | 'dynamic';
  format: 'mp4' | 'webm' | 'mov';
  /** An MP3 to mux in (add-audio re-render). */
  audio?: Buffer;
}
export interface RenderedClip {
  video: Buffer;
  thumbnailJpeg: Buffer;
}

/** The still is rendered this much larger than the frame; the crop window wanders inside it. */
export const MARGIN = 1.26;

/** How far the camera drifts, as a share of the 25 % margin, and how fast (seconds per sway). */
const MOTION = { subtle: [0.3, 6], moderate: [0.7, 4], dynamic: [1, 2] } as const;

const VIDEO_CODECS: Record<ClipRequest['format'], string[]> = {
  mp4: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
  webm: [
    '-c:v',
    'libvpx-vp9',
    '-b:v',
    '0',
    '-crf',
    '45',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-pix_fmt',
    'yuv420p',
  ],
  mov: ['-c:v', 'prores_ks', '-profile:v', '0', '-pix_fmt', 'yuv422p10le'],
};
const AUDIO_CODECS: Record<ClipRequest['format'], string[]> = {
  mp4: ['-c:a', 'aac', '-b:a', '96k'],
  webm: ['-c:a', 'libopus', '-b:a', '64k'],
  mov: ['-c:a', 'aac', '-b:a', '96k'],
};

/** The avatar still, panned and zoomed so it visibly moves, encoded as the requested container. */
export async function renderClip(request: ClipRequest): Promise<RenderedClip> {
  const dir = await mkdtemp(join(tmpdir(), 'percify-sim-'));
  try {
    const input = join(dir, 'in.png');
    const output = join(dir, `out.${request.format}`);
    const thumb = join(dir, 'thumb.jpg');
    await writeFile(input, request.png);
    const [amount, period] = MOTION[request.motionStyle];
    const w = request.width;
    const h = request.height;
    const sway = (axis: string, wave: string): string =>
      `(${axis === 'x' ? 'iw-ow' : 'ih-oh'})/2*(1+${amount}*${wave}(2*PI*t/${period}))`;
    const filter = [
      `crop=${w}:${h}:x='${sway('x', 'sin')}':y='${sway('y', 'cos')}'`,
      `fps=${request.fps}`,
    ].join(',');
    // -t on the looped input too: otherwise the endless still keeps ffmpeg alive after the outputs end.
    const seconds = String(request.durationSeconds);
    const args = ['-loop', '1', '-framerate', String(request.fps), '-t', seconds, '-i', input];
    if (request.audio) {
      const audio = join(dir, 'speech.mp3');
      await writeFile(audio, request.audio);
      args.push('-i', audio);
    }
    args.push('-t', seconds, '-vf', filter, '-map', '0:v');
    args.push(...VIDEO_CODECS[request.format]);
    if (request.audio) args.push('-map', '1:a', '-af', 'apad', ...AUDIO_CODECS[request.format]);
    args.push(output);
    args.push(
      '-map',
      '0:v',
      '-frames:v',
      '1',
      '-vf',
      `scale=${even(Math.min(w, 480))}:-2`,
      '-q:v',
      '5',
      thumb,
    );
    await runFfmpeg(args);
    return { video: await readFile(output), thumbnailJpeg: await readFile(thumb) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A speech-like tone (wobbling pitch and volume) as MP3; no TTS engine offline. */
export async function renderSpeechMp3(durationSeconds: number, seed: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'percify-sim-'));
  try {
    const output = join(dir, 'speech.mp3');
    const base = 140 + (seed % 120);
    await runFfmpeg([
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${base}:sample_rate=22050:duration=${durationSeconds}`,
      '-af',
      'tremolo=f=4:d=0.8,vibrato=f=3:d=0.4',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '48k',
      output,
    ]);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const even = (value: number): number => Math.max(16, 2 * Math.round(value / 2));
