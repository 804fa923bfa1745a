import type { Message } from './services/i18n/catalog-types.js';

/**
 * An error the member caused or can fix (not enough credits, a blocked word, an option out of range).
 * The interaction error boundary shows its message ephemerally, in the member's language when it is a
 * catalog message; every other error is logged and the member only sees a short generic line with a
 * reference.
 */
export class UserError extends Error {
  /** The catalog message to show, when the thrower wrote one (converted code); else `message` as is. */
  readonly text: Message | undefined;

  constructor(
    message: string | Message,
    /** A stable identifier for tests and logs, e.g. 'not-owner' or 'insufficient-credits'. */
    readonly identifier: string = 'user-error',
  ) {
    // The log reads the key and its values: enough to find the text in the catalog.
    super(typeof message === 'string' ? message : `${message.key} ${JSON.stringify(message.vars ?? {})}`);
    this.name = 'UserError';
    this.text = typeof message === 'string' ? undefined : message;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
