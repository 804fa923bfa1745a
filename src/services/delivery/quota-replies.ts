import type { APIEmbed } from 'discord.js';
import type { GuildSettings, UsageReport } from '../credits/index.js';
import type { Translator } from '../i18n/index.js';
import { COLOURS, clip } from './style.js';

/**
 * The embeds of `/quota`: a guild's whole configuration, a change to it and its usage report. Pure
 * functions of the ledger's views, in the admin's language (`tr`: `/quota` replies are ephemeral, so
 * the interaction's `locale`). Model and tier names, mentions and `/command` names stay as they are.
 */

/** Discord's limit for one embed field value. */
const FIELD_MAX = 1024;
export const USAGE_CHART_NAME = 'usage.png';

/** Every field a `/quota` subcommand can change, as an admin reads it. */
export function describeSettings(
  settings: GuildSettings,
  tr: Translator,
): Array<{ name: string; value: string }> {
  const { limits } = settings;
  const roles = Object.entries(settings.roleAllowances);
  const name = (field: keyof typeof FIELD_KEYS) => tr.t(FIELD_KEYS[field]);
  return [
    {
      name: name('dailyAllowance'),
      value: tr.t('quota.settings.values.perMember', { amount: tr.credits(settings.allowancePerDay) }),
    },
    {
      name: name('roleAllowances'),
      value:
        roles.length === 0
          ? tr.t('quota.none')
          : roles
              .map(([role, amount]) =>
                tr.t('quota.settings.values.roleAllowance', { role, amount: tr.credits(amount) }),
              )
              .join('\n'),
    },
    { name: name('budget'), value: describeBudget(settings, tr) },
    {
      name: name('jobsAtATime'),
      value: tr.t('quota.settings.values.jobsPerMember', { count: limits.concurrentJobs }),
    },
    {
      name: name('variations'),
      value: tr.t('quota.settings.values.variations', { count: limits.maxVariations }),
    },
    {
      name: name('videoLength'),
      value: tr.t('quota.settings.values.videoLength', { length: tr.seconds(limits.maxVideoSeconds) }),
    },
    {
      name: name('models'),
      value: tr.t('quota.settings.values.models', {
        models: limits.allowedModels.join(', '),
        model: settings.defaultModel,
      }),
    },
    { name: name('videoTiers'), value: limits.allowedTiers.join(', ') },
    {
      name: name('confirmAbove'),
      value: tr.t('quota.settings.values.confirmAbove', { amount: tr.credits(limits.confirmAbove) }),
    },
    {
      name: name('channels'),
      value:
        settings.channels.length === 0
          ? tr.t('quota.settings.values.everywhere')
          : settings.channels.map((id) => `<#${id}>`).join(' '),
    },
    {
      name: name('blocklist'),
      value:
        settings.blocklist.length === 0
          ? tr.t('quota.settings.values.empty')
          : settings.blocklist.map((word) => `\`${word.replace(/`/g, MODIFIER_APOSTROPHE)}\``).join(', '),
    },
    {
      name: name('dayStarts'),
      value: tr.t('quota.settings.values.dayStarts', { offset: formatOffset(settings.utcOffsetMinutes) }),
    },
  ].map(({ name: fieldName, value }) => ({ name: fieldName, value: clip(value, FIELD_MAX) }));
}

/** Stands in for a backtick inside a phrase, which would end its code span. */
const MODIFIER_APOSTROPHE = String.fromCodePoint(0x2bc);

const FIELD_KEYS = {
  dailyAllowance: 'quota.settings.fields.dailyAllowance',
  roleAllowances: 'quota.settings.fields.roleAllowances',
  budget: 'quota.settings.fields.budget',
  jobsAtATime: 'quota.settings.fields.jobsAtATime',
  variations: 'quota.settings.fields.variations',
  videoLength: 'quota.settings.fields.videoLength',
  models: 'quota.settings.fields.models',
  videoTiers: 'quota.settings.fields.videoTiers',
  confirmAbove: 'quota.settings.fields.confirmAbove',
  channels: 'quota.settings.fields.channels',
  blocklist: 'quota.settings.fields.blocklist',
  dayStarts: 'quota.settings.fields.dayStarts',
} as const;

/** The name of the blocklist field, so `/quota blocklist list` can pick it out of the view. */
export function blocklistFieldName(tr: Translator): string {
  return tr.t(FIELD_KEYS.blocklist);
}

export function describeBudget(settings: GuildSettings, tr: Translator): string {
  if (!settings.budget) return tr.t('quota.none');
  const amount = tr.credits(settings.budget.credits);
  const visibility = tr.t(
    settings.showBudget ? 'quota.settings.values.shown' : 'quota.settings.values.hidden',
  );
  return tr.t(
    settings.budget.period === 'day'
      ? 'quota.settings.values.budgetDay'
      : 'quota.settings.values.budgetMonth',
    {
      amount,
      visibility,
    },
  );
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return '';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `${sign}${Math.floor(abs / 60)}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

export function renderQuotaView(settings: GuildSettings, tr: Translator): APIEmbed {
  return {
    title: tr.t('quota.settings.viewTitle'),
    description: tr.t('quota.settings.viewHint'),
    color: COLOURS.neutral,
    fields: describeSettings(settings, tr).map((field) => ({ ...field, inline: true })),
  };
}

/**
 * The ephemeral confirmation of a change: what it was and what it is now. `subject` is what changed,
 * already in the admin's language ("daily allowance").
 */
export function renderSettingsChange(
  before: GuildSettings,
  after: GuildSettings,
  subject: string,
  tr: Translator,
): APIEmbed {
  const beforeFields = new Map(describeSettings(before, tr).map((field) => [field.name, field.value]));
  const changed = describeSettings(after, tr).filter((field) => beforeFields.get(field.name) !== field.value);
  if (changed.length === 0) {
    return {
      title: tr.t('quota.settings.noChangeTitle', { subject }),
      description: tr.t('quota.settings.noChange'),
      color: COLOURS.neutral,
    };
  }
  return {
    title: tr.t('quota.settings.updatedTitle', { subject }),
    color: COLOURS.success,
    fields: changed.map((field) => ({
      name: field.name,
      value: clip(`${beforeFields.get(field.name) ?? '—'}\n→ ${field.value}`, FIELD_MAX),
    })),
    footer: { text: tr.t('quota.auditFooter') },
  };
}

export interface UsageView {
  /** "Today", "Last 7 days", … in the admin's language. */
  periodLabel: string;
  report: UsageReport;
  /** Embeds the chart attached under this name. */
  chartName?: string;
}

export function renderUsage({ periodLabel, report, chartName }: UsageView, tr: Translator): APIEmbed {
  const { totals } = report;
  const summary = tr.t('quota.usage.summary', {
    charged: tr.credits(totals.credits),
    jobs: tr.t('quota.usage.jobs', { count: totals.jobs }),
    refunds: tr.t('quota.usage.refunds', { count: totals.refunds }),
    refunded: tr.credits(totals.refunded),
  });
  const absorbed =
    totals.absorbed > 0 ? tr.t('quota.usage.absorbed', { amount: tr.credits(totals.absorbed) }) : undefined;
  const embed: APIEmbed = {
    title: tr.t('quota.usage.title', { period: periodLabel }),
    description: absorbed ? `${summary} · ${absorbed}` : summary,
    color: COLOURS.brand,
    fields: [
      { name: tr.t('quota.usage.topMembers'), value: topLines(report.perMember, (id) => `<@${id}>`, tr) },
      {
        name: tr.t('quota.usage.byModel'),
        value: topLines(report.perModel, (model) => model, tr),
        inline: true,
      },
      { name: tr.t('quota.usage.byTier'), value: topLines(report.perTier, (tier) => tier, tr), inline: true },
      {
        name: tr.t('quota.usage.likeness'),
        value: `${tr.t('quota.usage.photoAvatars', { count: report.perFeature['photo-avatar'] ?? 0 })} · ${tr.t('quota.usage.voiceClones', { count: report.perFeature['voice-clone'] ?? 0 })}`,
        inline: true,
      },
    ],
  };
  if (chartName) embed.image = { url: attachmentUrl(chartName) };
  return embed;
}

/** How an embed points at a file attached to the same message. */
function attachmentUrl(name: string): string {
  return 'attachment://'.concat(name);
}

function topLines(
  totals: Record<string, number>,
  label: (key: string) => string,
  tr: Translator,
  max = 10,
): string {
  const rows = Object.entries(totals)
    .sort(([, a], [, b]) => b - a)
    .slice(0, max);
  if (rows.length === 0) return tr.t('quota.none');
  return clip(
    rows.map(([key, amount], index) => `${index + 1}. ${label(key)} · ${tr.credits(amount)}`).join('\n'),
    FIELD_MAX,
  );
}
