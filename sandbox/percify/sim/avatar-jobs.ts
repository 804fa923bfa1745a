import { isoSeconds } from './ids.js';
import { shouldFailGeneration } from './faults.js';
import { renderPortraitPng, type PortraitInput } from './media-png.js';
import { scaled, type SimAvatar, type SimContext } from './types.js';

export const avatarPngPath = (id: string): string => `/media/avatars/${id}.png`;
export const avatarThumbPath = (id: string): string => `/media/avatars/${id}_thumb.png`;

export const portraitOf = (avatar: SimAvatar): PortraitInput => ({
  prompt: avatar.prompt,
  seed: avatar.seed,
  model: avatar.model,
  stylePreset: avatar.stylePreset,
  width: avatar.width,
  height: avatar.height,
});

/** How one kind of avatar job runs: its documented processing time and the version it reports. */
export interface AvatarRun {
  processingSeconds: number;
  modelVersion: string;
}

/**
 * Puts an accepted avatar (its price already reserved) through the plan's scheduler: 'processing'
 * once it has a slot, then completed with a real PNG and a debit, or failed and released. Every kind
 * of avatar (prompt or photo) goes this way, so polling and `avatar.*` webhooks behave the same.
 */
export function submitAvatar(context: SimContext, avatar: SimAvatar, run: AvatarRun): void {
  context.avatars.set(avatar.id, avatar);
  // Decided at accept time, so a test can switch the fault off right after submitting.
  const doomed = shouldFailGeneration(context.faults);
  context.scheduler.submit({
    durationMs: scaled(context, run.processingSeconds),
    start: () => {
      avatar.status = 'processing';
    },
    finish: async () => finishAvatar(context, avatar, run, doomed),
  });
}

function finishAvatar(context: SimContext, avatar: SimAvatar, run: AvatarRun, doomed: boolean): void {
  if (!context.avatars.has(avatar.id)) {
    context.account.release(avatar.creditCost);
    return;
  }
  avatar.completedAt = isoSeconds(context.now());
  if (doomed) {
    context.account.release(avatar.creditCost);
    avatar.status = 'failed';
    avatar.error = {
      code: 'content_policy_violation',
      message: 'Generated image was flagged by content policy',
    };
    context.webhooks.emit('avatar.failed', {
      avatarId: avatar.id,
      userId: avatar.userId,
      status: 'failed',
      error: avatar.error,
    });
    return;
  }
  const portrait = portraitOf(avatar);
  // Pixels, like a video's frames, shrink with mediaScale (the JSON keeps the documented size): at
  // 1024 px a render and its PNG encoding cost ~40 ms of CPU, which a test or the bench pays per job.
  const scaled = context.mediaScale === 1 ? undefined : avatar.width * context.mediaScale;
  context.media.putLazy(avatarPngPath(avatar.id), async () => ({
    bytes: await renderPortraitPng(portrait, scaled),
    contentType: 'image/png',
  }));
  context.media.putLazy(avatarThumbPath(avatar.id), async () => ({
    bytes: await renderPortraitPng(portrait, 256),
    contentType: 'image/png',
  }));
  context.account.commit(avatar.creditCost, { type: 'avatar', id: avatar.id });
  avatar.status = 'completed';
  avatar.imageUrl = `${context.origin}${avatarPngPath(avatar.id)}`;
  avatar.thumbnailUrl = `${context.origin}${avatarThumbPath(avatar.id)}`;
  avatar.metadata = { generationTime: run.processingSeconds, modelVersion: run.modelVersion };
  context.webhooks.emit('avatar.completed', {
    avatarId: avatar.id,
    userId: avatar.userId,
    status: 'completed',
    imageUrl: avatar.imageUrl,
    thumbnailUrl: avatar.thumbnailUrl,
    creditCost: avatar.creditCost,
    model: avatar.model,
    prompt: avatar.prompt,
  });
}
