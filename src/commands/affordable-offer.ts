import type { RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import type { Balance, GuildSettings } from '../services/credits/index.js';
import { credits, relativeTime } from '../services/delivery/style.js';
import type { CompleteJobRequest } from './job-policy.js';
import { whatFits } from './what-fits.js';

/**
 * Whether the member can pay a price now, and when not, the one short message they get instead of an
 * offer they could not take: the price, what they have, what would fit, and when that changes.
 */

type GuildRepliable = RepliableInteraction<'cached'>;

export type Affordability = { ok: true; balance: Balance } | { ok: false; message: string };

export async function checkAffordable(
  interaction: GuildRepliable,
  ctx: BotContext,
  settings: GuildSettings,
  request: CompleteJobRequest,
  price: number,
): Promise<Affordability> {
  const balance = await ctx.ledger.balance(interaction.guildId, interaction.user.id, [
    ...interaction.member.roles.cache.keys(),
  ]);
  if (price <= balance.spendable && (!balance.budget || price <= balance.budget.left)) {
    return { ok: true, balance };
  }
  return { ok: false, message: cannotAfford(settings, request, price, balance) };
}

/** The message itself; also used when the ledger refuses a hold for want of credits. */
export function cannotAfford(
  settings: GuildSettings,
  request: CompleteJobRequest,
  price: number,
  balance: Balance,
): string {
  // The server's budget binds when it has less left than the member does.
  const budget = balance.budget && balance.budget.left < balance.spendable ? balance.budget : undefined;
  const available = Math.max(0, budget ? budget.left : balance.spendable);
  const have = budget
    ? `the server's ${budget.period === 'day' ? 'daily' : 'monthly'} budget has ${credits(available)} left`
    : `you have ${credits(available)}`;
  const fits = whatFits(settings, request, available);
  const instead =
    fits.length > 0 ? `With that you could make ${fits.join(' or ')}.` : 'Nothing smaller fits right now.';
  const resets = budget
    ? `The budget resets ${relativeTime(budget.resetsAt)}.`
    : `Your allowance resets ${relativeTime(balance.resetsAt)}.`;
  return `💳 Not enough credits: this costs **${credits(price)}** and ${have}. ${instead} ${resets} Nothing was charged.`;
}
