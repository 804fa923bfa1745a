import { PermissionFlagsBits } from 'discord.js';
import { UserError } from '../errors.js';
import type { GuildCommandInteraction, GuildComponentInteraction } from './types.js';

/**
 * Who may change a server's quota, and the run-time checks of option values. Discord hides `/quota`
 * from members without Manage Server and enforces the option ranges in its client, but an interaction
 * can be forged or the admin can override the command's permissions: so every handler checks again.
 */

/**
 * The reason of a `/quota` change in the audit log ("/quota limits"): the subcommand's own name, the
 * same in every language, never shown to members.
 */
export function auditReason(subcommand: string): string {
  return ['/quota', subcommand].join(' ');
}

/** Manage Server, checked on the permissions Discord sent with this very interaction. */
export function isServerManager(interaction: GuildCommandInteraction | GuildComponentInteraction): boolean {
  return interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
}

export function requireServerManager(interaction: GuildCommandInteraction): void {
  if (!isServerManager(interaction)) {
    throw new UserError({ key: 'quota.access.notAdmin' }, 'not-admin');
  }
}

/**
 * A whole number of credits within [min, max], or a clear refusal naming the option (option names
 * are the same in every language). The refusals are catalog messages the router renders for the admin.
 */
export function wholeNumber(value: number, option: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserError(
      { key: 'quota.access.wholeNumber', vars: { option, min, max, value: String(value) } },
      'invalid-option',
    );
  }
  return value;
}

/** An option that may be left out: unset stays unset, a value must be a whole number within [min, max]. */
export function optionalWholeNumber(
  value: number | undefined,
  option: string,
  min: number,
  max: number,
): number | undefined {
  return value === undefined ? undefined : wholeNumber(value, option, min, max);
}

/** A string option trimmed, or a refusal when it is empty or longer than `max`. */
export function trimmedText(value: string, option: string, max: number): string {
  const text = value.trim();
  if (text.length === 0 || text.length > max) {
    throw new UserError({ key: 'quota.access.textLength', vars: { option, max } }, 'invalid-option');
  }
  return text;
}
