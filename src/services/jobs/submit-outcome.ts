import {
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  NetworkError,
  OutcomeUnknownError,
  PercifyError,
  RateLimitedError,
  ServerError,
  TierLimitError,
  TimeoutError,
} from '../percify/errors.js';
import type { SubmitOutcome } from './job-kind.js';

/**
 * What a failed generation request means for the job, and the words the member reads. The member is
 * never blamed for the operator's account (out of credits, key refused): they are told it is not
 * about their balance, and the log carries the detail for admins.
 */
export function submitFailure(error: unknown): Exclude<SubmitOutcome, { status: 'accepted' }> {
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
      reason: `🚫 Percify's content policy refused this prompt${categories}. Try rewording it.`,
    };
  }
  if (error instanceof InsufficientCreditsError) {
    return {
      status: 'refused',
      code: 'operator_out_of_credits',
      reason:
        "The server's Percify account is out of credits right now. This is not about your balance: a server admin needs to top the account up.",
    };
  }
  if (error instanceof TierLimitError) {
    return {
      status: 'refused',
      code: 'tier_limit',
      reason: "The server's Percify plan has reached its daily limit. Try again tomorrow.",
    };
  }
  if (error instanceof AuthenticationError) {
    return {
      status: 'refused',
      code: 'percify_auth',
      reason:
        'The bot cannot use Percify right now (its access was refused). A server admin needs to check the setup.',
    };
  }
  const code = error instanceof PercifyError ? error.code : 'unexpected';
  return { status: 'refused', code, reason: 'Percify could not take this request.' };
}

/**
 * Words for a generation Percify accepted and then reported as failed. Percify's own text is not
 * shown: it can be terse or technical; its code stays on the job record.
 */
export function generationFailureReason(code: string | undefined): string {
  if (code === 'content_policy_violation' || code === 'invalid_prompt') {
    return "🚫 Percify's content policy stopped this one. Try rewording the prompt.";
  }
  if (code === 'invalid_image') return 'Percify could not read the source image.';
  return 'Percify could not finish this one. Try again in a moment.';
}
