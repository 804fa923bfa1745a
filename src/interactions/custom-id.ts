/**
 * The one codec for component and modal custom ids: `v1:<action>:<arg>…`.
 *
 * All state lives in records (jobs, panels), so an id carries only what finds the record. Anything that
 * does not parse — another version, an unknown action, a wrong number of arguments, odd characters —
 * is rejected, so a forged id can never reach a handler.
 */

export const CUSTOM_ID_VERSION = 'v1';
export const CUSTOM_ID_MAX_LENGTH = 100;

/** Every action and how many arguments it carries. */
export const CUSTOM_ID_ACTIONS = {
  // avatar results
  reroll: 1, // jobId
  variations: 2, // jobId, image index
  hd: 2, // jobId, image index
  animate: 2, // jobId, image index
  delete: 1, // jobId
  // the animate panel and confirmations
  panel: 2, // panelId, field (tier | motion | duration | render | cancel)
  confirm: 1, // pendingId
  cancel: 1, // pendingId
  // video results
  voice: 1, // jobId (opens the Add voice modal)
  voicemodal: 1, // jobId (the modal's submit)
  rerender: 1, // jobId
  // /avatar without a prompt
  promptmodal: 1, // draftId
  // /gallery paging
  gallery: 3, // ownerId, page, direction/version
} as const;

export type CustomIdAction = keyof typeof CUSTOM_ID_ACTIONS;

export interface ParsedCustomId {
  action: CustomIdAction;
  args: string[];
}

const ARGUMENT_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

function isAction(value: string): value is CustomIdAction {
  return Object.hasOwn(CUSTOM_ID_ACTIONS, value);
}

export function encodeCustomId(action: CustomIdAction, ...args: Array<string | number>): string {
  const expected = CUSTOM_ID_ACTIONS[action];
  if (args.length !== expected) {
    throw new Error(`custom id action "${action}" takes ${expected} argument(s), got ${args.length}`);
  }
  const parts = args.map(String);
  for (const part of parts) {
    if (!ARGUMENT_PATTERN.test(part))
      throw new Error(`custom id argument "${part}" has characters not allowed`);
  }
  const id = [CUSTOM_ID_VERSION, action, ...parts].join(':');
  if (id.length > CUSTOM_ID_MAX_LENGTH) throw new Error(`custom id is longer than ${CUSTOM_ID_MAX_LENGTH}`);
  return id;
}

export function parseCustomId(customId: string): ParsedCustomId | null {
  if (customId.length === 0 || customId.length > CUSTOM_ID_MAX_LENGTH) return null;
  const [version, action, ...args] = customId.split(':');
  if (version !== CUSTOM_ID_VERSION || action === undefined || !isAction(action)) return null;
  if (args.length !== CUSTOM_ID_ACTIONS[action]) return null;
  if (!args.every((arg) => ARGUMENT_PATTERN.test(arg))) return null;
  return { action, args };
}
