/** Nested error tree Discord returns with 50035: `{ embeds: { '0': { title: { _errors: [...] } } } }`. */
export interface FieldErrorTree {
  _errors?: { code: string; message: string }[];
  [key: string]: FieldErrorTree | { code: string; message: string }[] | undefined;
}

/** An answer the emulator gives in place of success, shaped as Discord's JSON error body. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FieldErrorTree,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export interface FieldIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export function issuesToTree(issues: readonly FieldIssue[]): FieldErrorTree {
  const root: FieldErrorTree = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) {
      const name = String(key);
      const next = node[name];
      if (next && !Array.isArray(next)) {
        node = next;
      } else {
        const created: FieldErrorTree = {};
        node[name] = created;
        node = created;
      }
    }
    (node._errors ??= []).push({ code: issue.code, message: issue.message });
  }
  return root;
}

export const invalidFormBody = (issues: readonly FieldIssue[]): DiscordHttpError =>
  new DiscordHttpError(400, 50035, 'Invalid Form Body', issuesToTree(issues));

export const unknownInteraction = () => new DiscordHttpError(404, 10062, 'Unknown interaction');
export const alreadyAcknowledged = () =>
  new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.');
export const invalidWebhookToken = () => new DiscordHttpError(401, 50027, 'Invalid Webhook Token');
export const unknownWebhook = () => new DiscordHttpError(404, 10015, 'Unknown Webhook');
export const unknownMessage = () => new DiscordHttpError(404, 10008, 'Unknown Message');
export const unknownChannel = () => new DiscordHttpError(404, 10003, 'Unknown Channel');
export const unknownGuild = () => new DiscordHttpError(404, 10004, 'Unknown Guild');
export const unknownMember = () => new DiscordHttpError(404, 10007, 'Unknown Member');
export const unknownUser = () => new DiscordHttpError(404, 10013, 'Unknown User');
export const unknownCommand = () => new DiscordHttpError(404, 10063, 'Unknown application command');
export const missingAccess = () => new DiscordHttpError(403, 50001, 'Missing Access');
export const cannotMessageUser = () => new DiscordHttpError(403, 50007, 'Cannot send messages to this user');
export const missingPermissions = () => new DiscordHttpError(403, 50013, 'Missing Permissions');
export const emptyMessage = () => new DiscordHttpError(400, 50006, 'Cannot send an empty message');
export const tooManyAttachments = () =>
  new DiscordHttpError(400, 30015, 'Maximum number of attachments in a message reached (10)');
export const entityTooLarge = () => new DiscordHttpError(413, 40005, 'Request entity too large');
export const notAuthor = () =>
  new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user');
export const oldMessageEdit = () =>
  new DiscordHttpError(
    400,
    30046,
    'Maximum number of edits to messages older than 1 hour reached. Try again later',
  );
export const unauthorized = () => new DiscordHttpError(401, 0, '401: Unauthorized');
export const notFound = () => new DiscordHttpError(404, 0, '404: Not Found');
export const methodNotAllowed = () => new DiscordHttpError(405, 0, '405: Method Not Allowed');
