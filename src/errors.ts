/**
 * An error the member caused or can fix (not enough credits, a blocked word, an option out of range).
 * The interaction error boundary shows its message as is, ephemerally; every other error is logged and
 * the member only sees a short generic line with a reference.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** A stable identifier for tests and logs, e.g. 'not-owner' or 'insufficient-credits'. */
    readonly identifier: string = 'user-error',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
