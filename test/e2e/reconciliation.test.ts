import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

// What members paid against what Percify charged the operator, job by job, by resource id: on
// demand in /quota usage, and daily with an alert when the books differ by more than the threshold.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ speed: 500, env: { ALERT_BOOKS_DIFFER_CREDITS: '5' } });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function avatar(user: string, prompt: string) {
  const reply = await h.emulator.driver
    .runCommand({
      user,
      channel: 'studio',
      name: 'avatar',
      options: { prompt, model: 'flux', variations: 2 },
    })
    .reply();
  const jobId = /Job (j\w+)/.exec(reply.embeds[0]?.footer?.text ?? '')?.[1] ?? '';
  return vi.waitFor(
    async () => {
      const job = await h.app.context.jobs.get(jobId);
      expect(['done', 'failed']).toContain(job?.state);
      // Settled in the ledger too, not only final on the record.
      const entries = await h.app.context.ledger.entries(h.guild.id);
      expect(entries.some((e) => e.jobId === jobId && (e.kind === 'capture' || e.kind === 'release'))).toBe(
        true,
      );
      return job!;
    },
    { timeout: 20_000, interval: 50 },
  );
}

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
    await avatar('ben', 'an honest ledger');
    const { embed, fields } = await books();
    expect(embed.title).toBe("Percify's books");
    expect(embed.description).toBe("All 1 finished jobs match Percify's credit history.");
    expect(fields).toMatchObject({
      'Members paid': '4 credits',
      'Percify charged': '4 credits',
      Difference: '0 credits',
    });
  });

  it('lists the job Percify charged more for, with the totals', async () => {
    h.percify.faults.extraDebitCredits = 3; // Percify debits 3 more per image than it quoted
    const overcharged = await avatar('cleo', 'a costly portrait');
    h.percify.faults.extraDebitCredits = 0;
    h.percify.faults.failNextGenerations = 2;
    const refunded = await avatar('ben', 'a failed portrait');
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
    await h.emulator.driver
      .runCommand({
        user: 'ada',
        channel: 'studio',
        name: 'quota alerts',
        options: { channel: h.emulator.driver.channelId('general') },
      })
      .reply();
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
