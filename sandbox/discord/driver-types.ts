import type { FileInput, OptionValue } from './command-options.js';

/** What tests pass to the driver to act as a Discord user. */

export interface CommandInvocation {
  /** User id or username. */
  user: string;
  /** Guild id or name; defaults to the only guild. */
  guild?: string;
  /** Channel id or name. */
  channel: string;
  /** Command name; 'quota allowance' (with spaces) names a subcommand, as Discord shows it. */
  name: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  /** Files for attachment options, by option name. */
  attachments?: Record<string, FileInput>;
  locale?: string;
  /**
   * Send it even where Discord's client would refuse (a value out of range, a command the member is not
   * offered), as a forged interaction or an admin's Integrations override would: for testing the bot's own
   * checks. Option names and types must still exist.
   */
  skipClientChecks?: boolean;
}

export interface AutocompleteInvocation extends CommandInvocation {
  /** The option being typed in. */
  focused: string;
}

export interface ComponentInvocation {
  /** The message (or its id) carrying the component. */
  message: string | { id: string };
  customId: string;
  user: string;
  /** This interaction's `locale`, over the member's own (see setLocale). */
  locale?: string;
}

export interface SelectInvocation extends ComponentInvocation {
  values: string[];
}

export interface ModalSubmission {
  /** The interaction (or its handle or id) the bot answered with the modal. */
  interaction: string | { id: string };
  fields: Record<string, string>;
  customId?: string;
  user?: string;
  /** This interaction's `locale`, over the member's own (see setLocale). */
  locale?: string;
}

export interface CommandQuery {
  /** List only the commands this user (id or username) is offered. */
  as?: string;
  /** Where the user types (id or name): channel overwrites can change what they may run. */
  channel?: string;
}

export interface MessageQuery {
  /** See the channel as this user: others' ephemeral messages are left out. Without it, all are listed. */
  as?: string;
  includeDeleted?: boolean;
}
