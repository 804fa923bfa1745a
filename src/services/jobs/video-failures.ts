import { PercifyError, PercifyValidationError } from '../percify/errors.js';
import { TIER_SPECS } from '../percify/pricing.js';
import type { SubmitOutcome } from './job-kind.js';
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
      reason: 'the avatar is still being finished; waiting',
    };
  }
  if (code === 'invalid_duration') {
    const spec = TIER_SPECS[params.tier];
    return {
      status: 'refused',
      code,
      reason: `Percify refused a ${params.durationSeconds}-second clip: ${spec.label} videos are ${spec.minSeconds} to ${spec.maxSeconds} seconds long.`,
    };
  }
  if (error instanceof PercifyValidationError) {
    return {
      status: 'refused',
      code: error.code,
      reason: `These video settings are not allowed (${error.field}).`,
    };
  }
  return submitFailure(error, stage);
}

/**
 * Words for a stage Percify accepted and then failed, by its code. The renderer puts the stage (and
 * its step) in front of them, so they say only why and what to do.
 */
export function stageFailureReason(stage: VideoStage, code?: string): string {
  return generationFailure(code, stage).reason;
}
