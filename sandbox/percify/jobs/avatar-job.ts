import { writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AVATAR_SECONDS, MODEL_VERSION } from '../catalog.js';
import { isoSeconds } from '../ids.js';
import { renderAvatarPngs } from '../media/avatar-image.js';
import type { SimState } from '../sim-state.js';
import type { SimAvatar } from '../types.js';

export const avatarImagePath = (id: string) => `/media/avatars/${id}.png`;
export const avatarThumbPath = (id: string) => `/media/avatars/${id}_thumb.png`;

/**
 * Runs one avatar through queued -> processing -> completed | failed, holding a plan slot while
 * processing. Credits reserved at accept time are captured on success and released on failure.
 */
export function runAvatarJob(state: SimState, avatar: SimAvatar, willFail: boolean): void {
  avatar.status = 'queued';
  state.slots.acquire((release) => {
    avatar.status = 'processing';
    void processAvatar(state, avatar, willFail)
      .catch((error: unknown) => {
        state.logger.error({ err: error, avatarId: avatar.id }, 'avatar job crashed');
        failAvatar(state, avatar, 'processing_error', 'Image generation failed');
      })
      .finally(release);
  });
}

async function processAvatar(state: SimState, avatar: SimAvatar, willFail: boolean): Promise<void> {
  const seconds = AVATAR_SECONDS[avatar.model];
  await state.processingDelay(seconds);
  if (willFail) {
    failAvatar(
      state,
      avatar,
      'content_policy_violation',
      'Generated image was flagged by the content policy',
    );
    return;
  }
  // Let pending requests through before the synchronous rasterisation.
  await nextTurn();
  const { image, thumbnail } = renderAvatarPngs(avatar);
  const imageFile = state.media.filePath(`${avatar.id}.png`);
  const thumbFile = state.media.filePath(`${avatar.id}_thumb.png`);
  await Promise.all([writeFile(imageFile, image), writeFile(thumbFile, thumbnail)]);
  if (state.isClosed) return;
  state.avatarFiles.set(avatar.id, imageFile);
  if (state.avatars.has(avatar.id)) {
    state.media.publish(avatarImagePath(avatar.id), imageFile);
    state.media.publish(avatarThumbPath(avatar.id), thumbFile);
  }
  avatar.status = 'completed';
  avatar.imageUrl = state.mediaUrl(avatarImagePath(avatar.id));
  avatar.thumbnailUrl = state.mediaUrl(avatarThumbPath(avatar.id));
  avatar.metadata = { generationTime: seconds, modelVersion: MODEL_VERSION[avatar.model] };
  avatar.completedAt = isoSeconds(state.now());
  state.credits.capture(avatar.creditCost);
  state.webhooks.emit('avatar.completed', {
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

function failAvatar(state: SimState, avatar: SimAvatar, code: string, message: string): void {
  if (avatar.status === 'failed' || avatar.status === 'completed') return;
  avatar.status = 'failed';
  avatar.error = { code, message };
  state.credits.release(avatar.creditCost);
  state.webhooks.emit('avatar.failed', {
    avatarId: avatar.id,
    userId: avatar.userId,
    status: 'failed',
    error: { code, message },
  });
}
