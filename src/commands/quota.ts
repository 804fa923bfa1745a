import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { requireServerManager } from './quota-access.js';
import { ALERT_HANDLERS } from './quota-alerts.js';
import { CREDIT_HANDLERS } from './quota-credits.js';
import { quotaCommandData } from './quota-data.js';
import { SETTINGS_HANDLERS } from './quota-settings.js';
import type { CommandModule, GuildCommandInteraction } from './types.js';

/**
 * `/quota`: the admins' controls. Discord shows it only to members with Manage Server
 * (default_member_permissions); the same permission is checked here again before anything is read
 * or changed, because admins can override who sees a command and interactions can be forged.
 */

const HANDLERS = { ...SETTINGS_HANDLERS, ...CREDIT_HANDLERS, ...ALERT_HANDLERS };

async function execute(interaction: GuildCommandInteraction, ctx: BotContext): Promise<void> {
  requireServerManager(interaction);
  const group = interaction.options.getSubcommandGroup(false);
  const subcommand = interaction.options.getSubcommand(true);
  const handler = HANDLERS[group ? `${group} ${subcommand}` : subcommand];
  if (!handler)
    throw new UserError('That `/quota` subcommand is not available any more.', 'unknown-subcommand');
  await handler(interaction, ctx);
}

export const quotaModule: CommandModule = { command: { data: quotaCommandData, execute } };
