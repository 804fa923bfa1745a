import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OptionValue } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { avatarToTheEnd, chooseAlertChannel } from '../support/job-runs.js';

// /quota, the ledger's refusals and the admin alerts in the reader's language, through the real
// client, the emulator and the ledger: an admin's reply follows the admin's locale, a refusal the
// member's, and an alert the server's (its guild_locale, recorded when the alerts channel is chosen).

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

function run(user: string, locale: string, name: string, options: Record<string, OptionValue> = {}) {
  return h.emulator.driver.runCommand({ user, channel: 'studio', name, options, locale }).reply();
}

const fieldsOf = (embed: { fields?: Array<{ name: string; value: string }> } | undefined) =>
  Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));

describe('/quota in the admin’s language', () => {
  it('shows a German admin the server’s settings in German', async () => {
    const reply = await run('ada', 'de', 'quota view');
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('⚙️ Server-Kontingent');
    expect(fieldsOf(embed)).toMatchObject({
      Tageskontingent: '50 Credits pro Mitglied',
      'Server-Budget': 'Keine',
      Modelle: 'flux, imagen3, reality4 (Standard flux)',
      Kanäle: 'Überall',
    });
  });

  it('confirms a Japanese admin’s change in Japanese, with before → after', async () => {
    const reply = await run('ada', 'ja', 'quota allowance', { credits: 40 });
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('✅ 更新しました: 1日の割り当て');
    expect(fieldsOf(embed)['1日の割り当て']).toBe(
      'メンバーごとに 50 クレジット\n→ メンバーごとに 40 クレジット',
    );
    expect(embed?.footer?.text).toBe('監査ログに記録しました。');
    expect((await h.app.context.settings.get(h.guild.id)).allowancePerDay).toBe(40);
    await run('ada', 'en-US', 'quota allowance', { credits: 50 });
  });

  it('refuses a bad value in the admin’s language', async () => {
    const unknown = await run('ada', 'de', 'quota limits', { models: 'flux, dalle' });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toBe(
      'Unbekanntes Modell: `dalle`. Wähl aus flux, imagen3, reality4 (mit Kommas getrennt) oder `all`.',
    );
    const nothing = await run('ada', 'ja', 'quota limits');
    expect(nothing.content).toBe(
      '変更する制限を1つ以上選んでください。すべての設定は `/quota view` で確認できます。',
    );
  });
});

describe('a limit’s refusal in the member’s language', () => {
  it('tells a Japanese member, in Japanese, that too many of their jobs are running, and charges nothing', async () => {
    // The policy checks models and lengths before anything is held; how many jobs a member has
    // running only the ledger knows, in the reserve's own transaction: its refusal is the ledger's.
    await run('ada', 'en-US', 'quota limits', { concurrent_jobs: 1 });
    const ben = h.emulator.driver.userId('ben');
    const held = await h.app.context.ledger.reserve({
      jobId: 'held-for-the-test',
      guildId: h.guild.id,
      memberId: ben,
      roleIds: [],
      amount: 2,
      usage: { kind: 'avatar', model: 'flux', variations: 1 },
    });
    expect(held.ok).toBe(true);
    try {
      const before = await h.app.context.ledger.balance(h.guild.id, ben, []);
      const refused = await run('ben', 'ja', 'avatar', { prompt: 'a paper crane', model: 'flux' });
      expect(refused.ephemeral).toBe(true);
      expect(refused.content).toBe(
        'すでに 1 件のジョブが実行中です（上限 1 件）。どれかが終わってからもう一度お試しください。料金はかかっていません。',
      );
      expect(h.percify.avatars().some((avatar) => avatar.prompt === 'a paper crane')).toBe(false);
      expect(await h.app.context.ledger.balance(h.guild.id, ben, [])).toEqual(before);
      // The same refusal for an English reader is word for word what it always was.
      const english = await run('ben', 'en-US', 'avatar', { prompt: 'a paper crane', model: 'flux' });
      expect(english.content).toBe(
        'You already have 1 job running; the limit is 1. Try again when one finishes. Nothing was charged.',
      );
    } finally {
      await h.app.context.ledger.release('held-for-the-test', 'test over');
      await run('ada', 'en-US', 'quota limits', { concurrent_jobs: 2 });
    }
  });
});

describe('admin alerts in the server’s language', () => {
  it('posts in Japanese for a server whose community language is Japanese', async () => {
    h.emulator.driver.setGuildLocale(h.guild.id, 'ja');
    // The admin's own confirmation follows the admin (English); the alerts will follow the server.
    const chosen = await chooseAlertChannel(h, 'general');
    expect(chosen.embeds[0]?.title).toBe('🔔 Alerts on');
    expect(await h.app.context.ops.alertChannels.get(h.guild.id)).toMatchObject({ locale: 'ja' });

    h.percify.setCredits(0);
    try {
      const { job } = await avatarToTheEnd(h, 'ben', 'a dry well');
      expect(job.failure?.code).toBe('operator_out_of_credits');
      const alerts = () =>
        h.emulator.driver.messages('general').filter((m) => m.embeds[0]?.title?.startsWith('⚠️'));
      await vi.waitFor(() => expect(alerts()).toHaveLength(1));
      const [alert] = alerts();
      expect(alert!.embeds[0]!.title).toBe('⚠️ Percify のクレジットがなくなりました');
      expect(alert!.embeds[0]!.description).toContain('Percify アカウントにチャージしてください');
    } finally {
      h.percify.setCredits(10_000);
    }
  });
});
