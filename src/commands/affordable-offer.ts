import type { RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import type { Balance, GuildSettings } from '../services/credits/index.js';
import { relativeTime } from '../services/delivery/style.js';
import { forMember, type Message } from '../services/i18n/index.js';
import type { CompleteJobRequest } from './job-policy.js';
import { whatFits } from './what-fits.js';

/**
 * Whether the member can pay a price now, and when not, the one short message they get instead of an
 * offer they could not take: the price, what they have, what would fit, and when that changes.
 */

type GuildRepliable = RepliableInteraction<'cached'>;

/** `message`: the refusal, already in the member's language (only they see it). */
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
  const message = forMember(ctx.i18n, interaction).render(cannotAfford(settings, request, price, balance));
  return { ok: false, message };
}

/**
 * The message itself, to render for the member (a UserError carries it as it is); also used when the
 * ledger refuses a hold for want of credits.
 */
export function cannotAfford(
  settings: GuildSettings,
  request: CompleteJobRequest,
  price: number,
  balance: Balance,
): Message {
  // The server's budget binds when it has less left than the member does.
  const budget = balance.budget && balance.budget.left < balance.spendable ? balance.budget : undefined;
  const available = Math.max(0, budget ? budget.left : balance.spendable);
  const amount: Message = { key: 'units.credits', vars: { count: available } };
  const have: Message = budget
    ? {
        key: budget.period === 'day' ? 'guide.afford.haveBudgetDay' : 'guide.afford.haveBudgetMonth',
        vars: { amount },
      }
    : { key: 'guide.afford.haveOwn', vars: { amount } };
  const fits = whatFits(settings, request, available);
  const instead: Message =
    fits.length > 0
      ? { key: 'guide.afford.fits', vars: { fits: { anyOf: fits } } }
      : { key: 'guide.afford.nothingFits' };
  const resets: Message = budget
    ? { key: 'guide.afford.budgetResets', vars: { when: relativeTime(budget.resetsAt) } }
    : { key: 'guide.afford.allowanceResets', vars: { when: relativeTime(balance.resetsAt) } };
  return {
    key: 'guide.afford.notEnough',
    vars: { price: { key: 'units.credits', vars: { count: price } }, have, instead, resets },
  };
}
