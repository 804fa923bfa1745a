import { MessageFlags } from 'discord.js';
import { renderHelp, type HelpCommandLine } from '../services/delivery/help-replies.js';
import type { Language } from '../locales.js';
import { forMember } from '../services/i18n/index.js';
import { COMMAND_DATA } from './data/index.js';
import { COMMAND_TRANSLATIONS } from './data/localizations/index.js';
import { helpCommandData } from './data/help.js';
import { defineCommand } from './kit/define-command.js';

/** `/help`: what the bot does, the price list and the member's balance, for their eyes only. */

/**
 * The registered commands, read from their own data so /help never lists one that is not there, each
 * described in the reader's language (the same text Discord shows in its command picker).
 */
function registeredCommands(language: Language): HelpCommandLine[] {
  return COMMAND_DATA.map((data) => ({
    name: data.name,
    description: language === 'en' ? data.description : COMMAND_TRANSLATIONS[language][data.name].description,
    adminOnly: 'default_member_permissions' in data && data.default_member_permissions !== null,
  }));
}

export const helpModule = defineCommand(helpCommandData, {
  async execute(interaction, _options, ctx) {
    const roleIds = [...interaction.member.roles.cache.keys()];
    const tr = forMember(ctx.i18n, interaction);
    const commands = registeredCommands(tr.language);
    const [balance, settings] = await Promise.all([
      ctx.ledger.balance(interaction.guildId, interaction.user.id, roleIds),
      ctx.settings.get(interaction.guildId),
    ]);
    const body = renderHelp(tr, {
      commands,
      balance,
      roleAllowances: settings.roleAllowances,
      limits: settings.limits,
      features: settings.features,
    });
    await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  },
});
