import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Balance, GuildSettings, LedgerEntry, UsageReport } from '../credits/index.js';
import type { EntryMeta } from '../credits/ledger-types.js';
import { TIER_SPECS, isStudioTier } from '../percify/pricing.js';
import type { Translator } from '../i18n/index.js';
import { refundReason } from './refund-reasons.js';
import { COLOURS, clip, credits, plural, relativeTime } from './style.js';

/**
 * The embeds of `/credits` (a member's balance and recent activity) and of `/quota` (a guild's whole
 * configuration and its usage report). Pure functions of the ledger's views, so tests can pin them
 * and check Discord's limits without a client.
 */

/** Discord's limit for one embed field value. */
const FIELD_MAX = 1024;
export const RECENT_ENTRIES_SHOWN = 5;
export const USAGE_CHART_NAME = 'usage.png';

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

/** Every field a `/quota` subcommand can change, as an admin reads it. */
export function describeSettings(settings: GuildSettings): Array<{ name: string; value: string }> {
  const { limits } = settings;
  const roles = Object.entries(settings.roleAllowances);
  return [
    { name: 'Daily allowance', value: `${credits(settings.allowancePerDay)} per member` },
    {
      name: 'Role allowances',
      value:
        roles.length === 0
          ? 'None'
          : roles.map(([roleId, amount]) => `<@&${roleId}>: ${credits(amount)} a day`).join('\n'),
    },
    { name: 'Server budget', value: describeBudget(settings) },
    { name: 'Jobs at a time', value: `${limits.concurrentJobs} per member` },
    { name: 'Variations', value: `up to ${limits.maxVariations} per request` },
    { name: 'Video length', value: `up to ${limits.maxVideoSeconds} s` },
    {
      name: 'Models',
      value: `${limits.allowedModels.join(', ')} (default ${settings.defaultModel})`,
    },
    { name: 'Video tiers', value: limits.allowedTiers.join(', ') },
    { name: 'Confirm above', value: `jobs costing more than ${credits(limits.confirmAbove)}` },
    {
      name: 'Channels',
      value:
        settings.channels.length === 0 ? 'Everywhere' : settings.channels.map((id) => `<#${id}>`).join(' '),
    },
    {
      name: 'Blocklist',
      value:
        settings.blocklist.length === 0
          ? 'Empty'
          : settings.blocklist.map((word) => `\`${word.replace(/`/g, 'ʼ')}\``).join(', '),
    },
    { name: 'Day starts', value: `00:00 UTC${formatOffset(settings.utcOffsetMinutes)}` },
  ].map(({ name, value }) => ({ name, value: clip(value, FIELD_MAX) }));
}

export function describeBudget(settings: GuildSettings): string {
  if (!settings.budget) return 'None';
  const period = settings.budget.period === 'day' ? 'a day' : 'a month';
  return `${credits(settings.budget.credits)} ${period} · ${settings.showBudget ? 'shown to members' : 'hidden from members'}`;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return '';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `${sign}${Math.floor(abs / 60)}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

export function renderQuotaView(settings: GuildSettings): APIEmbed {
  return {
    title: '⚙️ Server quota',
    description: 'Change any of these with the other `/quota` subcommands.',
    color: COLOURS.neutral,
    fields: describeSettings(settings).map((field) => ({ ...field, inline: true })),
  };
}

/** The ephemeral confirmation of a change: what it was and what it is now. */
export function renderSettingsChange(before: GuildSettings, after: GuildSettings, subject: string): APIEmbed {
  const beforeFields = new Map(describeSettings(before).map((field) => [field.name, field.value]));
  const changed = describeSettings(after).filter((field) => beforeFields.get(field.name) !== field.value);
  if (changed.length === 0) {
    return {
      title: `No change: ${subject}`,
      description: 'That is already the setting.',
      color: COLOURS.neutral,
    };
  }
  return {
    title: `✅ Updated: ${subject}`,
    color: COLOURS.success,
    fields: changed.map((field) => ({
      name: field.name,
      value: clip(`${beforeFields.get(field.name) ?? '—'}\n→ ${field.value}`, FIELD_MAX),
    })),
    footer: { text: 'Written to the audit log.' },
  };
}

export interface UsageView {
  /** "Today", "Last 7 days", … */
  periodLabel: string;
  report: UsageReport;
  /** Embeds the chart attached under this name. */
  chartName?: string;
}

export function renderUsage({ periodLabel, report, chartName }: UsageView): APIEmbed {
  const { totals } = report;
  const embed: APIEmbed = {
    title: `📊 Usage · ${periodLabel}`,
    description:
      `**${credits(totals.credits)}** charged for ${plural(totals.jobs, 'job')}` +
      ` · ${plural(totals.refunds, 'refund')} (${credits(totals.refunded)} given back)` +
      (totals.absorbed > 0 ? ` · ${credits(totals.absorbed)} over estimates, paid by the bot` : ''),
    color: COLOURS.brand,
    fields: [
      { name: 'Top members', value: topLines(report.perMember, (id) => `<@${id}>`) },
      { name: 'By model', value: topLines(report.perModel, (model) => model), inline: true },
      { name: 'By video tier', value: topLines(report.perTier, (tier) => tier), inline: true },
      {
        name: 'Likeness features',
        value: `${plural(report.perFeature['photo-avatar'] ?? 0, 'photo avatar')} · ${plural(report.perFeature['voice-clone'] ?? 0, 'voice clone')}`,
        inline: true,
      },
    ],
  };
  if (chartName) embed.image = { url: `attachment://${chartName}` };
  return embed;
}

function topLines(totals: Record<string, number>, label: (key: string) => string, max = 10): string {
  const rows = Object.entries(totals)
    .sort(([, a], [, b]) => b - a)
    .slice(0, max);
  if (rows.length === 0) return 'None';
  return clip(
    rows.map(([key, amount], index) => `${index + 1}. ${label(key)} · ${credits(amount)}`).join('\n'),
    FIELD_MAX,
  );
}
