import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { avatarToTheEnd, chooseAlertChannel } from '../support/job-runs.js';

// What members paid against what Percify charged the operator, job by job, by resource id: on
// demand in /quota usage, and daily with an alert when the books differ by more than the threshold.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ speed: 500, env: { ALERT_BOOKS_DIFFER_CREDITS: '5' } });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function books() {
  const handle = h.emulator.driver.runCommand({
    user: 'ada',
    channel: 'studio',
    name: 'quota usage',
    options: { period: 'day', compare: true },
  });
  const reply = await handle.reply();
  expect(reply.embeds).toHaveLength(2);
  const embed = reply.embeds[1]!;
  return { embed, fields: Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value])) };
}

describe('reconciliation with Percify', () => {
  it('finds nothing to report when every job matches', async () => {
    await avatarToTheEnd(h, 'ben', 'an honest ledger', 2);
    const { embed, fields } = await books();
    expect(embed.title).toBe("Percify's books");
    expect(embed.description).toBe("The 1 finished job matches Percify's credit history.");
    expect(fields).toMatchObject({
      'Members paid': '4 credits',
      'Percify charged': '4 credits',
      Difference: '0 credits',
    });
  });

  it('lists the job Percify charged more for, with the totals', async () => {
    h.percify.faults.extraDebitCredits = 3; // Percify debits 3 more per image than it quoted
    const overcharged = (await avatarToTheEnd(h, 'cleo', 'a costly portrait', 2)).job;
    h.percify.faults.extraDebitCredits = 0;
    h.percify.faults.failNextGenerations = 2;
    const refunded = (await avatarToTheEnd(h, 'ben', 'a failed portrait', 2)).job;
    expect(refunded.state).toBe('failed');

    const { embed, fields } = await books();
    expect(embed.description).toContain('1 of 3 finished jobs differ');
    expect(embed.description).toContain(
      `\`${overcharged.id}\` <@${h.emulator.driver.userId('cleo')}> avatar: paid 4, Percify charged 10`,
    );
    expect(embed.description).not.toContain(refunded.id);
    expect(fields).toMatchObject({
      'Members paid': '8 credits',
      'Percify charged': '14 credits',
      Difference: '+6 credits',
    });
  });

  it('reads the OpenAPI path when /user/credits/history is not there', async () => {
    h.percify.faults.legacyCreditHistoryOnly = true;
    try {
      const { fields } = await books();
      expect(fields).toMatchObject({ 'Percify charged': '14 credits', Difference: '+6 credits' });
    } finally {
      h.percify.faults.legacyCreditHistoryOnly = false;
    }
    const history = h.percify.requests.filter((r) => r.path.includes('credits/history'));
    expect(history.some((r) => r.path.startsWith('/v1/user/credits/history') && r.status === 404)).toBe(true);
    expect(history.some((r) => r.path.startsWith('/v1/credits/history') && r.status === 200)).toBe(true);
  });

  it('runs daily and alerts the admins when the difference is above the threshold', async () => {
    await chooseAlertChannel(h, 'general');
    const reports = await h.app.context.ops.dailyReconciliation.run();
    expect(reports.get(h.guild.id)).toMatchObject({
      compared: 3,
      memberPaid: 8,
      percifyCharged: 14,
      difference: 6,
    });
    const alert = h.emulator.driver.messages('general').find((m) => m.embeds[0]?.title?.includes('differ'));
    expect(alert?.embeds[0]?.description).toContain('members paid **8** credits and Percify charged **14**');
    const text = await (await fetch(`${h.app.metricsUrl}/metrics`)).text();
    expect(text).toContain('percify_bot_reconciliation_difference_credits 6');
  });
});
