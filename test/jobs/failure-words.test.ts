import { describe, expect, it } from 'vitest';
import { createI18n, type Message } from '../../src/services/i18n/index.js';
import { generationFailure, submitFailure } from '../../src/services/jobs/submit-outcome.js';
import { stageFailureReason, videoSubmitFailure } from '../../src/services/jobs/video-failures.js';
import {
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  InvalidDurationError,
  InvalidImageError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  PercifyApiError,
  PercifyResponseError,
  PercifyValidationError,
  ProcessingFailedError,
  RateLimitedError,
  ServerError,
  TierLimitError,
  TimeoutError,
} from '../../src/services/percify/index.js';
import { videoJob } from '../video/fixtures.js';

// The right reason for each Percify code (issue 13, item 7): what the member reads when Percify
// refuses a request or a generation fails. A failed generation is not a policy block, the operator's
// account is never the member's fault, and no internal code reaches the member.

const POLICY = /content policy/;

/** The reasons are catalog messages, rendered in the channel's language: here, English. */
const english = createI18n().translator('en');
const words = (message: Message) => english.render(message);

/** Nothing a member reads carries a code such as `processing_failed` or a raw status. */
function expectMemberWords(reason: string) {
  expect(reason).not.toMatch(/[a-z]+_[a-z]+/);
  expect(reason).not.toMatch(/HTTP|\b[45]\d\d\b/);
  expect(reason.length).toBeLessThan(200);
}

describe('a generation Percify accepted and then failed', () => {
  it.each([
    ['processing_failed', /could not finish this one; it was not your prompt/],
    ['processing_error', /could not finish this one; it was not your prompt/],
    [undefined, /could not finish this one/],
    ['some_new_code', /could not finish this one/],
    ['content_policy_violation', /content policy stopped this one\. Try rewording the prompt/],
    ['invalid_prompt', /content policy stopped this one/],
    ['invalid_image', /could not open this avatar's image.*Pick another avatar/],
    ['avatar_not_completed', /still being finished\. Try again in a minute/],
    ['avatar_not_found', /could not find that avatar.*Pick another one/],
    ['unauthorized_access', /could not find that avatar/],
    ['invalid_duration', /refused this length of video\. Try a shorter one/],
    ['voice_not_found', /voice does not exist any more\. Pick another/],
    ['text_too_long', /too long\. Shorten it/],
    ['unsupported_language', /cannot speak the language/],
    ['insufficient_credits', /account is out of credits.*not about your balance/],
    ['tier_limit_reached', /plan has reached its daily limit\. Try again tomorrow/],
    ['rate_limit_exceeded', /too busy.*Try again in a minute/],
    ['timeout', /took too long.*Try again/],
  ])('%s reads as %s', (code, expected) => {
    const reason = words(generationFailure(code, 'avatar').reason);
    expect(reason).toMatch(expected);
    expectMemberWords(reason);
  });

  it('never calls a failed generation a policy block', () => {
    for (const code of ['processing_failed', 'processing_error', 'failed', undefined]) {
      expect(words(generationFailure(code, 'avatar').reason)).not.toMatch(POLICY);
    }
  });

  it('says what the member can change for each kind of work', () => {
    expect(words(generationFailure('content_policy_violation', 'audio').reason)).toContain('the spoken line');
    expect(words(generationFailure('content_policy_violation', 'video').reason)).toContain('another avatar');
    expect(words(generationFailure('content_policy_violation', 'lipsync').reason)).toContain('spoken line');
  });

  it("keeps Percify's code, and the alert's code for an account out of credits", () => {
    expect(generationFailure('processing_failed', 'video').code).toBe('processing_failed');
    expect(generationFailure(undefined, 'avatar').code).toBe('processing_failed');
    expect(generationFailure('insufficient_credits', 'avatar').code).toBe('operator_out_of_credits');
  });

  it('names the reason of a failed video stage, not only the stage', () => {
    expect(words(stageFailureReason('video', 'processing_error'))).toMatch(/could not finish this one/);
    expect(words(stageFailureReason('audio', 'content_policy_violation'))).toMatch(
      /rewording the spoken line/,
    );
    expect(words(stageFailureReason('lipsync', undefined))).toMatch(/Try again in a moment/);
  });
});

describe('a request Percify refused', () => {
  it.each([
    [
      'the content policy, with its categories',
      new ContentPolicyError('invalid_prompt', 'Prompt violates content policy', {
        categories: ['violence'],
      }),
      'content_policy',
      /content policy refused this \(violence\)\. Try rewording the prompt/,
    ],
    [
      "the operator's account out of credits",
      new InsufficientCreditsError('Not enough credits', { required: 5, available: 2 }),
      'operator_out_of_credits',
      /not about your balance: a server admin needs to top the account up/,
    ],
    ['the plan limit', new TierLimitError('Daily limit'), 'tier_limit', /daily limit/],
    [
      'a refused key',
      new AuthenticationError('authentication_required', 'Unauthorized'),
      'percify_auth',
      /A server admin needs to check the setup/,
    ],
    [
      'our own check of a setting',
      new PercifyValidationError('guidanceScale', 'must be 1-20'),
      'validation_error',
      /These settings are not allowed \(guidanceScale\)/,
    ],
    [
      'a failed generation',
      new ProcessingFailedError('processing_failed', 'Generation failed'),
      'processing_failed',
      /could not finish this one/,
    ],
    [
      'a missing avatar',
      new NotFoundError('avatar_not_found', 'Avatar not found'),
      'avatar_not_found',
      /could not find that avatar/,
    ],
    [
      'something else missing',
      new NotFoundError('not_found', 'Not found'),
      'not_found',
      /could not find what this needs/,
    ],
    [
      'invalid settings',
      new PercifyApiError('invalid_request', 'Invalid input'),
      'invalid_request',
      /did not accept these settings/,
    ],
    [
      'an answer the bot could not read',
      new PercifyResponseError('bad shape'),
      'invalid_response',
      /Something went wrong while asking Percify.*tell a server admin/,
    ],
    ['a bug of ours', new TypeError('x is undefined'), 'unexpected', /Something went wrong/],
  ])('%s', (_name, error, code, expected) => {
    const outcome = submitFailure(error);
    expect(outcome).toMatchObject({ status: 'refused', code });
    if (outcome.status !== 'refused') return;
    expect(words(outcome.reason)).toMatch(expected);
    expectMemberWords(words(outcome.reason));
  });

  it('waits out what will pass, and reconciles what may have been accepted', () => {
    expect(submitFailure(new RateLimitedError('slow down', 45))).toMatchObject({
      status: 'retry',
      afterMs: 45_000,
    });
    expect(submitFailure(new NetworkError('refused'))).toMatchObject({ status: 'retry' });
    expect(submitFailure(new ServerError('unavailable', 'down', { status: 503 }))).toMatchObject({
      status: 'retry',
    });
    expect(submitFailure(new ServerError('server_error', 'boom', { status: 500 }))).toMatchObject({
      status: 'unknown',
    });
    expect(submitFailure(new TimeoutError(30_000))).toMatchObject({ status: 'unknown' });
    expect(submitFailure(new OutcomeUnknownError({ method: 'POST', path: '/x' }))).toMatchObject({
      status: 'unknown',
    });
  });
});

describe('a video request Percify refused', () => {
  const params = videoJob({ tier: 'basic', durationSeconds: 12 }).params;

  it('waits for an avatar that is still being finished', () => {
    expect(videoSubmitFailure(new PercifyApiError('avatar_not_completed', 'busy'), params)).toMatchObject({
      status: 'retry',
    });
  });

  it("names the tier's lengths for a refused duration", () => {
    const outcome = videoSubmitFailure(new InvalidDurationError('out of range'), params);
    expect(outcome).toMatchObject({ status: 'refused', code: 'invalid_duration' });
    if (outcome.status === 'refused')
      expect(words(outcome.reason)).toMatch(/12-second clip: Basic videos are 3 to 10/);
  });

  it('says which avatar, voice or line to change', () => {
    const reason = (error: Error, stage?: 'audio' | 'video') => {
      const outcome = videoSubmitFailure(error, params, stage);
      return outcome.status === 'refused' ? words(outcome.reason) : outcome.status;
    };
    expect(reason(new InvalidImageError('gone'))).toMatch(/Pick another avatar/);
    expect(reason(new NotFoundError('voice_not_found', 'no voice'), 'audio')).toMatch(/Pick another/);
    expect(reason(new PercifyApiError('text_too_long', 'long'), 'audio')).toMatch(/Shorten it/);
    expect(reason(new ContentPolicyError('content_policy_violation', 'no', {}), 'audio')).toMatch(
      /rewording the spoken line/,
    );
  });
});
