import { stat } from 'node:fs/promises';
import { RENDER_ENGINE, TIER_RULES, videoProcessingSeconds } from '../catalog.js';
import { isoSeconds } from '../ids.js';
import { muxAudio, renderClip, renderPoster, videoFrameSize } from '../media/video-render.js';
import type { SimState } from '../sim-state.js';
import type { AspectRatio, SimAudio, SimVideo } from '../types.js';

const videoPath = (file: string) => `/media/videos/${file}`;

/**
 * Video Studio jobs. Rendering runs alongside the simulated processing time (ffmpeg is spawned, never
 * blocking the event loop); the job completes when both are done. A render failure fails the job with
 * processing_error and releases the reserved credits.
 */
export function runVideoJob(
  state: SimState,
  video: SimVideo,
  aspectRatio: AspectRatio,
  willFail: boolean,
): void {
  video.status = 'queued';
  state.slots.acquire((release) => {
    startProcessing(state, video);
    void renderVideo(state, video, aspectRatio, willFail)
      .catch((error: unknown) => {
        state.logger.warn({ err: error, videoId: video.id }, 'video render failed');
        failVideo(state, video, 'Video rendering failed', true);
      })
      .finally(release);
  });
}

/**
 * add-audio: the same video id is re-rendered with the speech muxed in (status back to processing, then
 * completed with hasAudio, audioId and a new videoUrl). The docs leave its price open: it costs nothing here.
 */
export function runAddAudioJob(state: SimState, video: SimVideo, audio: SimAudio, willFail: boolean): void {
  video.status = 'queued';
  hideResult(video);
  state.slots.acquire((release) => {
    startProcessing(state, video);
    void remuxWithAudio(state, video, audio, willFail)
      .catch((error: unknown) => {
        state.logger.warn({ err: error, videoId: video.id }, 'add-audio render failed');
        failVideo(state, video, 'Adding audio failed', false);
      })
      .finally(release);
  });
}

function startProcessing(state: SimState, video: SimVideo): void {
  video.status = 'processing';
  state.webhooks.emit('video.processing', {
    videoId: video.id,
    userId: video.userId,
    avatarId: video.avatarId,
    status: 'processing',
  });
}

async function renderVideo(
  state: SimState,
  video: SimVideo,
  aspectRatio: AspectRatio,
  willFail: boolean,
): Promise<void> {
  const seconds = videoProcessingSeconds(video.studioTier, video.durationSeconds);
  if (willFail) {
    await state.processingDelay(seconds);
    failVideo(state, video, 'Video generation failed during processing', true);
    return;
  }
  const imageFile = state.avatarFiles.get(video.avatarId);
  if (imageFile === undefined) throw new Error(`no image file for ${video.avatarId}`);
  const frame = videoFrameSize(aspectRatio, TIER_RULES[video.studioTier].shortSide, state.mediaScale);
  const clipFile = state.media.filePath(`${video.id}.${video.format}`);
  const posterFile = state.media.filePath(`${video.id}_thumb.jpg`);
  await Promise.all([
    state.processingDelay(seconds),
    renderClip({
      imageFile,
      outputFile: clipFile,
      frame,
      durationSeconds: video.durationSeconds,
      fps: video.fps,
      motionStyle: video.motionStyle,
      format: video.format,
    }),
    renderPoster(imageFile, posterFile, frame),
  ]);
  if (state.isClosed) return;
  state.videoFiles.set(video.id, { silentFile: clipFile, currentFile: clipFile, renders: 1 });
  state.media.publish(videoPath(`${video.id}_thumb.jpg`), posterFile);
  await completeVideo(state, video, `${video.id}.${video.format}`, clipFile, seconds);
  state.credits.capture(video.creditCost);
}

async function remuxWithAudio(
  state: SimState,
  video: SimVideo,
  audio: SimAudio,
  willFail: boolean,
): Promise<void> {
  const seconds = videoProcessingSeconds(video.studioTier, video.durationSeconds);
  const files = state.videoFiles.get(video.id);
  const audioFile = state.audioFiles.get(audio.id);
  if (willFail || !files?.silentFile || audioFile === undefined) {
    await state.processingDelay(seconds);
    failVideo(state, video, 'Adding audio failed during processing', false);
    return;
  }
  files.renders += 1;
  const name = `${video.id}_v${files.renders}.${video.format}`;
  const output = state.media.filePath(name);
  await Promise.all([
    state.processingDelay(seconds),
    muxAudio(files.silentFile, audioFile, output, video.format, video.durationSeconds),
  ]);
  if (state.isClosed) return;
  files.currentFile = output;
  video.hasAudio = true;
  video.audioId = audio.id;
  await completeVideo(state, video, name, output, seconds);
}

async function completeVideo(state: SimState, video: SimVideo, name: string, file: string, seconds: number) {
  const { size } = await stat(file);
  if (state.videos.has(video.id)) state.media.publish(videoPath(name), file);
  video.status = 'completed';
  video.videoUrl = state.mediaUrl(videoPath(name));
  video.thumbnailUrl = state.mediaUrl(videoPath(`${video.id}_thumb.jpg`));
  video.fileSize = size;
  video.metadata = { processingTime: seconds, renderEngine: RENDER_ENGINE };
  video.completedAt = isoSeconds(state.now());
  delete video.error;
  state.webhooks.emit('video.completed', {
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
    audioId: video.audioId,
  });
}

function hideResult(video: SimVideo): void {
  delete video.videoUrl;
  delete video.fileSize;
  delete video.completedAt;
}

function failVideo(state: SimState, video: SimVideo, message: string, releaseCredits: boolean): void {
  if (video.status === 'failed' || video.status === 'completed') return;
  video.status = 'failed';
  hideResult(video);
  delete video.thumbnailUrl;
  video.error = { code: 'processing_error', message };
  if (releaseCredits) state.credits.release(video.creditCost);
  state.webhooks.emit('video.failed', {
    videoId: video.id,
    userId: video.userId,
    avatarId: video.avatarId,
    status: 'failed',
    error: { code: 'processing_error', message },
  });
}
