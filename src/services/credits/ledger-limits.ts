import type { GuildSettings } from './guild-settings.js';
import type { MemberView } from './ledger-balance.js';
import type { BudgetView, InsufficientCredits, ReserveRequest } from './ledger-types.js';

/**
 * Why a reservation is refused, checked in this order: what the guild does not allow at all (model,
 * tier, variations, duration), then how many jobs the member has running, then money (the member's
 * balance, then the guild budget). Each answer carries a sentence a member can act on.
 */

export function checkLimits(
  settings: GuildSettings,
  request: ReserveRequest,
  view: MemberView,
): InsufficientCredits | undefined {
  const { limits } = settings;
  const { usage, amount } = request;
  const refuse = (limitedBy: InsufficientCredits['limitedBy'], detail: string): InsufficientCredits => ({
    required: amount,
    available: view.balance.spendable,
    limitedBy,
    detail,
  });
  if (usage.model !== undefined && !(limits.allowedModels as readonly string[]).includes(usage.model)) {
    return refuse(
      'model',
      `The ${usage.model} model is turned off on this server. Allowed: ${limits.allowedModels.join(', ')}.`,
    );
  }
  if (usage.tier !== undefined && !(limits.allowedTiers as readonly string[]).includes(usage.tier)) {
    return refuse(
      'tier',
      `The ${usage.tier} tier is turned off on this server. Allowed: ${limits.allowedTiers.join(', ')}.`,
    );
  }
  if (usage.variations !== undefined && usage.variations > limits.maxVariations) {
    return refuse(
      'variations',
      `This server allows at most ${limits.maxVariations} variation${limits.maxVariations === 1 ? '' : 's'} per request.`,
    );
  }
  if (usage.videoSeconds !== undefined && usage.videoSeconds > limits.maxVideoSeconds) {
    return refuse('duration', `This server allows videos of at most ${limits.maxVideoSeconds} seconds.`);
  }
  if (view.openHolds.length >= limits.concurrentJobs) {
    return refuse(
      'concurrency',
      `You already have ${view.openHolds.length} job${view.openHolds.length === 1 ? '' : 's'} running; ` +
        `the limit is ${limits.concurrentJobs}. Try again when one finishes.`,
    );
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
      detail: `This costs ${amount} credits and you have ${spendable} left today.`,
      resetsAt: view.balance.resetsAt,
    };
  }
  if (budget && budget.left < amount) {
    return {
      required: amount,
      available: budget.left,
      limitedBy: 'budget',
      detail:
        `This costs ${amount} credits and the server's ${budget.period === 'day' ? 'daily' : 'monthly'} ` +
        `budget has ${budget.left} left.`,
      resetsAt: budget.resetsAt,
    };
  }
  return undefined;
}
