/** An error the simulator answers with, in the docs' nested envelope `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { error: { code: string; message: string; details?: Record<string, unknown> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function invalidField(field: string, expectation: string): ApiError {
  return new ApiError(400, 'invalid_request', `Invalid field '${field}': ${expectation}`, { field });
}

export function notFound(code: string, what: string, id: string): ApiError {
  return new ApiError(404, code, `${what} ${id} not found`, { id });
}
