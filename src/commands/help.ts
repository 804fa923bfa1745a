import { MessageFlags, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from '../context.js';
import { renderHelp, type HelpCommandLine } from '../services/delivery/help-replies.js';
import { GUILD_SLASH_COMMAND, type CommandModule, type GuildCommandInteraction } from './types.js';

/** `/help`: what the bot does, the price list and the member's balance, for their eyes only. */

export const helpCommandData = {
  name: 'help',
  description: 'What this bot does, what things cost, and your credits',
  ...GUILD_SLASH_COMMAND,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The registered commands, read from their own data so /help never lists one that is not there. */
async function registeredCommands(): Promise<HelpCommandLine[]> {
  // Loaded when asked, not at import: the command list imports this module too.
  const { COMMAND_MODULES } = await import('./index.js');
  return COMMAND_MODULES.map(({ command: { data } }) => ({
    name: data.name,
    description: data.description,
    adminOnly: data.default_member_permissions !== undefined && data.default_member_permissions !== null,
  }));
}

async function execute(interaction: GuildCommandInteraction, ctx: BotContext): Promise<void> {
  const roleIds = [...interaction.member.roles.cache.keys()];
  const [commands, balance, settings] = await Promise.all([
    registeredCommands(),
    ctx.ledger.balance(interaction.guildId, interaction.user.id, roleIds),
    ctx.settings.get(interaction.guildId),
  ]);
  const body = renderHelp({ commands, balance, roleAllowances: settings.roleAllowances });
  await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
}

export const helpModule: CommandModule = {
  command: { data: helpCommandData, execute },
};
