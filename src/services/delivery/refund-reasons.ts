/**
 * Why a member got their credits back, in their words. The ledger keeps the runner's reason, written
 * for the logs ("timed_out: Percify did not finish this in time."); `/credits` shows a short phrase
 * for its code instead, and a plain one for a code it does not know, so no internal code reaches a
 * member.
 */

const BY_CODE: Readonly<Record<string, string>> = {
  timed_out: 'Percify took too long',
  undeliverable: 'the result could not be posted',
  submit_gave_up: 'Percify could not be reached',
  rate_limit_exceeded: 'Percify was too busy',
  content_policy: "Percify's content policy refused the prompt",
  content_policy_violation: "Percify's content policy refused the prompt",
  invalid_prompt: "Percify's content policy refused the prompt",
  operator_out_of_credits: "the server's Percify account ran out of credits",
  insufficient_credits: "the server's Percify account ran out of credits",
  tier_limit: "the server's Percify plan reached its limit",
  tier_limit_reached: "the server's Percify plan reached its limit",
  percify_auth: 'the bot could not sign in to Percify',
  processing_error: 'Percify could not make it',
  processing_failed: 'Percify could not make it',
  failed: 'Percify could not make it',
  invalid_image: "Percify could not read the avatar's image",
  avatar_not_completed: 'the avatar was not finished yet',
  invalid_duration: 'that length is not available',
  voice_not_found: 'the voice is no longer there',
  text_too_long: 'the spoken line was too long',
  unsupported_language: 'that language cannot be spoken yet',
};

/** Reasons the bot writes without a code (see job-runner and launch-job). */
const WITHOUT_CODE: Readonly<Record<string, string>> = {
  'interrupted before the job was recorded': 'the bot restarted before the job began',
  'the first answer could not be sent': 'the bot could not answer in time',
};

const FALLBACK = 'the job did not finish';

export function refundReason(reason: string): string {
  const known = WITHOUT_CODE[reason];
  if (known) return known;
  const code = /^([a-z][a-z0-9_]*):/.exec(reason)?.[1];
  if (!code) return FALLBACK;
  return BY_CODE[code] ?? (code.endsWith('not_found') ? 'the avatar is no longer there' : FALLBACK);
}
