/**
 * The one codec for component and modal custom ids: `v1:<action>:<arg>…`.
 *
 * All state lives in records (jobs, panels), so an id carries only what finds the record. Anything that
 * does not parse — another version, an unknown action, a wrong number of arguments, odd characters —
 * is rejected, so a forged id can never reach a handler.
 */

import { COMPONENTS, type ComponentArgValues, type CustomIdAction } from './components.js';

export const CUSTOM_ID_VERSION = 'v1';
export const CUSTOM_ID_MAX_LENGTH = 100;

/** How many arguments each action's id carries, read from the component table. */
export const CUSTOM_ID_ACTIONS = Object.fromEntries(
  Object.entries(COMPONENTS).map(([action, { args }]) => [action, args.length]),
) as Readonly<Record<CustomIdAction, number>>;

export type { CustomIdAction };

export interface ParsedCustomId {
  action: CustomIdAction;
  args: string[];
}

const ARGUMENT_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

function isAction(value: string): value is CustomIdAction {
  return Object.hasOwn(CUSTOM_ID_ACTIONS, value);
}

/** The argument count is checked by the compiler for literal actions, and here for everything else. */
export function encodeCustomId<A extends CustomIdAction>(action: A, ...args: ComponentArgValues<A>): string {
  const expected = CUSTOM_ID_ACTIONS[action];
  if (args.length !== expected) {
    throw new Error(`custom id action "${action}" takes ${expected} argument(s), got ${args.length}`);
  }
  const parts = (args as ReadonlyArray<string | number>).map(String);
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
