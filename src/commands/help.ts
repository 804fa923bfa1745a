import { MessageFlags } from 'discord.js';
import { renderHelp, type HelpCommandLine } from '../services/delivery/help-replies.js';
import { COMMAND_DATA } from './data/index.js';
import { helpCommandData } from './data/help.js';
import { defineCommand } from './kit/define-command.js';

/** `/help`: what the bot does, the price list and the member's balance, for their eyes only. */

/** The registered commands, read from their own data so /help never lists one that is not there. */
function registeredCommands(): HelpCommandLine[] {
  return COMMAND_DATA.map((data) => ({
    name: data.name,
    description: data.description,
    adminOnly: 'default_member_permissions' in data && data.default_member_permissions !== null,
  }));
}

export const helpModule = defineCommand(helpCommandData, {
  async execute(interaction, _options, ctx) {
    const roleIds = [...interaction.member.roles.cache.keys()];
    const commands = registeredCommands();
    const [balance, settings] = await Promise.all([
      ctx.ledger.balance(interaction.guildId, interaction.user.id, roleIds),
      ctx.settings.get(interaction.guildId),
    ]);
    const body = renderHelp({
      commands,
      balance,
      roleAllowances: settings.roleAllowances,
      limits: settings.limits,
      features: settings.features,
    });
    await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  },
});
