import {
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  PercifyError,
  PercifyValidationError,
  RateLimitedError,
  ServerError,
  TierLimitError,
  TimeoutError,
} from '../percify/errors.js';
import type { SubmitOutcome } from './job-kind.js';

/**
 * The member's words for what Percify refused or failed, and what it means for the job. Each code
 * gets its own sentence of what happened and what to do next; a failed generation is not a policy
 * block, and the member is never blamed for the operator's account (out of credits, key refused).
 * Codes stay on the job record for the logs and admins; none is shown to members, and neither is
 * Percify's own text (it can be terse or technical).
 */

/** The kind of work that failed: what the member can change differs (a prompt, a line, an avatar). */
export type FailedWork = 'avatar' | 'audio' | 'video' | 'lipsync';

const REWORD: Readonly<Record<FailedWork, string>> = {
  avatar: 'Try rewording the prompt.',
  audio: 'Try rewording the spoken line.',
  video: 'Try another avatar.',
  lipsync: 'Try another avatar or spoken line.',
};

const OPERATOR_OUT_OF_CREDITS =
  "The server's Percify account is out of credits right now. This is not about your balance: a server admin needs to top the account up.";
const PLAN_LIMIT = "The server's Percify plan has reached its daily limit. Try again tomorrow.";
const NOT_FINISHED =
  'Percify could not finish this one; it was not your prompt or settings. Try again in a moment.';
const SOMETHING_WENT_WRONG =
  'Something went wrong while asking Percify. Try again in a moment; if it keeps happening, tell a server admin.';

/** Percify's documented codes (and the client's own `timeout`) with words of their own. */
const WORDS = new Map<string, (work: FailedWork) => string>([
  ['content_policy_violation', (work) => `🚫 Percify's content policy stopped this one. ${REWORD[work]}`],
  ['invalid_prompt', (work) => `🚫 Percify's content policy stopped this one. ${REWORD[work]}`],
  ['processing_failed', () => NOT_FINISHED],
  ['processing_error', () => NOT_FINISHED],
  [
    'invalid_image',
    () => "Percify could not open this avatar's image (it may have been deleted). Pick another avatar.",
  ],
  ['avatar_not_completed', () => 'The avatar is still being finished. Try again in a minute.'],
  [
    'avatar_not_found',
    () => 'Percify could not find that avatar (it may have been deleted). Pick another one.',
  ],
  [
    'unauthorized_access',
    () => 'Percify could not find that avatar (it may have been deleted). Pick another one.',
  ],
  ['invalid_duration', () => 'Percify refused this length of video. Try a shorter one.'],
  ['voice_not_found', () => 'The chosen voice does not exist any more. Pick another.'],
  ['text_too_long', () => 'The text to speak is too long. Shorten it and try again.'],
  ['unsupported_language', () => 'Percify cannot speak the language of this text yet. Try English.'],
  ['insufficient_credits', () => OPERATOR_OUT_OF_CREDITS],
  ['tier_limit_reached', () => PLAN_LIMIT],
  ['rate_limit_exceeded', () => 'Percify was too busy to finish this one. Try again in a minute.'],
  ['timeout', () => 'Percify took too long on this one. Try again in a moment.'],
  ['invalid_request', () => 'Percify did not accept these settings. Try changing them, or a shorter prompt.'],
]);

function wordsFor(code: string | undefined, work: FailedWork): string | undefined {
  return code === undefined ? undefined : WORDS.get(code)?.(work);
}

/**
 * A generation Percify accepted and then reported as failed (`status: failed`, `error.code`): the code
 * to keep on the job and the words the member reads. An unknown or missing code reads as a failed
 * generation. An account out of credits keeps the code the admin alert watches for.
 */
export function generationFailure(
  code: string | undefined,
  work: FailedWork,
): { code: string; reason: string } {
  const kept = code === 'insufficient_credits' ? 'operator_out_of_credits' : (code ?? 'processing_failed');
  return { code: kept, reason: wordsFor(code, work) ?? NOT_FINISHED };
}

/** What a failed generation request means for the job, and the words the member reads. */
export function submitFailure(
  error: unknown,
  work: FailedWork = 'avatar',
): Exclude<SubmitOutcome, { status: 'accepted' }> {
  if (error instanceof OutcomeUnknownError || error instanceof TimeoutError) {
    return { status: 'unknown', reason: error.message };
  }
  if (error instanceof RateLimitedError) {
    const afterMs = Math.max(1_000, (error.retryAfterSeconds ?? 5) * 1_000);
    return { status: 'retry', afterMs, reason: 'Percify asked us to slow down; waiting' };
  }
  if (error instanceof NetworkError || (error instanceof ServerError && error.status === 503)) {
    // Refused before anything was sent, or "unavailable": nothing exists at Percify yet.
    return { status: 'retry', afterMs: 10_000, reason: 'Percify is unreachable; waiting' };
  }
  if (error instanceof ServerError) return { status: 'unknown', reason: error.message };
  if (error instanceof ContentPolicyError) {
    const categories = error.categories.length > 0 ? ` (${error.categories.join(', ')})` : '';
    return {
      status: 'refused',
      code: 'content_policy',
      reason: `🚫 Percify's content policy refused this${categories}. ${REWORD[work]}`,
    };
  }
  if (error instanceof InsufficientCreditsError) {
    return { status: 'refused', code: 'operator_out_of_credits', reason: OPERATOR_OUT_OF_CREDITS };
  }
  if (error instanceof TierLimitError) return { status: 'refused', code: 'tier_limit', reason: PLAN_LIMIT };
  if (error instanceof AuthenticationError) {
    return {
      status: 'refused',
      code: 'percify_auth',
      reason:
        'The bot cannot use Percify right now (its access was refused). A server admin needs to check the setup.',
    };
  }
  if (error instanceof PercifyValidationError) {
    // Our own check before sending: nothing reached Percify. Name the setting, never a raw message.
    return {
      status: 'refused',
      code: error.code,
      reason: `These settings are not allowed (${error.field}).`,
    };
  }
  if (!(error instanceof PercifyError)) {
    return { status: 'refused', code: 'unexpected', reason: SOMETHING_WENT_WRONG };
  }
  const reason =
    wordsFor(error.code, work) ??
    (error instanceof NotFoundError
      ? 'Percify could not find what this needs (it may have been deleted). Try again with another one.'
      : SOMETHING_WENT_WRONG);
  return { status: 'refused', code: error.code, reason };
}
