import { forChannel, type I18n } from '../i18n/index.js';
import type { PercifyClient } from '../percify/client.js';
import { InvalidImageError } from '../percify/errors.js';
import { avatarCost, expectedProcessingSeconds, PERCIFY_YOURSELF_CREDITS } from '../percify/pricing.js';
import type { MemberFiles } from '../member-files/member-file.js';
import { checkPhotoBytes, PHOTO_CONTENT_TYPES, PHOTO_LIMITS } from '../member-files/photo-check.js';
import {
  renderPhotoAvatarFailure,
  renderPhotoAvatarPending,
  renderPhotoAvatarResult,
} from '../delivery/photo-avatar-replies.js';
import type { Avatar } from '../percify/schemas.js';
import type { Message } from '../i18n/index.js';
import {
  avatarFileName,
  renderAvatarFailure,
  renderAvatarPending,
  renderAvatarResult,
} from '../delivery/avatar-replies.js';
import type { CheckOutcome, JobKindHandler, ReconcileOutcome, SubmitOutcome } from './job-kind.js';
import type { AvatarJob, JobRecord, PhotoSource, ResultImage } from './job-record.js';
import { generationFailure, submitFailure } from './submit-outcome.js';

/** Percify's avatars are 1–2 MB PNGs; anything far larger is not an avatar. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** How far back a lost submission is looked for: clocks differ, and Percify may be slow to list. */
const RECONCILE_WINDOW_MS = 5 * 60_000;

function asAvatarJob(job: JobRecord): AvatarJob {
  if (job.kind !== 'avatar') throw new Error(`job ${job.id} is not an avatar job`);
  return job;
}

function toImage(avatar: Avatar, job: AvatarJob, index: number): ResultImage {
  return {
    avatarId: avatar.id,
    imageUrl: avatar.imageUrl,
    seed: avatar.seed ?? job.params.seed + index,
    width: avatar.width,
    height: avatar.height,
    creditCost:
      avatar.creditCost ?? (job.params.photo ? PERCIFY_YOURSELF_CREDITS : avatarCost(job.params.model, 1)),
  };
}

const PHOTO_GONE: Message = { key: 'guide.failures.photoGone' };
const PHOTO_REFUSED: Message = { key: 'guide.failures.photoRefused' };
/** The photo passed its check when the member sent it; its link now answers something else. */
const PHOTO_CHANGED: Message = { key: 'guide.failures.photoChanged' };

export class AvatarJobKind implements JobKindHandler {
  constructor(
    private readonly percify: PercifyClient,
    private readonly memberFiles: MemberFiles,
    /** The catalogs: a job's reply is read by the whole channel, so in the server's language. */
    private readonly i18n: I18n,
  ) {}

  weight(job: JobRecord): number {
    return asAvatarJob(job).params.variations;
  }

  expected(job: JobRecord) {
    const { typical, max } = expectedProcessingSeconds({
      kind: 'avatar',
      model: asAvatarJob(job).params.model,
    });
    return { typical, max };
  }

  async submit(record: JobRecord): Promise<SubmitOutcome> {
    const job = asAvatarJob(record);
    const { params } = job;
    if (params.photo) return this.submitPhoto(job, params.photo);
    try {
      const generated = await this.percify.generateAvatar({
        prompt: params.prompt,
        model: params.model,
        aspectRatio: params.aspectRatio,
        seed: params.seed,
        batchSize: params.variations,
        ...(params.negativePrompt ? { negativePrompt: params.negativePrompt } : {}),
        ...(params.guidance !== undefined ? { guidanceScale: params.guidance } : {}),
        ...(params.style ? { style: params.style } : {}),
        idempotencyKey: job.id,
      });
      return {
        status: 'accepted',
        job: { ...job, percifyIds: generated.avatars.map((avatar) => avatar.id) },
      };
    } catch (error) {
      return submitFailure(error);
    }
  }

  /**
   * The photo is read again from Discord (it was checked when the member sent it, and is checked
   * again: the link could now answer anything) and sent straight on; it lives only in this call.
   */
  private async submitPhoto(job: AvatarJob, photo: PhotoSource): Promise<SubmitOutcome> {
    let bytes: Buffer;
    try {
      if (!photo.url) return { status: 'refused', code: 'photo_gone', reason: PHOTO_GONE };
      bytes = await this.memberFiles.fetch({ url: photo.url, name: photo.fileName }, PHOTO_LIMITS.maxBytes);
    } catch {
      return { status: 'refused', code: 'photo_gone', reason: PHOTO_GONE };
    }
    let format: keyof typeof PHOTO_CONTENT_TYPES;
    try {
      format = checkPhotoBytes(bytes).format;
    } catch {
      return { status: 'refused', code: 'photo_refused', reason: PHOTO_CHANGED };
    }
    try {
      const avatar = await this.percify.percifyYourself({
        image: {
          bytes,
          fileName: `photo.${format === 'jpeg' ? 'jpg' : format}`,
          contentType: PHOTO_CONTENT_TYPES[format],
        },
        style: job.params.style,
        prompt: job.params.prompt || undefined,
        idempotencyKey: job.id,
      });
      return { status: 'accepted', job: { ...job, percifyIds: [avatar.id] } };
    } catch (error) {
      if (error instanceof InvalidImageError) {
        return { status: 'refused', code: error.code, reason: PHOTO_REFUSED };
      }
      return submitFailure(error);
    }
  }

  /**
   * A request whose answer was lost: look for what it created among the account's newest avatars
   * (same prompt, the seeds it asked for, made after the job). Only when nothing is there is the job
   * submitted again, with the same idempotency key.
   */
  async reconcile(record: JobRecord): Promise<ReconcileOutcome> {
    const job = asAvatarJob(record);
    let avatars: Avatar[];
    try {
      avatars = (await this.percify.listAvatars({ limit: 100 })).avatars;
    } catch {
      return { status: 'unreachable' };
    }
    const seeds = new Set(Array.from({ length: job.params.variations }, (_, i) => job.params.seed + i));
    const since = job.createdAt - RECONCILE_WINDOW_MS;
    const found = avatars.filter(
      (avatar) =>
        avatar.prompt === job.params.prompt &&
        // A photo avatar has no seed or model of ours: the newest one with its prompt is it.
        (job.params.photo !== undefined ||
          ((avatar.seed === undefined || seeds.has(avatar.seed)) &&
            (avatar.model === undefined || avatar.model === job.params.model))) &&
        (avatar.createdAt === undefined || Date.parse(avatar.createdAt) >= since),
    );
    if (found.length === 0) return { status: 'absent' };
    const ids = found.slice(0, job.params.variations).map((avatar) => avatar.id);
    return { status: 'found', job: { ...job, percifyIds: ids } };
  }

  async check(record: JobRecord): Promise<CheckOutcome> {
    const job = asAvatarJob(record);
    const avatars = await Promise.all(job.percifyIds.map((id) => this.percify.getAvatar(id)));
    if (avatars.some((avatar) => avatar.status === 'queued' || avatar.status === 'processing')) {
      return { status: 'pending' };
    }
    const completed = avatars.filter((avatar) => avatar.status === 'completed' && avatar.imageUrl);
    if (completed.length === 0) {
      const failure = avatars.find((avatar) => avatar.error)?.error;
      return { status: 'failed', ...generationFailure(failure?.code, 'avatar') };
    }
    // Some of a batch failed: deliver and charge only the ones that came out.
    const images = completed.map((avatar) => toImage(avatar, job, avatars.indexOf(avatar)));
    const creditCost = images.reduce((sum, image) => sum + image.creditCost, 0);
    return {
      status: 'completed',
      job: { ...job, images, percifyIds: completed.map((avatar) => avatar.id) },
      creditCost,
    };
  }

  renderPending(record: JobRecord, view: { position?: number | undefined }) {
    const job = asAvatarJob(record);
    const pending = { position: view.position, balanceAfter: job.balanceAfter };
    const tr = forChannel(this.i18n, job);
    return job.params.photo
      ? renderPhotoAvatarPending(job, pending, tr)
      : renderAvatarPending(job, pending, tr);
  }

  async renderResult(record: JobRecord) {
    const job = asAvatarJob(record);
    const files = await Promise.all(
      (job.images ?? []).map(async (image, index) => {
        // Records from before the URL was kept ask Percify for it once more.
        const url = image.imageUrl ?? (await this.percify.getAvatar(image.avatarId)).imageUrl;
        if (!url) throw new Error(`avatar ${image.avatarId} has no image URL`);
        const media = await this.percify.downloadMedia(url, { maxBytes: MAX_IMAGE_BYTES });
        return { name: avatarFileName(index), data: media.bytes, contentType: 'image/png' };
      }),
    );
    const tr = forChannel(this.i18n, job);
    const body = job.params.photo ? renderPhotoAvatarResult(job, tr) : renderAvatarResult(job, tr);
    return { body: { ...body, files }, job };
  }

  /** `reason` arrives in the reader's language already (the failure pipeline translates it). */
  renderFailure(record: JobRecord, reason: string) {
    const job = asAvatarJob(record);
    const tr = forChannel(this.i18n, job);
    return job.params.photo
      ? renderPhotoAvatarFailure(job, reason, tr)
      : renderAvatarFailure(job, reason, tr);
  }

  afterDelivery(
    record: JobRecord,
    message: { attachments: Array<{ url: string; filename: string }> },
  ): JobRecord {
    const job = asAvatarJob(record);
    const images = (job.images ?? []).map((image, index) => ({
      ...image,
      discordUrl: message.attachments.find((file) => file.filename === avatarFileName(index))?.url,
    }));
    // The result is out: the link to the member's photo is not kept past the job.
    const params = job.params.photo
      ? { ...job.params, photo: { fileName: job.params.photo.fileName } }
      : job.params;
    return { ...job, params, images };
  }
}
