import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { renderBooksComparison } from '../../src/commands/quota-books.js';
import { dayLabel } from '../../src/commands/quota-credits.js';
import type { BotContext } from '../../src/context.js';
import { LANGUAGES, type Language } from '../../src/locales.js';
import { silentLogger } from '../../src/logger.js';
import {
  DEFAULT_GUILD_SETTINGS,
  type Balance,
  type GuildSettings,
  type SettleOutcome,
  type UsageReport,
} from '../../src/services/credits/index.js';
import type { MemberView } from '../../src/services/credits/ledger-balance.js';
import { checkFunds, checkLimits } from '../../src/services/credits/ledger-limits.js';
import type { ReserveRequest } from '../../src/services/credits/ledger-types.js';
import { renderFeatures } from '../../src/services/delivery/feature-replies.js';
import {
  renderQuotaView,
  renderSettingsChange,
  renderUsage,
} from '../../src/services/delivery/quota-replies.js';
import { CATALOGS } from '../../src/services/i18n/catalogs/index.js';
import { createI18n, type Message, type MessageKey } from '../../src/services/i18n/index.js';
import type { Alert } from '../../src/services/ops/admin-alerts.js';
import { AlertWatch } from '../../src/services/ops/alert-watch.js';
import { DailyReconciliation } from '../../src/services/ops/daily-reconciliation.js';
import type { OpsMetrics } from '../../src/services/ops/ops-metrics.js';
import { PercifyReachability } from '../../src/services/ops/percify-reachability.js';
import type { ReconciliationReport } from '../../src/services/ops/reconciliation.js';
import { expectDiscordAccepts } from '../support/discord-limits.js';

// /quota's embeds, the ledger's refusals and the admin alerts in all six languages: within Discord's
// limits with the fullest data, and in the language asked for.

const i18n = createI18n();
const translators = LANGUAGES.map((language) => [language, i18n.translator(language)] as const);
const SNOWFLAKE = '1'.repeat(19);

/** A word each language's reader would recognise in the `/quota view` embed. */
const VIEW_WORD: Record<Language, string> = {
  en: 'Daily allowance',
  de: 'Tageskontingent',
  fr: 'Allocation quotidienne',
  'es-ES': 'Asignación diaria',
  'pt-BR': 'Cota diária',
  ja: '1日の割り当て',
};

function fullSettings(): GuildSettings {
  return {
    ...structuredClone(DEFAULT_GUILD_SETTINGS),
    allowancePerDay: 1_000_000,
    roleAllowances: Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [String(10n ** 18n + BigInt(i)), 999_999]),
    ),
    budget: { credits: 1_000_000, period: 'month' },
    showBudget: true,
    utcOffsetMinutes: -570,
    channels: Array.from({ length: 100 }, (_, i) => String(10n ** 18n + BigInt(i))),
    blocklist: Array.from({ length: 200 }, (_, i) => `${'w'.repeat(90)}${i}`),
  };
}

const embeds = (...list: APIEmbed[]) => expectDiscordAccepts({ embeds: list });

describe('/quota embeds in every language', () => {
  it.each(translators)('%s: view and change stay within limits and speak the language', (language, tr) => {
    const full = fullSettings();
    const view = renderQuotaView(full, tr);
    embeds(view);
    expect(view.fields?.map((field) => field.name)).toContain(VIEW_WORD[language]);
    embeds(renderSettingsChange(DEFAULT_GUILD_SETTINGS, full, tr.t('quota.settings.subjects.limits'), tr));
    const none = renderSettingsChange(full, full, tr.t('quota.settings.subjects.blocklist'), tr);
    embeds(none);
    expect(none.description).toBe(tr.t('quota.settings.noChange'));
    const defaults = renderQuotaView(DEFAULT_GUILD_SETTINGS, tr);
    embeds(defaults);
  });

  it('reads the defaults naturally in German and Japanese', () => {
    const fields = (language: Language) =>
      Object.fromEntries(
        (renderQuotaView(DEFAULT_GUILD_SETTINGS, i18n.translator(language)).fields ?? []).map((f) => [
          f.name,
          f.value,
        ]),
      );
    expect(fields('de')).toMatchObject({
      Tageskontingent: '50 Credits pro Mitglied',
      'Aufträge gleichzeitig': '2 pro Mitglied',
      Videolänge: 'bis zu 10 s',
      Kanäle: 'Überall',
    });
    expect(fields('ja')).toMatchObject({
      '1日の割り当て': 'メンバーごとに 50 クレジット',
      動画の長さ: '10 秒 まで',
      モデル: 'flux, imagen3, reality4（既定: flux）',
    });
  });

  it.each(translators)('%s: a usage report with many members stays within limits', (language, tr) => {
    const report: UsageReport = {
      from: 0,
      to: 1,
      totals: { credits: 9_999_999, jobs: 12_345, refunds: 1, refunded: 999_999, absorbed: 123_456 },
      perMember: Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [String(10n ** 18n + BigInt(i)), i]),
      ),
      perModel: { flux: 1_000_000, imagen3: 30, reality4: 20 },
      perTier: { basic: 999_999, 'reality-lab': 1 },
      perFeature: { 'photo-avatar': 1, 'voice-clone': 1_000_000 },
      perDay: [],
    };
    const embed = renderUsage(
      { periodLabel: tr.t('quota.usage.periods.month'), report, chartName: 'usage.png' },
      tr,
    );
    embeds(embed);
    expect(embed.title).toContain(tr.t('quota.usage.periods.month'));
    if (language === 'de') expect(embed.description).toContain('12.345 Aufträge');
    if (language === 'ja') expect(embed.description).toContain('12,345 件のジョブ');
  });

  it.each(translators)('%s: features, before and after a change', (language, tr) => {
    const shown = renderFeatures({ photoAvatars: true, voiceCloning: false }, tr);
    const changed = renderFeatures({ photoAvatars: false, voiceCloning: true }, tr, {
      photoAvatars: true,
      voiceCloning: false,
    });
    embeds(shown, changed);
    expect(changed.title).toBe(tr.t('quota.features.updatedTitle'));
    if (language === 'fr')
      expect(changed.description).toContain('Clonage de voix (`/voice clone`) : **activé**');
    if (language === 'ja')
      expect(changed.description).toContain('声のクローン（`/voice clone`）: **オン**（変更前: オフ）');
  });

  it.each(translators)('%s: the books comparison, differing and unreadable', async (language, tr) => {
    const differing = Array.from({ length: 25 }, (_, i) => ({
      jobId: `j${'x'.repeat(20)}${i}`,
      guildId: SNOWFLAKE,
      memberId: SNOWFLAKE,
      kind: i % 2 === 0 ? 'video' : 'avatar',
      resourceIds: [],
      memberPaid: 999_999,
      percifyCharged: 1_000_000,
    }));
    const report: ReconciliationReport = {
      from: 0,
      to: 1,
      compared: 1_000_000,
      memberPaid: 1_000_000,
      percifyCharged: 999_999,
      difference: -1,
      differing,
    };
    const ctx = (compare: () => Promise<ReconciliationReport>) =>
      ({ ops: { reconciliation: { compare } }, logger: silentLogger() }) as unknown as BotContext;
    const books = await renderBooksComparison(
      ctx(() => Promise.resolve(report)),
      SNOWFLAKE,
      report,
      tr,
    );
    const unread = await renderBooksComparison(
      ctx(() => Promise.reject(new Error('down'))),
      SNOWFLAKE,
      report,
      tr,
    );
    embeds(books, unread);
    expect(books.description).toContain(tr.t('quota.books.more', { count: 15 }));
    expect(books.fields?.[2]?.value).toBe(tr.credits(-1));
    if (language === 'de') expect(books.description).toContain('Video: bezahlt 999.999');
    if (language === 'ja') expect(unread.description).toContain('読み込めません');
  });

  it('labels the chart days in the reader’s language, numeric in Japanese', () => {
    expect(dayLabel('2024-05-17', i18n.translator('en'))).toBe('May 17');
    expect(dayLabel('2024-05-17', i18n.translator('de'))).toBe('17. Mai');
    expect(dayLabel('2024-05-17', i18n.translator('ja'))).toBe('5/17');
  });
});

const balance: Omit<Balance, 'budget'> = {
  spendable: 3,
  allowance: 50,
  allowanceLeft: 3,
  spentToday: 47,
  reservedNow: 0,
  granted: 0,
  resetsAt: 0,
};

function refusals(): Message[] {
  const settings: GuildSettings = {
    ...structuredClone(DEFAULT_GUILD_SETTINGS),
    limits: {
      ...DEFAULT_GUILD_SETTINGS.limits,
      allowedModels: ['flux'],
      allowedTiers: ['basic'],
      maxVariations: 1,
      concurrentJobs: 1,
    },
    defaultModel: 'flux',
  };
  const view: MemberView = { balance, openHolds: [{} as MemberView['openHolds'][number]] };
  const idle: MemberView = { balance, openHolds: [] };
  const request = (usage: ReserveRequest['usage']): ReserveRequest => ({
    jobId: 'j',
    guildId: SNOWFLAKE,
    memberId: SNOWFLAKE,
    roleIds: [],
    amount: 12,
    usage,
  });
  const details = [
    checkLimits(settings, request({ kind: 'avatar', model: 'reality4' }), idle),
    checkLimits(settings, request({ kind: 'video', tier: 'reality-lab' }), idle),
    checkLimits(settings, request({ kind: 'avatar', model: 'flux', variations: 4 }), idle),
    checkLimits(settings, request({ kind: 'video', tier: 'basic', videoSeconds: 30 }), idle),
    checkLimits(settings, request({ kind: 'avatar', model: 'flux' }), view),
    checkFunds(idle, undefined, 12),
    checkFunds({ balance: { ...balance, spendable: 100 }, openHolds: [] }, budgetView('day'), 12),
    checkFunds({ balance: { ...balance, spendable: 100 }, openHolds: [] }, budgetView('month'), 12),
  ];
  return details.map((detail) => {
    expect(detail).toBeDefined();
    return detail!.detail;
  });
}

function budgetView(period: 'day' | 'month') {
  return { credits: 100, period, spent: 95, reserved: 0, left: 5, resetsAt: 0 };
}

describe('the ledger’s refusals in every language', () => {
  it.each(translators)('%s: each refusal is one message Discord accepts', (language, tr) => {
    const texts = refusals().map((detail) =>
      tr.t('quota.limits.nothingCharged', { detail: tr.render(detail) }),
    );
    for (const content of texts) expectDiscordAccepts({ content });
    expect(new Set(texts).size).toBe(texts.length);
    if (language === 'ja') {
      expect(texts[0]).toBe(
        'このサーバーでは reality4 モデルがオフになっています。使えるモデル: flux。料金はかかっていません。',
      );
    }
    if (language === 'de') expect(texts[2]).toContain('höchstens 1 Variante pro Anfrage');
  });

  it('keeps the English of the refusals word for word', () => {
    const en = i18n.translator('en');
    expect(refusals().map((detail) => en.render(detail))).toEqual([
      'The reality4 model is turned off on this server. Allowed: flux.',
      'The reality-lab tier is turned off on this server. Allowed: basic.',
      'This server allows at most 1 variation per request.',
      'This server allows videos of at most 10 seconds.',
      'You already have 1 job running; the limit is 1. Try again when one finishes.',
      'This costs 12 credits and you have 3 left today.',
      "This costs 12 credits and the server's daily budget has 5 left.",
      "This costs 12 credits and the server's monthly budget has 5 left.",
    ]);
  });
});

/** Every alert the watchers can raise, as AdminAlerts receives them. */
async function raisedAlerts(): Promise<Alert[]> {
  const alerts: Alert[] = [];
  const sink = {
    notify: (_guildId: string, alert: Alert) => {
      alerts.push(alert);
      return Promise.resolve(true);
    },
    notifyAll: (alert: Alert) => {
      alerts.push(alert);
      return Promise.resolve();
    },
  };
  let now = 1_000_000;
  const reachability = new PercifyReachability(() => now);
  const watch = new AlertWatch({
    alerts: sink,
    ledger: {
      balance: () =>
        Promise.resolve({
          ...balance,
          budget: { credits: 1_000_000, period: 'month', spent: 999_999, reserved: 1, left: 0, resetsAt: 0 },
        }),
    },
    percifyBalance: () => Promise.resolve({ balance: 48 }),
    reachability,
    logger: silentLogger(),
    lowCredits: 1_000_000,
    unreachableAfterMs: 60_000,
    now: () => now,
  });
  await watch.checkAccount(true);
  watch.onJobFinished({ failure: { code: 'operator_out_of_credits' } } as Parameters<
    AlertWatch['onJobFinished']
  >[0]);
  watch.onSettled({
    status: 'captured',
    reservation: { guildId: SNOWFLAKE, memberId: SNOWFLAKE },
  } as SettleOutcome);
  const unreachable = {
    method: 'GET',
    route: '/x',
    status: undefined,
    durationMs: 1,
    attempt: 1,
    errorCode: 'network_error',
  } as const;
  reachability.record(unreachable);
  now += 10 * 60_000;
  reachability.record(unreachable);
  const report: ReconciliationReport = {
    from: 0,
    to: 1,
    compared: 1_000,
    memberPaid: 999_999,
    percifyCharged: 1_000_000,
    difference: 1,
    differing: Array.from({ length: 8 }, (_, i) => ({
      jobId: `j${'x'.repeat(20)}${i}`,
      guildId: SNOWFLAKE,
      memberId: SNOWFLAKE,
      kind: 'avatar',
      resourceIds: [],
      memberPaid: 999_999,
      percifyCharged: 1_000_000,
    })),
  };
  await new DailyReconciliation({
    reconciliation: { compare: () => Promise.resolve(report) },
    alerts: sink,
    metrics: { setReconciliationDifference: () => undefined } as unknown as OpsMetrics,
    logger: silentLogger(),
    guildIds: () => [SNOWFLAKE],
    alertAbove: 0,
  }).run();
  watch.stop();
  await new Promise((resolve) => setTimeout(resolve, 10));
  return alerts;
}

describe('admin alerts in every language', () => {
  it('raises each kind once, for the server’s language to be chosen when posting', async () => {
    const kinds = (await raisedAlerts()).map((alert) => alert.kind).sort();
    expect(kinds).toEqual([
      'books-differ',
      'budget-nearly-spent',
      'percify-credits-low',
      'percify-out-of-credits',
      'percify-unreachable',
    ]);
  });

  it.each(translators)('%s: every alert is an embed Discord accepts', async (language, tr) => {
    const texts = (await raisedAlerts()).map((alert) => ({ kind: alert.kind, ...alert.text(tr) }));
    embeds(...texts.map(({ title, description }) => ({ title, description })));
    const byKind = Object.fromEntries(texts.map((text) => [text.kind, text]));
    if (language === 'en') {
      expect(byKind['percify-credits-low']?.description).toContain('**48** credits left');
      expect(byKind['books-differ']?.description).toContain('(+1 credit)');
    }
    if (language === 'ja') {
      expect(byKind['percify-out-of-credits']?.title).toBe('⚠️ Percify のクレジットがなくなりました');
      expect(byKind['budget-nearly-spent']?.description).toContain('月間予算 1,000,000 クレジット');
    }
    if (language === 'de') expect(byKind['percify-unreachable']?.description).toContain('seit etwa 10 Min.');
  });
});

/** Placeholders that take a number; every other one gets a text as long as real ones get. */
const NUMERIC = new Set([
  'count',
  'min',
  'max',
  'limit',
  'left',
  'balance',
  'threshold',
  'used',
  'budget',
  'paid',
  'charged',
  'minutes',
  'revoked',
  'before',
  'compared',
]);

/** Every placeholder of the quota texts, filled: numbers at a million, texts at 100 characters. */
const LONG_VARS = Object.fromEntries(
  [...JSON.stringify(CATALOGS.en.quota).matchAll(/\{\{\s*(\w+)/g)].map(([, name]) => [
    name!,
    NUMERIC.has(name!) ? 1_000_000 : 'x'.repeat(100),
  ]),
);

function leafKeys(group: object, prefix: string): string[] {
  return Object.entries(group).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : leafKeys(value as object, `${prefix}${key}.`),
  );
}

describe('every quota text', () => {
  it.each(translators)('%s: fits a message and leaves no placeholder unfilled', (language, tr) => {
    const keys = [...new Set(leafKeys(CATALOGS[language].quota, 'quota.'))];
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      const text = tr.t(key as MessageKey, LONG_VARS);
      expect(text, key).not.toContain('{{');
      expect(text, key).not.toBe(key);
      expectDiscordAccepts({ content: text });
    }
  });
});
