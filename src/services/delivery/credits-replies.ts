import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Balance, LedgerEntry } from '../credits/index.js';
import type { EntryMeta } from '../credits/ledger-types.js';
import { TIER_SPECS, isStudioTier } from '../percify/pricing.js';
import type { Translator } from '../i18n/index.js';
import { refundReason } from './refund-reasons.js';
import { COLOURS, clip, relativeTime } from './style.js';

/**
 * The embed of `/credits`: a member's balance and recent activity. Pure functions of the ledger's
 * views, so tests can pin them and check Discord's limits without a client. Every word is from the
 * catalog (test/i18n/no-literals.test.ts keeps it so); `/quota`'s embeds are in quota-replies.ts.
 */

/** Discord's limit for one embed field value. */
const FIELD_MAX = 1024;
export const RECENT_ENTRIES_SHOWN = 5;

export interface CreditsView {
  /** The member the numbers belong to. */
  memberId: string;
  /** True when an admin looks at someone else's credits. */
  viewedByOther: boolean;
  balance: Balance;
  /** The guild budget is only shown when the admins chose to show it (or to an admin). */
  showBudget: boolean;
  recent: readonly LedgerEntry[];
}

/**
 * The `/credits` embed in the reader's language (`tr`): the member's own reply, so the interaction's
 * `locale`. Every word comes from the catalog; mentions and `<t:…>` stamps stay as Discord shows them.
 */
export function renderCredits(view: CreditsView, tr: Translator): APIEmbed {
  const { balance } = view;
  const fields: APIEmbedField[] = [
    {
      name: tr.t('credits.allowance'),
      value: tr.t('credits.allowanceValue', {
        left: balance.allowanceLeft,
        allowance: tr.credits(balance.allowance),
        spent: balance.spentToday,
        reserved: balance.reservedNow,
      }),
    },
    {
      name: tr.t('credits.granted'),
      value: tr.t('credits.grantedValue', { amount: tr.credits(balance.granted) }),
      inline: true,
    },
    { name: tr.t('credits.resets'), value: relativeTime(balance.resetsAt), inline: true },
  ];
  if (view.showBudget && balance.budget) {
    const budget = balance.budget;
    fields.push({
      name: tr.t(budget.period === 'day' ? 'credits.budgetDay' : 'credits.budgetMonth'),
      value: tr.t('credits.budgetValue', {
        left: budget.left,
        total: tr.credits(budget.credits),
        when: relativeTime(budget.resetsAt),
      }),
    });
  }
  fields.push({
    name: tr.t('credits.recent'),
    value:
      view.recent.length === 0
        ? tr.t('credits.recentNone')
        : clip(
            view.recent
              .slice(0, RECENT_ENTRIES_SHOWN)
              .map((entry) => describeEntry(entry, tr))
              .join('\n'),
            FIELD_MAX,
          ),
  });
  const amount = tr.credits(balance.spendable);
  return {
    title: tr.t(view.viewedByOther ? 'credits.titleOther' : 'credits.titleOwn'),
    description: view.viewedByOther
      ? tr.t('credits.spendableOther', { member: view.memberId, amount })
      : tr.t('credits.spendableOwn', { amount }),
    color: COLOURS.brand,
    fields,
  };
}

/** What a charge paid for, as a member says it: "2 flux avatars", "8 s Basic video", "spoken line". */
function whatWasMade(meta: EntryMeta, tr: Translator): string {
  switch (meta.usageKind) {
    case 'avatar': {
      const count = meta.variations ?? 1;
      return meta.model
        ? tr.t('made.modelAvatars', { count, model: meta.model })
        : tr.t('made.avatars', { count });
    }
    case 'video': {
      // Tier labels ("Basic", "Reality Lab") are Percify's product names: the same in every language.
      const tier = meta.tier && isStudioTier(meta.tier) ? TIER_SPECS[meta.tier].label : undefined;
      const length = meta.videoSeconds ? tr.seconds(meta.videoSeconds) : undefined;
      if (length && tier) return tr.t('made.timedTierVideo', { length, tier });
      if (length) return tr.t('made.timedVideo', { length });
      return tier ? tr.t('made.tierVideo', { tier }) : tr.t('made.video');
    }
    case 'audio':
      return tr.t('made.audio');
    default:
      return tr.t('made.other');
  }
}

/** One line of a member's history, e.g. "**−4** · 2 flux avatars · <t:…:R>"; never an internal code. */
export function describeEntry(entry: LedgerEntry, tr: Translator): string {
  const when = relativeTime(entry.at);
  const meta = entry.meta ?? {};
  const amount = entry.amount;
  switch (entry.kind) {
    case 'capture':
      return tr.t('entries.capture', { amount, what: whatWasMade(meta, tr), when });
    case 'release':
      return tr.t('entries.release', { amount, reason: tr.t(refundReason(entry.reason)), when });
    case 'grant':
      // The admin's own words, in whatever language they wrote them.
      return tr.t('entries.grant', { amount, reason: clip(entry.reason, 80), when });
    case 'revoke':
      return tr.t('entries.revoke', { amount, reason: clip(entry.reason, 80), when });
    case 'reserve':
      return tr.t('entries.reserve', { amount, when });
    case 'topup':
      return tr.t('entries.topup', { amount: tr.credits(amount), when });
    case 'settings':
      return tr.t('entries.settings', { when });
  }
}
