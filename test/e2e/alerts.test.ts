import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { avatarToTheEnd, chooseAlertChannel } from '../support/job-runs.js';

// Admins choose a channel with /quota alerts; the bot posts there, once per kind, when the operator's
// Percify account is empty or low, when Percify cannot be reached, and when the budget is nearly spent.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({
    speed: 500,
    env: { ALERT_LOW_CREDITS: '100', ALERT_PERCIFY_DOWN_SECONDS: '1' },
  });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const alertsIn = (channel: string, title: string) =>
  h.emulator.driver.messages(channel).filter((m) => m.embeds[0]?.title?.includes(title));

describe('alerts for admins', () => {
  it('posts nothing before a channel is chosen, and /quota alerts chooses one for admins only', async () => {
    h.percify.setCredits(0);
    const failed = (await avatarToTheEnd(h, 'ben', 'a dry well')).job;
    expect(failed.failure?.code).toBe('operator_out_of_credits');
    expect(h.emulator.driver.messages('general').filter((m) => m.embeds[0]?.title?.includes('⚠️'))).toEqual(
      [],
    );

    const refused = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'quota alerts',
        options: { channel: h.emulator.driver.channelId('general') },
        // Discord hides /quota from ben; an admin's Integrations override could show it: the bot checks.
        skipClientChecks: true,
      })
      .reply();
    expect(refused.content).toContain('Manage Server');
    const reply = await chooseAlertChannel(h, 'general');
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.title).toBe('🔔 Alerts on');
  });

  it('tells the admins once when the Percify account is out of credits', async () => {
    // The first alert cannot be posted (Discord refuses: Missing Permissions); the next trigger retries.
    h.emulator.driver.setBotChannelPermissions('general', undefined, ['SendMessages']);
    await avatarToTheEnd(h, 'ben', 'another dry well');
    try {
      // At least one refused post: a slow machine can finish the first job's own alert attempt late,
      // so the exact count is not pinned, only that nothing reached the channel.
      await vi.waitFor(async () => {
        const text = await (await fetch(`${h.app.metricsUrl}/metrics`)).text();
        expect(text).toMatch(/percify_bot_discord_errors_total\{code="50013",status="403"\} [1-9]/);
      });
      expect(alertsIn('general', 'out of credits')).toHaveLength(0);
    } finally {
      h.emulator.driver.setBotChannelPermissions('general', ['SendMessages']);
    }
    await avatarToTheEnd(h, 'cleo', 'a third dry well');
    await avatarToTheEnd(h, 'ben', 'a fourth dry well');
    await vi.waitFor(() => expect(alertsIn('general', 'out of credits')).toHaveLength(1));
    const [alert] = alertsIn('general', 'out of credits');
    expect(alert!.embeds[0]!.description).toContain('Top up');
    expect(alert!.embeds[0]!.description).not.toContain('operator_out_of_credits');
  });

  it('tells them when the account is below the threshold', async () => {
    h.percify.setCredits(50);
    const job = (await avatarToTheEnd(h, 'ben', 'a thin moon')).job;
    expect(job.state).toBe('done');
    await vi.waitFor(() => expect(alertsIn('general', 'running low')).toHaveLength(1));
    expect(alertsIn('general', 'running low')[0]!.embeds[0]!.description).toContain('**48** credits left');
  });

  it("tells them when the server's budget is nearly spent", async () => {
    h.percify.setCredits(10_000);
    await h.app.context.settings.update(
      h.guild.id,
      h.emulator.driver.userId('ada'),
      (s) => ({ ...s, budget: { credits: 6, period: 'day' } }),
      'test',
    );
    // Ben's 2 credits earlier today count too: these make 4 of 6 (no alert), then 6 of 6.
    await avatarToTheEnd(h, 'cleo', 'a first coin');
    await avatarToTheEnd(h, 'cleo', 'a last coin');
    await vi.waitFor(() => expect(alertsIn('general', 'budget is nearly spent')).toHaveLength(1));
    expect(alertsIn('general', 'budget is nearly spent')[0]!.embeds[0]!.description).toContain(
      '6-credit daily budget',
    );
  });

  it('tells them when Percify has been unreachable for a while, once', async () => {
    await h.app.context.settings.update(
      h.guild.id,
      h.emulator.driver.userId('ada'),
      (s) => ({ ...s, budget: null }),
      'test',
    );
    h.percify.faults.unreachable = true;
    try {
      void h.emulator.driver
        .runCommand({
          user: 'ada',
          channel: 'studio',
          name: 'avatar',
          options: { prompt: 'a lost island', model: 'flux' },
        })
        .reply();
      await vi.waitFor(() => expect(alertsIn('general', 'cannot be reached')).toHaveLength(1), {
        timeout: 20_000,
        interval: 100,
      });
    } finally {
      h.percify.faults.unreachable = false;
    }
    const text = await (await fetch(`${h.app.metricsUrl}/metrics`)).text();
    expect(text).toContain('percify_bot_alerts_total{kind="percify-unreachable"} 1');
    expect(text).toContain('percify_bot_alerts_total{kind="percify-out-of-credits"} 1');
  });

  it('stops posting when the channel is left out', async () => {
    const reply = await chooseAlertChannel(h);
    expect(reply.embeds[0]?.title).toBe('🔕 Alerts off');
    expect((await h.app.context.ops.alertChannels.get(h.guild.id)).channelId).toBeUndefined();
  });
});
