import type { Message } from '../i18n/catalog-types.js';
import type { GuildSettings } from './guild-settings.js';
import type { MemberView } from './ledger-balance.js';
import type { BudgetView, InsufficientCredits, ReserveRequest } from './ledger-types.js';

/**
 * Why a reservation is refused, checked in this order: what the guild does not allow at all (model,
 * tier, variations, duration), then how many jobs the member has running, then money (the member's
 * balance, then the guild budget). Each answer carries a sentence a member can act on, as a catalog
 * message (`quota.limits.*`) the command renders in the member's language.
 */

export function checkLimits(
  settings: GuildSettings,
  request: ReserveRequest,
  view: MemberView,
): InsufficientCredits | undefined {
  const { limits } = settings;
  const { usage, amount } = request;
  const refuse = (limitedBy: InsufficientCredits['limitedBy'], detail: Message): InsufficientCredits => ({
    required: amount,
    available: view.balance.spendable,
    limitedBy,
    detail,
  });
  if (usage.model !== undefined && !(limits.allowedModels as readonly string[]).includes(usage.model)) {
    return refuse('model', {
      key: 'quota.limits.model',
      vars: { model: usage.model, allowed: limits.allowedModels.join(', ') },
    });
  }
  if (usage.tier !== undefined && !(limits.allowedTiers as readonly string[]).includes(usage.tier)) {
    return refuse('tier', {
      key: 'quota.limits.tier',
      vars: { tier: usage.tier, allowed: limits.allowedTiers.join(', ') },
    });
  }
  if (usage.variations !== undefined && usage.variations > limits.maxVariations) {
    return refuse('variations', { key: 'quota.limits.variations', vars: { count: limits.maxVariations } });
  }
  if (usage.videoSeconds !== undefined && usage.videoSeconds > limits.maxVideoSeconds) {
    return refuse('duration', { key: 'quota.limits.duration', vars: { count: limits.maxVideoSeconds } });
  }
  if (view.openHolds.length >= limits.concurrentJobs) {
    return refuse('concurrency', {
      key: 'quota.limits.concurrency',
      vars: { count: view.openHolds.length, limit: limits.concurrentJobs },
    });
  }
  return undefined;
}

export function checkFunds(
  view: MemberView,
  budget: BudgetView | undefined,
  amount: number,
): InsufficientCredits | undefined {
  const { spendable } = view.balance;
  if (spendable < amount) {
    return {
      required: amount,
      available: spendable,
      limitedBy: 'allowance',
      detail: { key: 'quota.limits.allowance', vars: { count: amount, left: spendable } },
      resetsAt: view.balance.resetsAt,
    };
  }
  if (budget && budget.left < amount) {
    return {
      required: amount,
      available: budget.left,
      limitedBy: 'budget',
      detail: {
        key: budget.period === 'day' ? 'quota.limits.budgetDay' : 'quota.limits.budgetMonth',
        vars: { count: amount, left: budget.left },
      },
      resetsAt: budget.resetsAt,
    };
  }
  return undefined;
}
