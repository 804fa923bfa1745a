import { forChannel, type I18n } from '../i18n/index.js';
import type { PercifyClient } from '../percify/client.js';
import { MediaTooLargeError } from '../percify/media.js';
import { audioCost, estimateSpeechSeconds, videoCost } from '../percify/pricing.js';
import type { Video } from '../percify/schemas.js';
import {
  renderVideoFailure,
  renderVideoPending,
  renderVideoResult,
  videoFileName,
  type VideoMedia,
} from '../delivery/video-replies.js';
import type { DeliverableReply } from '../delivery/messenger.js';
import type { ReplyBody } from '../delivery/reply-body.js';
import type {
  CheckOutcome,
  JobKindHandler,
  ReconcileOutcome,
  RenderedResult,
  SubmitOutcome,
} from './job-kind.js';
import type { JobRecord, ResultVideo, VideoJob } from './job-record.js';
import type { ObservedDurations } from './observed-durations.js';
import { observedKey, videoProgress } from './video-progress.js';
import { reconcileVideoStage } from './video-reconcile.js';
import { stageFailureReason, videoSubmitFailure } from './video-failures.js';
import {
  currentStage,
  lipSyncBaseVideoId,
  stageEstimate,
  stageStep,
  trackedId,
  withTrackedId,
  type VideoStage,
} from './video-stages.js';

/**
 * A video job: an avatar animated by Video Studio, optionally with a spoken line (text-to-speech,
 * then lip-sync), or a voice added to a video that exists already. Each stage is submitted and
 * tracked on its own; the runner moves the job from one stage to the next on 'next-stage'.
 *
 * Charging follows the member rule "failed work costs nothing": the charge is the sum of Percify's
 * `creditCost` for the stages the member gets (audio + video; add-audio has no documented cost and
 * is charged 0). When lip-sync fails after the video rendered, the member still gets the silent video
 * and pays for the video only: the audio Percify generated (and billed) is of no use to them, so the
 * operator absorbs it, exactly as for any failed stage.
 */

export interface VideoJobKindOptions {
  /** The catalogs: a job's reply is read by the whole channel, so in the server's language. */
  i18n: I18n;
  /** The guild's upload limit for this job's channel, in bytes (Discord: 10 MiB without boosts). */
  uploadLimitBytes: (job: VideoJob) => number;
  now?: () => number;
  /** Simulator speed-up for the progress estimate, as given to the runner. */
  speed?: number;
  /** How long stages have really taken lately; shared by every video job of the process. */
  observed?: ObservedDurations;
}

function asVideoJob(job: JobRecord): VideoJob {
  if (job.kind !== 'video') throw new Error(`job ${job.id} is not a video job`);
  return job;
}

function isPending(status: string): boolean {
  return status === 'queued' || status === 'processing';
}

function toResult(video: Video, job: VideoJob, hasAudio: boolean, creditCost: number): ResultVideo {
  return {
    videoId: video.id,
    durationSeconds: video.durationSeconds ?? job.params.durationSeconds,
    resolution: video.resolution,
    fps: video.fps,
    format: video.format ?? job.params.format,
    hasAudio,
    creditCost,
  };
}

export class VideoJobKind implements JobKindHandler {
  readonly #now: () => number;

  constructor(
    private readonly percify: PercifyClient,
    private readonly options: VideoJobKindOptions,
  ) {
    this.#now = options.now ?? Date.now;
  }

  weight(): number {
    return 1;
  }

  expected(job: JobRecord) {
    const video = asVideoJob(job);
    const { typical, max } = stageEstimate(video.params, currentStage(video));
    return { typical, max };
  }

  async submit(record: JobRecord): Promise<SubmitOutcome> {
    const job = asVideoJob(record);
    const stage = currentStage(job);
    const idempotencyKey = `${job.id}-${stage}`;
    try {
      const id = await this.#submitStage(job, stage, idempotencyKey);
      return { status: 'accepted', job: withTrackedId(job, id) };
    } catch (error) {
      return videoSubmitFailure(error, job.params, stage);
    }
  }

  async #submitStage(job: VideoJob, stage: VideoStage, idempotencyKey: string): Promise<string> {
    const { params } = job;
    switch (stage) {
      case 'audio': {
        if (!params.speech) throw new Error(`job ${job.id} has an audio stage but nothing to say`);
        const audio = await this.percify.generateAudio({ ...params.speech, idempotencyKey });
        return audio.id;
      }
      case 'video': {
        const video = await this.percify.createVideo({
          imageId: params.avatarId,
          durationSeconds: params.durationSeconds,
          studioTier: params.tier,
          motionStyle: params.motion,
          fps: params.fps,
          outputFormat: params.format,
          idempotencyKey,
        });
        return video.id;
      }
      case 'lipsync': {
        const base = lipSyncBaseVideoId(job);
        if (!base || !job.audioId) throw new Error(`job ${job.id} has no video or audio to sync`);
        const synced = await this.percify.addAudio(base, {
          audioId: job.audioId,
          enableLipSync: true,
          idempotencyKey,
        });
        return synced.id;
      }
    }
  }

  reconcile(record: JobRecord): Promise<ReconcileOutcome> {
    return reconcileVideoStage(this.percify, asVideoJob(record));
  }

  async check(record: JobRecord): Promise<CheckOutcome> {
    const job = asVideoJob(record);
    const stage = currentStage(job);
    const id = trackedId(job);
    if (!id) throw new Error(`job ${job.id} is being tracked without a Percify id`);
    if (stage === 'audio') {
      const audio = await this.percify.getAudio(id);
      if (isPending(audio.status)) return { status: 'pending' };
      if (audio.status === 'failed') return this.#failed('audio', audio.error);
      this.#observe(job, stage);
      return { status: 'next-stage', job: { ...job, audioId: audio.id } };
    }
    const video = await this.percify.getVideo(id);
    if (isPending(video.status)) return { status: 'pending' };
    if (video.status !== 'failed') this.#observe(job, stage);
    if (stage === 'video') {
      if (video.status === 'failed') return this.#failed('video', video.error);
      const cost = video.creditCost ?? videoCost(job.params.tier, job.params.durationSeconds).total;
      const rendered = { ...job, video: toResult(video, job, false, cost) };
      if (job.params.speech) return { status: 'next-stage', job: rendered };
      return { status: 'completed', job: rendered, creditCost: cost };
    }
    return this.#lipSyncDone(job, video);
  }

  /** A stage finished: how long it took since Percify accepted it corrects later estimates. */
  #observe(job: VideoJob, stage: VideoStage): void {
    if (!this.options.observed || job.submittedAt === undefined) return;
    const typical = stageEstimate(job.params, stage).typical / (this.options.speed ?? 1);
    this.options.observed.record(observedKey(job, stage), typical, (this.#now() - job.submittedAt) / 1000);
  }

  async #lipSyncDone(job: VideoJob, synced: Video): Promise<CheckOutcome> {
    // The video part of the charge: 0 when adding a voice to a video paid for by an earlier job.
    const videoCredits = job.params.existingVideoId ? 0 : (job.video?.creditCost ?? 0);
    // Finished without sound counts as a failed lip-sync too: the member asked for a voice.
    if (synced.status === 'failed' || synced.hasAudio === false) {
      // Nothing silent to fall back on: a voice for an older video, or a re-render in place that
      // failed (the docs do not say whether add-audio makes a new video or changes the old one).
      const inPlace = synced.status === 'failed' && synced.id === job.video?.videoId;
      if (job.params.existingVideoId || !job.video || inPlace) return this.#failed('lipsync', synced.error);
      // The silent video is fine: deliver it and charge it alone (see the class comment).
      return { status: 'completed', job, creditCost: videoCredits };
    }
    const audio = job.audioId ? await this.percify.getAudio(job.audioId) : undefined;
    const voiceCredits =
      audio?.creditCost ??
      audioCost(audio?.durationSeconds ?? estimateSpeechSeconds(job.params.speech?.text ?? ''));
    const video = toResult(synced, job, true, videoCredits);
    return { status: 'completed', job: { ...job, video }, creditCost: videoCredits + voiceCredits };
  }

  #failed(stage: VideoStage, error: { code?: string | undefined } | undefined) {
    return {
      status: 'failed' as const,
      code: error?.code ?? 'processing_failed',
      reason: stageFailureReason(stage, error?.code),
      stage,
    };
  }

  renderPending(
    record: JobRecord,
    view: { position?: number | undefined; startedAt?: number | undefined },
  ): ReplyBody {
    const job = asVideoJob(record);
    const progress =
      job.state === 'processing' || job.state === 'submitting'
        ? videoProgress(job, {
            startedAt: view.startedAt,
            now: this.#now(),
            speed: this.options.speed,
            observed: this.options.observed,
          })
        : undefined;
    return renderVideoPending(job, { position: view.position, progress }, this.#tr(job));
  }

  async renderResult(record: JobRecord): Promise<RenderedResult> {
    const job = asVideoJob(record);
    const result = job.video;
    if (!result) throw new Error(`job ${job.id} has no video to deliver`);
    const video = await this.percify.getVideo(result.videoId);
    if (!video.videoUrl) throw new Error(`video ${video.id} has no URL`);
    const limit = this.options.uploadLimitBytes(job);
    const tr = this.#tr(job);
    const link = (sizeBytes: number | undefined): RenderedResult => {
      const media: VideoMedia = {
        kind: 'link',
        url: video.videoUrl ?? '',
        thumbnailUrl: video.thumbnailUrl,
        sizeBytes,
        limitBytes: limit,
      };
      // The job as the reply shows it: linked, until a later delivery uploads the file.
      return {
        body: renderVideoResult(job, media, tr),
        job: { ...job, video: { ...result, linkedUrl: media.url } },
      };
    };
    // Percify's fileSize decides. HEAD is asked only when the answer leaves the size out, and only
    // as a hint (signed CDN URLs refuse it); the GET capped at the limit has the last word either way.
    const size = knownSize(video.fileSize) ?? (await this.percify.probeMediaSize(video.videoUrl));
    if (size !== undefined && size > limit) return link(size);
    let bytes: Buffer;
    try {
      bytes = (await this.percify.downloadMedia(video.videoUrl, { maxBytes: limit })).bytes;
    } catch (error) {
      if (error instanceof MediaTooLargeError) return link(error.size ?? size);
      throw error;
    }
    const fileName = videoFileName(result.format);
    const body: DeliverableReply = {
      ...renderVideoResult(job, { kind: 'upload', fileName, thumbnailUrl: video.thumbnailUrl }, tr),
      files: [{ name: fileName, data: bytes, contentType: contentType(fileName) }],
      // Discord can still refuse the file as too large (40005) when its limit is lower than the one
      // this server's boost tier gave: then the member gets the link with the poster instead.
      withoutUploads: link(undefined).body,
    };
    return { body, job };
  }

  /** `reason` arrives in the channel's language already (the job's failure words). */
  renderFailure(record: JobRecord, reason: string): ReplyBody {
    const job = asVideoJob(record);
    return renderVideoFailure(job, reason, stageStep(job), this.#tr(job));
  }

  /** The job's reply is public: the server's language, kept on the job from its interaction. */
  #tr(job: VideoJob) {
    return forChannel(this.options.i18n, job);
  }

  afterDelivery(
    record: JobRecord,
    message: { attachments: Array<{ url: string; filename: string }> },
  ): JobRecord {
    const job = asVideoJob(record);
    if (!job.video) return job;
    const fileName = videoFileName(job.video.format);
    const discordUrl = message.attachments.find((file) => file.filename === fileName)?.url;
    if (!discordUrl) return job;
    const video: ResultVideo = { ...job.video, discordUrl, linkedUrl: undefined };
    return { ...job, video };
  }
}

/** A byte count worth trusting: Percify may leave fileSize out, or send 0 while a file is written. */
function knownSize(bytes: number | undefined): number | undefined {
  return bytes !== undefined && Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

function contentType(fileName: string): string {
  if (fileName.endsWith('.webm')) return 'video/webm';
  if (fileName.endsWith('.mov')) return 'video/quicktime';
  return 'video/mp4';
}
