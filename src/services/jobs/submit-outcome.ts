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
import type { Message, MessageKey } from '../i18n/index.js';
import type { SubmitOutcome } from './job-kind.js';
import { LOG_TEXTS } from '../log-texts.js';

/**
 * The member's words for what Percify refused or failed (catalog messages, `guide.failures.*`,
 * rendered in the channel's language when the job ends), and what it means for the job. Each code
 * gets its own sentence of what happened and what to do next; a failed generation is not a policy
 * block, and the member is never blamed for the operator's account (out of credits, key refused).
 * Codes stay on the job record for the logs and admins; none is shown to members, and neither is
 * Percify's own text (it can be terse or technical).
 */

/** The kind of work that failed: what the member can change differs (a prompt, a line, an avatar). */
export type FailedWork = 'avatar' | 'audio' | 'video' | 'lipsync';

const OPERATOR_OUT_OF_CREDITS: Message = { key: 'guide.failures.operatorOutOfCredits' };
const PLAN_LIMIT: Message = { key: 'guide.failures.planLimit' };
const NOT_FINISHED: Message = { key: 'guide.failures.notFinished' };
const SOMETHING_WENT_WRONG: Message = { key: 'guide.failures.somethingWentWrong' };
const AVATAR_NOT_FOUND: Message = { key: 'guide.failures.avatarNotFound' };

/** What the member can change, by the work that was stopped or refused. */
const POLICY_STOPPED: Readonly<Record<FailedWork, MessageKey>> = {
  avatar: 'guide.failures.policyStopped.avatar',
  audio: 'guide.failures.policyStopped.audio',
  video: 'guide.failures.policyStopped.video',
  lipsync: 'guide.failures.policyStopped.lipsync',
};
const POLICY_REFUSED: Readonly<Record<FailedWork, MessageKey>> = {
  avatar: 'guide.failures.policyRefused.avatar',
  audio: 'guide.failures.policyRefused.audio',
  video: 'guide.failures.policyRefused.video',
  lipsync: 'guide.failures.policyRefused.lipsync',
};

/** Percify's documented codes (and the client's own `timeout`) with words of their own. */
const WORDS = new Map<string, (work: FailedWork) => Message>([
  ['content_policy_violation', (work) => ({ key: POLICY_STOPPED[work] })],
  ['invalid_prompt', (work) => ({ key: POLICY_STOPPED[work] })],
  ['processing_failed', () => NOT_FINISHED],
  ['processing_error', () => NOT_FINISHED],
  ['invalid_image', () => ({ key: 'guide.failures.invalidImage' })],
  ['avatar_not_completed', () => ({ key: 'guide.failures.avatarNotCompleted' })],
  ['avatar_not_found', () => AVATAR_NOT_FOUND],
  ['unauthorized_access', () => AVATAR_NOT_FOUND],
  ['invalid_duration', () => ({ key: 'guide.failures.invalidDuration' })],
  ['voice_not_found', () => ({ key: 'guide.failures.voiceNotFound' })],
  ['text_too_long', () => ({ key: 'guide.failures.textTooLong' })],
  ['unsupported_language', () => ({ key: 'guide.failures.unsupportedLanguage' })],
  ['insufficient_credits', () => OPERATOR_OUT_OF_CREDITS],
  ['tier_limit_reached', () => PLAN_LIMIT],
  ['rate_limit_exceeded', () => ({ key: 'guide.failures.rateLimited' })],
  ['timeout', () => ({ key: 'guide.failures.timeout' })],
  ['invalid_request', () => ({ key: 'guide.failures.invalidRequest' })],
]);

function wordsFor(code: string | undefined, work: FailedWork): Message | undefined {
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
): { code: string; reason: Message } {
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
    return { status: 'retry', afterMs, reason: LOG_TEXTS.slowDown };
  }
  if (error instanceof NetworkError || (error instanceof ServerError && error.status === 503)) {
    // Refused before anything was sent, or "unavailable": nothing exists at Percify yet.
    return { status: 'retry', afterMs: 10_000, reason: LOG_TEXTS.unreachable };
  }
  if (error instanceof ServerError) return { status: 'unknown', reason: error.message };
  if (error instanceof ContentPolicyError) {
    // Percify's own category names (e.g. "violence"), as it sends them.
    const categories = error.categories.length > 0 ? ` (${error.categories.join(', ')})` : '';
    return {
      status: 'refused',
      code: 'content_policy',
      reason: { key: POLICY_REFUSED[work], vars: { categories } },
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
      reason: { key: 'guide.failures.percifyAuth' },
    };
  }
  if (error instanceof PercifyValidationError) {
    // Our own check before sending: nothing reached Percify. Name the setting, never a raw message.
    return {
      status: 'refused',
      code: error.code,
      reason: { key: 'guide.failures.settingsNotAllowed', vars: { field: error.field } },
    };
  }
  if (!(error instanceof PercifyError)) {
    return { status: 'refused', code: 'unexpected', reason: SOMETHING_WENT_WRONG };
  }
  const reason =
    wordsFor(error.code, work) ??
    (error instanceof NotFoundError ? { key: 'guide.failures.notFound' } : SOMETHING_WENT_WRONG);
  return { status: 'refused', code: error.code, reason };
}
