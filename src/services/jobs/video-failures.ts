import { PercifyError, PercifyValidationError } from '../percify/errors.js';
import { TIER_SPECS } from '../percify/pricing.js';
import type { SubmitOutcome } from './job-kind.js';
import type { VideoParams } from './job-record.js';
import { submitFailure } from './submit-outcome.js';
import { STAGE_FAILED } from '../delivery/video-replies.js';
import type { VideoStage } from './video-stages.js';

/**
 * The video kind's words for refused requests and failed stages. The shared mapping says "Percify
 * could not take this request" for codes it does not know; these codes have a cause the member can
 * act on, so they get their own sentence.
 */

/** Percify may take a moment to finish an avatar that was only just made. */
const AVATAR_NOT_READY_RETRY_MS = 10_000;

export function videoSubmitFailure(
  error: unknown,
  params: VideoParams,
): Exclude<SubmitOutcome, { status: 'accepted' }> {
  const code = error instanceof PercifyError ? error.code : undefined;
  switch (code) {
    case 'avatar_not_completed':
      // Not a refusal: the avatar is still being finished, so the same request will work shortly.
      return {
        status: 'retry',
        afterMs: AVATAR_NOT_READY_RETRY_MS,
        reason: 'the avatar is still being finished; waiting',
      };
    case 'invalid_image':
      return {
        status: 'refused',
        code,
        reason: "Percify could not open this avatar's image (it may have been deleted). Pick another avatar.",
      };
    case 'invalid_duration': {
      const spec = TIER_SPECS[params.tier];
      return {
        status: 'refused',
        code,
        reason: `Percify refused a ${params.durationSeconds}-second clip: ${spec.label} videos are ${spec.minSeconds} to ${spec.maxSeconds} seconds long.`,
      };
    }
    case 'voice_not_found':
      return { status: 'refused', code, reason: 'The chosen voice does not exist any more. Pick another.' };
    case 'text_too_long':
      return { status: 'refused', code, reason: 'The text to speak is too long. Shorten it and try again.' };
    case 'unsupported_language':
      return { status: 'refused', code, reason: 'Percify cannot speak the language of this text yet.' };
    default:
      // Every other code means what it means for any request: mapped below.
      break;
  }
  if (error instanceof PercifyValidationError) {
    // Our own check before sending: nothing reached Percify. Name the field, never a raw message.
    return {
      status: 'refused',
      code: error.code,
      reason: `These video settings are not allowed (${error.field}).`,
    };
  }
  return submitFailure(error);
}

/**
 * Which stage failed, in plain words, and what to do. Percify's own text is not shown to members (it
 * can be terse or technical); its code stays on the job record.
 */
export function stageFailureReason(stage: VideoStage): string {
  return `${STAGE_FAILED[stage]}. Try again in a moment.`;
}
