/**
 * Error classes for the Percify client, one per meaning, so callers branch on the class (or `code`)
 * instead of parsing messages. Messages never contain the API key or a raw response body.
 */

export interface PercifyErrorOptions {
  status?: number;
  details?: unknown;
  requestId?: string;
  cause?: unknown;
}

export class PercifyError extends Error {
  readonly code: string;
  readonly status?: number;
  readonly details?: unknown;
  readonly requestId?: string;
  /** True when the same call may succeed if made again later (rate limits, outages, network trouble). */
  readonly retryable: boolean;

  constructor(code: string, message: string, retryable: boolean, options: PercifyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = retryable;
    if (options.status !== undefined) this.status = options.status;
    if (options.details !== undefined) this.details = options.details;
    if (options.requestId !== undefined) this.requestId = options.requestId;
  }
}

/** A generic API error for codes this client does not know; keeps the raw code and message. */
export class PercifyApiError extends PercifyError {
  constructor(code: string, message: string, options: PercifyErrorOptions = {}) {
    super(code, message, false, options);
  }
}

export interface CostCalculation {
  base: number;
  additional: number;
  total: number;
}

export class InsufficientCreditsError extends PercifyError {
  readonly required: number | undefined;
  readonly available: number | undefined;
  readonly shortfall: number | undefined;
  readonly calculation: CostCalculation | undefined;

  constructor(
    message: string,
    fields: { required?: number; available?: number; shortfall?: number; calculation?: CostCalculation },
    options: PercifyErrorOptions = {},
  ) {
    super('insufficient_credits', message, false, options);
    this.required = fields.required;
    this.available = fields.available;
    // The avatar docs send `shortfall`; the video docs only send required and available.
    this.shortfall =
      fields.shortfall ??
      (fields.required !== undefined && fields.available !== undefined
        ? Math.max(0, fields.required - fields.available)
        : undefined);
    this.calculation = fields.calculation;
  }
}

export class RateLimitedError extends PercifyError {
  /** Seconds the server asked us to wait; undefined when it did not say. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, retryAfterSeconds: number | undefined, options: PercifyErrorOptions = {}) {
    super('rate_limit_exceeded', message, true, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The prompt (or text) breaks the content policy: `invalid_prompt` or `content_policy_violation`. */
export class ContentPolicyError extends PercifyError {
  readonly reason: string | undefined;
  readonly categories: string[];

  constructor(
    code: string,
    message: string,
    fields: { reason?: string; categories?: string[] },
    options: PercifyErrorOptions = {},
  ) {
    super(code, message, false, options);
    this.reason = fields.reason;
    this.categories = fields.categories ?? [];
  }
}

export class InvalidImageError extends PercifyError {
  constructor(message: string, options: PercifyErrorOptions = {}) {
    super('invalid_image', message, false, options);
  }
}

export class AvatarNotCompletedError extends PercifyError {
  constructor(message: string, options: PercifyErrorOptions = {}) {
    super('avatar_not_completed', message, false, options);
  }
}

export class InvalidDurationError extends PercifyError {
  constructor(message: string, options: PercifyErrorOptions = {}) {
    super('invalid_duration', message, false, options);
  }
}

/** `processing_failed` (video API) or `processing_error` (video.failed webhook). */
export class ProcessingFailedError extends PercifyError {
  constructor(code: string, message: string, options: PercifyErrorOptions = {}) {
    super(code, message, false, options);
  }
}

/** 401 (missing or bad key) or 403 (banned account). */
export class AuthenticationError extends PercifyError {
  constructor(code: string, message: string, options: PercifyErrorOptions = {}) {
    super(code, message, false, options);
  }
}

/** 404 or any `*_not_found` code; also `unauthorized_access` (someone else's private resource). */
export class NotFoundError extends PercifyError {
  constructor(code: string, message: string, options: PercifyErrorOptions = {}) {
    super(code, message, false, options);
  }
}

export class TierLimitError extends PercifyError {
  constructor(message: string, options: PercifyErrorOptions = {}) {
    super('tier_limit_reached', message, false, options);
  }
}

export class ServerError extends PercifyError {
  constructor(code: string, message: string, options: PercifyErrorOptions = {}) {
    super(code, message, true, options);
  }
}

/** The connection failed (refused, reset, DNS); `cause` holds the underlying error. */
export class NetworkError extends PercifyError {
  constructor(message: string, options: PercifyErrorOptions = {}) {
    super('network_error', message, true, options);
  }
}

export class TimeoutError extends PercifyError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: PercifyErrorOptions = {}) {
    super('timeout', `Percify did not answer within ${timeoutMs} ms`, true, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A generation request may or may not have been accepted (timeout or reset after the body was sent,
 * or a 5xx answer). It was NOT resent, because that could charge twice: the caller must reconcile,
 * e.g. by listing recent avatars, or retry with the same idempotency key.
 */
export class OutcomeUnknownError extends PercifyError {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | undefined;

  constructor(
    fields: { method: string; path: string; idempotencyKey?: string },
    options: PercifyErrorOptions = {},
  ) {
    super(
      'outcome_unknown',
      `${fields.method} ${fields.path} may or may not have been accepted by Percify; not resent`,
      false,
      options,
    );
    this.method = fields.method;
    this.path = fields.path;
    this.idempotencyKey = fields.idempotencyKey;
  }
}

/** An input is outside the documented range; raised before anything is sent. */
export class PercifyValidationError extends PercifyError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('validation_error', `${field}: ${message}`, false);
    this.field = field;
  }
}

/** Percify answered with something that does not match the documented shape. */
export class PercifyResponseError extends PercifyError {
  constructor(message: string, options: PercifyErrorOptions = {}) {
    super('invalid_response', message, false, options);
  }
}

export class ClientClosedError extends PercifyError {
  constructor() {
    super('client_closed', 'The Percify client was closed', false);
  }
}
