import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  AvatarNotCompletedError,
  ContentPolicyError,
  errorFromResponse,
  InsufficientCreditsError,
  InvalidDurationError,
  InvalidImageError,
  NotFoundError,
  PercifyApiError,
  PercifyError,
  ProcessingFailedError,
  RateLimitedError,
  ServerError,
  TierLimitError,
} from '../../src/services/percify/index.js';

const nested = (code: string, message = 'message', details?: Record<string, unknown>) => ({
  error: { code, message, ...(details ? { details } : {}) },
});

describe('errorFromResponse', () => {
  it.each([
    ['insufficient_credits', 402, InsufficientCreditsError],
    ['rate_limit_exceeded', 429, RateLimitedError],
    ['invalid_prompt', 400, ContentPolicyError],
    ['content_policy_violation', 400, ContentPolicyError],
    ['invalid_image', 400, InvalidImageError],
    ['avatar_not_completed', 409, AvatarNotCompletedError],
    ['invalid_duration', 400, InvalidDurationError],
    ['processing_failed', 500, ProcessingFailedError],
    ['processing_error', 500, ProcessingFailedError],
    ['authentication_required', 401, AuthenticationError],
    ['avatar_not_found', 404, NotFoundError],
    ['voice_not_found', 404, NotFoundError],
    ['video_not_found', 404, NotFoundError],
    ['unauthorized_access', 403, NotFoundError],
    ['tier_limit_reached', 403, TierLimitError],
    ['invalid_request', 400, PercifyApiError],
    ['text_too_long', 400, PercifyApiError],
    ['unsupported_language', 400, PercifyApiError],
  ] as const)('maps %s to its class', (code, status, errorClass) => {
    const error = errorFromResponse({ status, body: nested(code, `about ${code}`) });
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(PercifyError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`about ${code}`);
  });

  it('keeps the insufficient-credit numbers and works out a missing shortfall', () => {
    const avatar = errorFromResponse({
      status: 402,
      body: nested('insufficient_credits', 'Not enough credits. Required: 5, Available: 2', {
        required: 5,
        available: 2,
        shortfall: 3,
      }),
    });
    expect(avatar).toMatchObject({ required: 5, available: 2, shortfall: 3, retryable: false });

    const video = errorFromResponse({
      status: 400,
      body: nested('insufficient_credits', 'Not enough credits for 8-second video', {
        required: 48,
        available: 30,
        calculation: { base: 30, additional: 18, total: 48 },
      }),
    });
    expect(video).toBeInstanceOf(InsufficientCreditsError);
    expect(video).toMatchObject({
      required: 48,
      available: 30,
      shortfall: 18,
      calculation: { base: 30, additional: 18, total: 48 },
    });
  });

  it('reads content-policy reason and categories', () => {
    const error = errorFromResponse({
      status: 400,
      body: nested('invalid_prompt', 'Prompt violates content policy', {
        reason: 'prohibited_content',
        categories: ['violence'],
      }),
    });
    expect(error).toMatchObject({ reason: 'prohibited_content', categories: ['violence'] });
  });

  it('takes the wait from details.retryAfter, the Retry-After header, or the longer of both', () => {
    const fromBody = errorFromResponse({
      status: 429,
      body: nested('rate_limit_exceeded', 'x', { retryAfter: 45 }),
    });
    expect(fromBody).toMatchObject({ retryAfterSeconds: 45, retryable: true });
    const fromHeader = errorFromResponse({ status: 429, body: undefined, retryAfterHeader: '7' });
    expect(fromHeader).toBeInstanceOf(RateLimitedError);
    expect(fromHeader).toMatchObject({ retryAfterSeconds: 7 });
    const both = errorFromResponse({
      status: 429,
      body: nested('rate_limit_exceeded', 'x', { retryAfter: 3 }),
      retryAfterHeader: '9',
    });
    expect(both).toMatchObject({ retryAfterSeconds: 9 });
    const date = new Date(Date.now() + 20_000).toUTCString();
    const fromDate = errorFromResponse({ status: 429, body: undefined, retryAfterHeader: date });
    expect((fromDate as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(18);
  });

  it('reads the flat security-page envelope', () => {
    const unauthorized = errorFromResponse({ status: 401, body: { error: 'Unauthorized' } });
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(unauthorized.message).toBe('Unauthorized');
    const banned = errorFromResponse({ status: 403, body: { error: 'Access denied', reason: 'banned' } });
    expect(banned).toBeInstanceOf(AuthenticationError);
    expect(banned.details).toMatchObject({ reason: 'banned' });
    expect(errorFromResponse({ status: 429, body: { error: 'Too Many Requests' } })).toBeInstanceOf(
      RateLimitedError,
    );
    const invalid = errorFromResponse({ status: 400, body: { error: 'Invalid input' } });
    expect(invalid).toBeInstanceOf(PercifyApiError);
    expect(invalid.code).toBe('invalid_request');
  });

  it('reads the OpenAPI flat envelope { error, message, code }', () => {
    const error = errorFromResponse({
      status: 402,
      body: { error: 'Payment Required', message: 'Not enough credits', code: 'insufficient_credits' },
    });
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error.message).toBe('Not enough credits');
  });

  it('falls back on the HTTP status when there is no code', () => {
    expect(errorFromResponse({ status: 401, body: undefined })).toBeInstanceOf(AuthenticationError);
    expect(errorFromResponse({ status: 403, body: 'nope' })).toBeInstanceOf(AuthenticationError);
    expect(errorFromResponse({ status: 404, body: undefined })).toBeInstanceOf(NotFoundError);
    expect(errorFromResponse({ status: 402, body: undefined })).toBeInstanceOf(InsufficientCreditsError);
    const server = errorFromResponse({ status: 503, body: undefined });
    expect(server).toBeInstanceOf(ServerError);
    expect(server.retryable).toBe(true);
    expect(errorFromResponse({ status: 418, body: undefined }).code).toBe('http_418');
  });

  it('keeps unknown codes and messages in a generic error, or a ServerError on 5xx', () => {
    const unknown = errorFromResponse({ status: 400, body: nested('brand_new_code', 'Something new') });
    expect(unknown).toBeInstanceOf(PercifyApiError);
    expect(unknown).toMatchObject({ code: 'brand_new_code', message: 'Something new' });
    const server = errorFromResponse({ status: 502, body: nested('upstream_down', 'Bad gateway') });
    expect(server).toBeInstanceOf(ServerError);
    expect(server.code).toBe('upstream_down');
  });

  it('marks only transient failures retryable', () => {
    expect(errorFromResponse({ status: 400, body: nested('invalid_duration') }).retryable).toBe(false);
    expect(errorFromResponse({ status: 500, body: undefined }).retryable).toBe(true);
    expect(errorFromResponse({ status: 429, body: undefined }).retryable).toBe(true);
  });

  it('never throws, whatever the body, and always answers with a PercifyError', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.jsonValue(),
        fc.option(fc.string()),
        (status, body, header) => {
          const error = errorFromResponse({ status, body, retryAfterHeader: header ?? undefined });
          expect(error).toBeInstanceOf(PercifyError);
          expect(error.status).toBe(status);
          expect(typeof error.message).toBe('string');
        },
      ),
    );
  });
});
