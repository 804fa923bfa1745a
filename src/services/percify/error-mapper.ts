import { z } from 'zod';
import {
  AuthenticationError,
  AvatarNotCompletedError,
  ContentPolicyError,
  InsufficientCreditsError,
  InvalidDurationError,
  InvalidImageError,
  NotFoundError,
  PercifyApiError,
  type PercifyError,
  type PercifyErrorOptions,
  ProcessingFailedError,
  RateLimitedError,
  ServerError,
  TierLimitError,
} from './errors.js';

/**
 * Turns an error answer into the matching error class. The docs show three incompatible envelopes,
 * all accepted here:
 *   (a) nested  `{ error: { code, message, details } }`   (API reference pages)
 *   (b) flat    `{ error: 'Unauthorized', reason? }`       (security page)
 *   (c) OpenAPI `{ error, message, code }`
 * When no code can be read, the HTTP status decides.
 */

export interface ErrorAnswer {
  status: number;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  /** Raw `Retry-After` header value, if any. */
  retryAfterHeader?: string | undefined;
  requestId?: string | undefined;
}

interface ParsedEnvelope {
  code: string | undefined;
  message: string | undefined;
  details: Record<string, unknown> | undefined;
}

const nestedEnvelope = z.looseObject({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

const flatEnvelope = z.looseObject({
  error: z.string().optional(),
  message: z.string().optional(),
  code: z.string().optional(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export function parseErrorEnvelope(body: unknown): ParsedEnvelope {
  const nested = nestedEnvelope.safeParse(body);
  if (nested.success) {
    const { code, message, details } = nested.data.error;
    return { code, message, details };
  }
  const flat = flatEnvelope.safeParse(body);
  if (flat.success) {
    const { error, message, code, reason, details } = flat.data;
    // In the flat format `error` is a human phrase ("Unauthorized"), so it is only a message.
    const mergedDetails = reason === undefined ? details : { reason, ...details };
    return { code, message: message ?? error, details: mergedDetails };
  }
  return { code: undefined, message: undefined, details: undefined };
}

const numberField = (details: Record<string, unknown> | undefined, key: string): number | undefined => {
  const value = details?.[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
};

const calculationSchema = z.object({ base: z.number(), additional: z.number(), total: z.number() });
const categoriesSchema = z.array(z.string());

/** Reads `Retry-After` as delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Percify rejected the request',
  401: 'Percify rejected the API key',
  402: 'Not enough Percify credits',
  403: 'Percify denied access',
  404: 'Not found on Percify',
  429: 'Too many requests to Percify',
};

export function errorFromResponse(answer: ErrorAnswer): PercifyError {
  const { status } = answer;
  const { code, message: rawMessage, details } = parseErrorEnvelope(answer.body);
  const message = rawMessage ?? STATUS_TEXT[status] ?? `Percify answered HTTP ${status}`;
  const options: PercifyErrorOptions = { status, details, requestId: answer.requestId };

  switch (code) {
    case 'insufficient_credits': {
      const calculation = calculationSchema.safeParse(details?.calculation);
      return new InsufficientCreditsError(
        message,
        {
          required: numberField(details, 'required'),
          available: numberField(details, 'available'),
          shortfall: numberField(details, 'shortfall'),
          calculation: calculation.success ? calculation.data : undefined,
        },
        options,
      );
    }
    case 'rate_limit_exceeded':
      return rateLimited(message, details, answer, options);
    case 'invalid_prompt':
    case 'content_policy_violation': {
      const categories = categoriesSchema.safeParse(details?.categories);
      const reason = details?.reason;
      return new ContentPolicyError(
        code,
        message,
        {
          reason: typeof reason === 'string' ? reason : undefined,
          categories: categories.success ? categories.data : [],
        },
        options,
      );
    }
    case 'invalid_image':
      return new InvalidImageError(message, options);
    case 'avatar_not_completed':
      return new AvatarNotCompletedError(message, options);
    case 'invalid_duration':
      return new InvalidDurationError(message, options);
    case 'processing_failed':
    case 'processing_error':
      return new ProcessingFailedError(code, message, options);
    case 'authentication_required':
    case 'unauthorized':
    case 'forbidden':
      return new AuthenticationError(code, message, options);
    case 'unauthorized_access':
      // Someone else's private resource: for this account it does not exist.
      return new NotFoundError(code, message, options);
    case 'tier_limit_reached':
      return new TierLimitError(message, options);
    case undefined:
      return fromStatusOnly(message, details, answer, options);
    default:
      if (code === 'not_found' || code.endsWith('_not_found') || status === 404) {
        return new NotFoundError(code, message, options);
      }
      if (status >= 500) return new ServerError(code, message, options);
      if (status === 401 || status === 403) return new AuthenticationError(code, message, options);
      if (status === 429) return rateLimited(message, details, answer, options);
      return new PercifyApiError(code, message, options);
  }
}

function rateLimited(
  message: string,
  details: Record<string, unknown> | undefined,
  answer: ErrorAnswer,
  options: PercifyErrorOptions,
): RateLimitedError {
  // The header and the body can both be present; the longer wait is the safe one.
  const fromHeader = parseRetryAfter(answer.retryAfterHeader);
  const fromBody = numberField(details, 'retryAfter');
  const waits = [fromHeader, fromBody].filter((value): value is number => value !== undefined);
  const retryAfterSeconds = waits.length === 0 ? undefined : Math.max(...waits);
  return new RateLimitedError(message, retryAfterSeconds, options);
}

function fromStatusOnly(
  message: string,
  details: Record<string, unknown> | undefined,
  answer: ErrorAnswer,
  options: PercifyErrorOptions,
): PercifyError {
  const { status } = answer;
  if (status === 401) return new AuthenticationError('authentication_required', message, options);
  if (status === 403) return new AuthenticationError('forbidden', message, options);
  if (status === 404) return new NotFoundError('not_found', message, options);
  if (status === 402) return new InsufficientCreditsError(message, {}, options);
  if (status === 429) return rateLimited(message, details, answer, options);
  if (status >= 500) return new ServerError('server_error', message, options);
  if (status === 400) return new PercifyApiError('invalid_request', message, options);
  return new PercifyApiError(`http_${status}`, message, options);
}
