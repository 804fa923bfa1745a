import { expectDiscordAccepts as expectMessageAccepted } from '../support/discord-limits.js';
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GUILD_SETTINGS,
  type Balance,
  type GuildSettings,
  type LedgerEntry,
  type UsageReport,
} from '../../src/services/credits/index.js';
import {
  describeEntry as describeEntryIn,
  renderCredits as renderCreditsIn,
} from '../../src/services/delivery/credits-replies.js';
import {
  renderQuotaView,
  renderSettingsChange,
  renderUsage,
} from '../../src/services/delivery/quota-replies.js';
import { createI18n } from '../../src/services/i18n/index.js';
import { LANGUAGES } from '../../src/locales.js';

const i18n = createI18n();
// The English pins below are the catalog's English; other languages are checked for limits.
const english = i18n.translator('en-US');
const describeEntry = (line: LedgerEntry) => describeEntryIn(line, english);
const renderCredits = (view: Parameters<typeof renderCreditsIn>[0]) => renderCreditsIn(view, english);

/** Embeds alone, as the credits replies are built. */
function expectDiscordAccepts(embeds: APIEmbed[]) {
  expectMessageAccepted({ embeds });
}

const balance: Balance = {
  spendable: 26,
  allowance: 20,
  allowanceLeft: 16,
  spentToday: 4,
  reservedNow: 0,
  granted: 10,
  resetsAt: 1_700_006_400_000,
  budget: { credits: 500, period: 'month', spent: 120, reserved: 4, left: 376, resetsAt: 1_701_388_800_000 },
};

function entry(kind: LedgerEntry['kind'], amount: number, reason: string, meta = {}): LedgerEntry {
  return {
    id: 'e1',
    at: 1_700_000_000_000,
    guildId: 'g',
    memberId: 'm',
    actor: 'job:j',
    amount,
    kind,
    reason,
    meta,
  };
}

/** The biggest configuration the settings schema accepts. */
function fullSettings(): GuildSettings {
  const settings = structuredClone(DEFAULT_GUILD_SETTINGS);
  settings.channels = Array.from({ length: 100 }, (_, i) => String(100000000000000000n + BigInt(i)));
  settings.blocklist = Array.from(
    { length: 200 },
    (_, i) => `${'x'.repeat(96)}${String(i).padStart(4, '0')}`,
  );
  settings.roleAllowances = Object.fromEntries(
    Array.from({ length: 250 }, (_, i) => [String(200000000000000000n + BigInt(i)), 1_000_000]),
  );
  settings.budget = { credits: 1_000_000, period: 'month' };
  settings.utcOffsetMinutes = -570;
  return settings;
}

describe('credits replies', () => {
  it('shows the balance, the reset time and the budget only when asked', () => {
    const shown = renderCredits({
      memberId: 'm',
      viewedByOther: false,
      balance,
      showBudget: true,
      recent: [],
    });
    expect(shown.description).toBe('You can spend **26 credits** now.');
    const fields = Object.fromEntries((shown.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields["Today's allowance"]).toBe('16 of 20 credits left · 4 spent · 0 reserved');
    expect(fields['Allowance resets']).toBe('<t:1700006400:R>');
    expect(fields["Server's monthly budget"]).toBe('376 of 500 credits left · resets <t:1701388800:R>');
    const hidden = renderCredits({
      memberId: 'm',
      viewedByOther: true,
      balance,
      showBudget: false,
      recent: [],
    });
    expect(hidden.description).toBe('<@m> can spend **26 credits** now.');
    expect(hidden.fields?.some((f) => f.name.includes('budget'))).toBe(false);
    expectDiscordAccepts([shown, hidden]);
  });

  it('describes each kind of history line in words, never with a code', () => {
    const at = '<t:1700000000:R>';
    expect(
      describeEntry(entry('capture', 10, 'done', { usageKind: 'video', tier: 'basic', videoSeconds: 8 })),
    ).toBe(`**−10** · 8 s Basic video · ${at}`);
    expect(
      describeEntry(entry('capture', 4, 'done', { usageKind: 'avatar', model: 'flux', variations: 2 })),
    ).toBe(`**−4** · 2 flux avatars · ${at}`);
    expect(describeEntry(entry('capture', 8, 'done', { usageKind: 'audio' }))).toBe(
      `**−8** · spoken line · ${at}`,
    );
    expect(describeEntry(entry('grant', 10, 'contest winner'))).toBe(
      `**+10** granted · contest winner · ${at}`,
    );
    expect(describeEntry(entry('revoke', 3, 'oops'))).toBe(`**−3** revoked · oops · ${at}`);
    expect(describeEntry(entry('reserve', 30, 'video job'))).toBe(
      `**30** held for a job in progress · ${at}`,
    );
    expect(describeEntry(entry('topup', 18, 'over the hold'))).toBe(
      `18 credits over the price shown, paid by the server · ${at}`,
    );
  });

  it.each([
    ['timed_out: Percify did not finish this in time.', 'Percify took too long'],
    [
      "content_policy_violation: 🚫 Percify's content policy refused this",
      "Percify's content policy refused the prompt",
    ],
    ['content_policy: refused (violence)', "Percify's content policy refused the prompt"],
    ['processing_error: The render failed.', 'Percify could not make it'],
    ['operator_out_of_credits: The account is empty', "the server's Percify account ran out of credits"],
    ['submit_gave_up: Percify could not be reached for a while.', 'Percify could not be reached'],
    ['undeliverable: The result could not be posted here.', 'the result could not be posted'],
    ['avatar_not_found: gone', 'the avatar is no longer there'],
    ['interrupted before the job was recorded', 'the bot restarted before the job began'],
    ['the first answer could not be sent', 'the bot could not answer in time'],
    ['some_new_code: whatever Percify says', 'the job did not finish'],
    ['Raw text from somewhere', 'the job did not finish'],
  ])('explains the refund "%s" as "%s"', (reason, words) => {
    expect(describeEntry(entry('release', 58, reason))).toBe(
      `**+58** refunded · ${words} · <t:1700000000:R>`,
    );
  });

  it('stays within limits with the longest reasons and the fullest configuration', () => {
    const recent = Array.from({ length: 5 }, () => entry('grant', 1_000_000, 'r'.repeat(200)));
    expectDiscordAccepts([
      renderCredits({ memberId: '1'.repeat(19), viewedByOther: true, balance, showBudget: true, recent }),
    ]);
    for (const language of LANGUAGES) {
      const tr = i18n.translator(language);
      expectDiscordAccepts([
        renderCreditsIn(
          { memberId: '1'.repeat(19), viewedByOther: true, balance, showBudget: true, recent },
          tr,
        ),
      ]);
    }
    const full = fullSettings();
    const view = renderQuotaView(full, english);
    expectDiscordAccepts([view]);
    expect(view.fields?.find((f) => f.name === 'Day starts')?.value).toBe('00:00 UTC−9:30');
    expectDiscordAccepts([renderSettingsChange(DEFAULT_GUILD_SETTINGS, full, 'everything', english)]);
    expectDiscordAccepts([renderSettingsChange(full, full, 'nothing', english)]);
  });

  it('renders a usage report with many members within limits', () => {
    const report: UsageReport = {
      from: 0,
      to: 1,
      totals: { credits: 9_999_999, jobs: 12345, refunds: 99, refunded: 999, absorbed: 12 },
      perMember: Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [String(10n ** 18n + BigInt(i)), i]),
      ),
      perModel: { flux: 10, imagen3: 30, reality4: 20 },
      perTier: {},
      perFeature: {},
      perDay: [],
    };
    const embed = renderUsage({ periodLabel: 'Last 30 days', report, chartName: 'usage.png' }, english);
    expectDiscordAccepts([embed]);
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['Top members']?.split('\n')).toHaveLength(10);
    expect(fields['Top members']?.split('\n')[0]).toBe(`1. <@${String(10n ** 18n + 499n)}> · 499 credits`);
    expect(fields['By model']).toBe(
      '1. imagen3 · 30 credits\n2. reality4 · 20 credits\n3. flux · 10 credits',
    );
    expect(fields['By video tier']).toBe('None');
    expect(embed.image?.url).toBe('attachment://usage.png');
  });
});
