import type { MessageKey } from '../i18n/index.js';

/**
 * Why a member got their credits back, in their words. The ledger keeps the runner's reason, written
 * for the logs ("timed_out: Percify did not finish this in time."); `/credits` shows a short phrase
 * for its code instead (a catalog key, read in the member's language), and a plain one for a code it
 * does not know, so no internal code reaches a member.
 */

type RefundKey = Extract<MessageKey, `refunds.${string}`>;

const BY_CODE: Readonly<Record<string, RefundKey>> = {
  timed_out: 'refunds.tookTooLong',
  undeliverable: 'refunds.undeliverable',
  submit_gave_up: 'refunds.unreachable',
  rate_limit_exceeded: 'refunds.busy',
  content_policy: 'refunds.contentPolicy',
  content_policy_violation: 'refunds.contentPolicy',
  invalid_prompt: 'refunds.contentPolicy',
  operator_out_of_credits: 'refunds.outOfCredits',
  insufficient_credits: 'refunds.outOfCredits',
  tier_limit: 'refunds.planLimit',
  tier_limit_reached: 'refunds.planLimit',
  percify_auth: 'refunds.signIn',
  processing_error: 'refunds.failed',
  processing_failed: 'refunds.failed',
  failed: 'refunds.failed',
  invalid_image: 'refunds.badImage',
  avatar_not_completed: 'refunds.avatarUnfinished',
  invalid_duration: 'refunds.badLength',
  voice_not_found: 'refunds.voiceGone',
  text_too_long: 'refunds.lineTooLong',
  unsupported_language: 'refunds.language',
};

/** Reasons the bot writes without a code (see job-runner and launch-job). */
const WITHOUT_CODE: Readonly<Record<string, RefundKey>> = {
  'interrupted before the job was recorded': 'refunds.restarted',
  'the first answer could not be sent': 'refunds.tooSlowToAnswer',
};

const FALLBACK: RefundKey = 'refunds.other';

export function refundReason(reason: string): RefundKey {
  const known = WITHOUT_CODE[reason];
  if (known) return known;
  const code = /^([a-z][a-z0-9_]*):/.exec(reason)?.[1];
  if (!code) return FALLBACK;
  return BY_CODE[code] ?? (code.endsWith('not_found') ? 'refunds.avatarGone' : FALLBACK);
}
