import { isoSeconds } from './ids.js';
import { renderPortraitPng } from './media-png.js';
import { even, MARGIN, renderClip } from './media-video.js';
import { portraitOf } from './avatar-jobs.js';
import type { SimAudio, SimContext, SimVideo } from './types.js';

const CONTENT_TYPES = { mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime' } as const;

/** Frame size: the shorter side is 720 (basic) or 1080 (reality-lab), times `mediaScale`. */
export function frameSize(context: SimContext, video: SimVideo, aspect: { width: number; height: number }) {
  const short = (video.resolution === '1080p' ? 1080 : 720) * context.mediaScale;
  const ratio = aspect.width / aspect.height;
  return ratio >= 1
    ? { width: even(short * ratio), height: even(short) }
    : { width: even(short), height: even(short / ratio) };
}

function fail(context: SimContext, video: SimVideo, message: string): void {
  video.status = 'failed';
  video.error = { code: 'processing_error', message };
  video.completedAt = isoSeconds(context.now());
  context.webhooks.emit('video.failed', {
    videoId: video.id,
    userId: video.userId,
    status: 'failed',
    error: video.error,
  });
}

/**
 * Ends a render: media is made only now (async ffmpeg), then the video completes and is charged
 * `charge` credits (0 for add-audio re-renders), or fails and the reservation is released.
 */
export async function finishVideo(
  context: SimContext,
  video: SimVideo,
  options: { charge: number; processingSeconds: number; audio?: SimAudio; revision: number; doomed: boolean },
): Promise<void> {
  const release = (): void => context.account.release(options.charge);
  if (!context.videos.has(video.id)) return release();
  const avatar = context.avatars.get(video.avatarId);
  if (options.doomed) {
    release();
    return fail(context, video, 'Video rendering failed');
  }
  const audioPath = options.audio?.audioUrl ? new URL(options.audio.audioUrl).pathname : undefined;
  const audioBytes = audioPath === undefined ? undefined : (await context.media.get(audioPath))?.bytes;
  try {
    if (!avatar) throw new Error('source avatar was deleted');
    const size = frameSize(context, video, avatar);
    const clip = await renderClip({
      png: await renderPortraitPng(portraitOf(avatar), size.width * MARGIN),
      ...size,
      durationSeconds: video.durationSeconds,
      fps: video.fps,
      motionStyle: video.motionStyle,
      format: video.format,
      ...(audioBytes ? { audio: audioBytes } : {}),
    });
    if (!context.videos.has(video.id)) return release();
    const suffix = options.revision > 0 ? `_v${options.revision}` : '';
    const videoPath = `/media/videos/${video.id}${suffix}.${video.format}`;
    const thumbPath = `/media/videos/${video.id}${suffix}_thumb.jpg`;
    context.media.put(videoPath, { bytes: clip.video, contentType: CONTENT_TYPES[video.format] });
    context.media.put(thumbPath, { bytes: clip.thumbnailJpeg, contentType: 'image/jpeg' });
    context.account.commit(options.charge, { type: 'video', id: video.id });
    video.status = 'completed';
    video.videoUrl = `${context.origin}${videoPath}`;
    video.thumbnailUrl = `${context.origin}${thumbPath}`;
    video.fileSize = clip.video.length;
    video.completedAt = isoSeconds(context.now());
    video.metadata = { processingTime: options.processingSeconds, renderEngine: 'video-studio-v3' };
    if (options.audio) {
      video.hasAudio = true;
      video.audioId = options.audio.id;
    }
    context.webhooks.emit('video.completed', {
      videoId: video.id,
      userId: video.userId,
      avatarId: video.avatarId,
      status: 'completed',
      videoUrl: video.videoUrl,
      thumbnailUrl: video.thumbnailUrl,
      durationSeconds: video.durationSeconds,
      creditCost: video.creditCost,
      resolution: video.resolution,
      hasAudio: video.hasAudio,
    });
  } catch (error) {
    context.logger.warn({ err: error, videoId: video.id }, 'video render failed');
    release();
    fail(context, video, 'Video rendering failed');
  }
}
