/** An API error answered with the nested envelope `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string; details?: Record<string, unknown> } } {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

export const invalidRequest = (field: string, message: string): ApiError =>
  new ApiError(400, 'invalid_request', `Invalid '${field}': ${message}`, { field });

export const notFound = (code: string, what: string, id: string): ApiError =>
  new ApiError(404, code, `${what} not found: ${id}`, { id });
