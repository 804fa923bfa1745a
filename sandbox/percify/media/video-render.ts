import type { AspectRatio, MotionStyle, VideoFormat } from '../types.js';
import { runFfmpeg } from './ffmpeg.js';

/**
 * Turns an avatar PNG into a clip where the image visibly moves (a slow zoom and drift, stronger for
 * 'dynamic'), and muxes speech into an existing clip. One input frame with zoompan `d=<frames>` is used
 * instead of a looped input: the PNG is decoded and scaled once, which is several times faster.
 */

export interface FrameSize {
  width: number;
  height: number;
}

const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);

/**
 * "720p"/"1080p" name the short side; the long side follows the avatar's nominal aspect ratio, so a
 * 16:9 avatar gives 1280x720 (the docs' Basic size). `scale` shrinks the frame for tests.
 */
export function videoFrameSize(aspectRatio: AspectRatio, shortSide: number, scale: number): FrameSize {
  const [across = 1, down = 1] = aspectRatio.split(':').map(Number);
  const short = shortSide * scale;
  return across >= down
    ? { width: even((short * across) / down), height: even(short) }
    : { width: even(short), height: even((short * down) / across) };
}

const MOTION: Record<MotionStyle, { zoom: number; swing: number; periodSeconds: number; drift: number }> = {
  subtle: { zoom: 1.04, swing: 0.015, periodSeconds: 4, drift: 0.4 },
  moderate: { zoom: 1.1, swing: 0.05, periodSeconds: 3, drift: 0.7 },
  dynamic: { zoom: 1.2, swing: 0.12, periodSeconds: 1.6, drift: 1 },
};

const ENCODERS: Record<VideoFormat, string[]> = {
  mp4: [
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
  ],
  webm: [
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    '1M',
    '-pix_fmt',
    'yuv420p',
  ],
  // The 'prores' encoder is about three times cheaper than prores_ks; proxy profile keeps files small.
  mov: ['-c:v', 'prores', '-profile:v', '0', '-pix_fmt', 'yuv422p10le'],
};

export interface RenderClipInput {
  imageFile: string;
  outputFile: string;
  frame: FrameSize;
  durationSeconds: number;
  fps: number;
  motionStyle: MotionStyle;
  format: VideoFormat;
}

export async function renderClip(input: RenderClipInput): Promise<void> {
  const { frame, fps, durationSeconds } = input;
  const motion = MOTION[input.motionStyle];
  const frames = Math.round(durationSeconds * fps);
  const period = (motion.periodSeconds * fps).toFixed(2);
  // zoompan clamps x/y to the image, so the drift is expressed as a share of the free margin.
  const zoompan = [
    `z='${motion.zoom}+${motion.swing}*sin(2*PI*on/${period})'`,
    `x='(iw-iw/zoom)/2*(1+${motion.drift}*sin(2*PI*on/(${period}*1.7)))'`,
    `y='(ih-ih/zoom)/2*(1+${motion.drift}*cos(2*PI*on/(${period}*2.3)))'`,
    `d=${frames}`,
    `s=${frame.width}x${frame.height}`,
    `fps=${fps}`,
  ].join(':');
  // Cover-fit the avatar (its pixel ratio differs slightly from the nominal one), with a margin to pan in.
  const [padW, padH] = [even(frame.width * 1.25), even(frame.height * 1.25)];
  const filter = `scale=${padW}:${padH}:force_original_aspect_ratio=increase,crop=${padW}:${padH},zoompan=${zoompan}`;
  await runFfmpeg([
    '-i',
    input.imageFile,
    '-vf',
    filter,
    '-r',
    String(fps),
    '-t',
    String(durationSeconds),
    ...ENCODERS[input.format],
    input.outputFile,
  ]);
}

/** A real JPEG poster for `{id}_thumb.jpg`, from the same avatar image at the clip's frame size. */
export async function renderPoster(imageFile: string, outputFile: string, frame: FrameSize): Promise<void> {
  await runFfmpeg([
    '-i',
    imageFile,
    '-vf',
    `scale=${frame.width}:${frame.height}`,
    '-frames:v',
    '1',
    '-q:v',
    '4',
    outputFile,
  ]);
}

const AUDIO_CODECS: Record<VideoFormat, string[]> = {
  mp4: ['-c:a', 'aac', '-b:a', '96k'],
  webm: ['-c:a', 'libopus', '-b:a', '64k'],
  mov: ['-c:a', 'aac', '-b:a', '96k'],
};

/**
 * Copies the video stream and adds the speech track, padded with silence or cut so the clip keeps
 * its length (what a lip-synced re-render would deliver).
 */
export async function muxAudio(
  videoFile: string,
  audioFile: string,
  outputFile: string,
  format: VideoFormat,
  durationSeconds: number,
): Promise<void> {
  await runFfmpeg([
    '-i',
    videoFile,
    '-i',
    audioFile,
    '-filter_complex',
    '[1:a]apad[speech]',
    '-map',
    '0:v',
    '-map',
    '[speech]',
    '-c:v',
    'copy',
    ...AUDIO_CODECS[format],
    '-t',
    String(durationSeconds),
    ...(format === 'webm' ? [] : ['-movflags', '+faststart']),
    outputFile,
  ]);
}
