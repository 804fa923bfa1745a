import { MessageFlags } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { forMember } from '../services/i18n/index.js';
import { RECENT_ENTRIES_SHOWN, renderCredits } from '../services/delivery/credits-replies.js';
import { isServerManager } from './quota-access.js';
import { creditsCommandData } from './data/credits.js';
import { defineCommand } from './kit/define-command.js';
import type { OptionsOf } from './kit/option-types.js';
import type { GuildCommandInteraction } from './types.js';

/** `/credits`: what a member can spend now, and their last charges and refunds. Always ephemeral. */

async function execute(
  interaction: GuildCommandInteraction,
  { member: target }: OptionsOf<typeof creditsCommandData>,
  ctx: BotContext,
): Promise<void> {
  const viewedByOther = target !== undefined && target.id !== interaction.user.id;
  const admin = isServerManager(interaction);
  if (viewedByOther && !admin) {
    throw new UserError({ key: 'credits.notAdmin' }, 'not-admin');
  }
  const memberId = target?.id ?? interaction.user.id;
  // Role allowances need the member's roles: the invoker's come with the interaction, another
  // member's with the resolved option (or the cache).
  const member = viewedByOther ? interaction.options.getMember('member') : interaction.member;
  if (viewedByOther && !member) {
    throw new UserError({ key: 'credits.notMember', vars: { member: memberId } }, 'not-a-member');
  }
  const roleIds = member ? [...member.roles.cache.keys()] : [];
  const [balance, recent, settings] = await Promise.all([
    ctx.ledger.balance(interaction.guildId, memberId, roleIds),
    ctx.ledger.recentEntries(interaction.guildId, memberId, RECENT_ENTRIES_SHOWN),
    ctx.settings.get(interaction.guildId),
  ]);
  // Ephemeral: only the member reads it, so their own locale.
  const tr = forMember(ctx.i18n, interaction);
  await interaction.reply({
    embeds: [
      renderCredits(
        { memberId, viewedByOther, balance, recent, showBudget: settings.showBudget || admin },
        tr,
      ),
    ],
    flags: MessageFlags.Ephemeral,
  });
}

export const creditsModule = defineCommand(creditsCommandData, { execute });
