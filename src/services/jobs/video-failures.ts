import type { Message } from '../i18n/index.js';
import { PercifyError, PercifyValidationError } from '../percify/errors.js';
import { TIER_SPECS } from '../percify/pricing.js';
import type { SubmitOutcome } from './job-kind.js';
import { LOG_TEXTS } from '../log-texts.js';
import type { VideoParams } from './job-record.js';
import { generationFailure, submitFailure } from './submit-outcome.js';
import type { VideoStage } from './video-stages.js';

/**
 * The video kind's words for refused requests and failed stages. The shared mapping has a sentence
 * for every Percify code; these two depend on the job itself: an avatar still being finished is
 * worth waiting for, and a refused length can name what the tier allows.
 */

/** Percify may take a moment to finish an avatar that was only just made. */
const AVATAR_NOT_READY_RETRY_MS = 10_000;

export function videoSubmitFailure(
  error: unknown,
  params: VideoParams,
  stage: VideoStage = 'video',
): Exclude<SubmitOutcome, { status: 'accepted' }> {
  const code = error instanceof PercifyError ? error.code : undefined;
  if (code === 'avatar_not_completed') {
    // Not a refusal: the avatar is still being finished, so the same request will work shortly.
    return {
      status: 'retry',
      afterMs: AVATAR_NOT_READY_RETRY_MS,
      reason: LOG_TEXTS.avatarNotReady,
    };
  }
  if (code === 'invalid_duration') {
    const spec = TIER_SPECS[params.tier];
    return {
      status: 'refused',
      code,
      reason: {
        key: 'guide.failures.videoLength',
        vars: {
          seconds: params.durationSeconds,
          tier: spec.label,
          min: spec.minSeconds,
          max: spec.maxSeconds,
        },
      },
    };
  }
  if (error instanceof PercifyValidationError) {
    return {
      status: 'refused',
      code: error.code,
      reason: { key: 'guide.failures.videoSettingsNotAllowed', vars: { field: error.field } },
    };
  }
  return submitFailure(error, stage);
}

/**
 * Words for a stage Percify accepted and then failed, by its code. The renderer puts the stage (and
 * its step) in front of them, so they say only why and what to do.
 */
export function stageFailureReason(stage: VideoStage, code?: string): Message {
  return generationFailure(code, stage).reason;
}
