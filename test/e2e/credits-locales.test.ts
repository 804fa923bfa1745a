import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionValue } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

// /credits and the error boundary as a German and a Japanese member see them: the locale Discord
// sends with the interaction picks the catalog, through the real client, the emulator and the ledger.

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

function fieldNames(embed: { fields?: Array<{ name: string }> } | undefined): string[] {
  return (embed?.fields ?? []).map((field) => field.name);
}

describe('/credits in the member’s language', () => {
  it('answers a German member in German', async () => {
    const reply = await run('cleo', 'de', 'credits');
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('💳 Deine Credits');
    expect(embed?.description).toBe('Du kannst jetzt **50 Credits** ausgeben.');
    expect(fieldNames(embed)).toEqual([
      'Heutiges Kontingent',
      'Geschenkt',
      'Kontingent erneuert sich',
      'Letzte Abbuchungen und Erstattungen',
    ]);
    expect(embed?.fields?.[0]?.value).toBe('50 von 50 Credits übrig · 0 ausgegeben · 0 reserviert');
    // Discord's own timestamps stay as they are: each client shows them in its language.
    expect(embed?.fields?.[2]?.value).toMatch(/^<t:\d+:R>$/);
  });

  it('answers a Japanese member in Japanese', async () => {
    const reply = await run('ben', 'ja', 'credits');
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('💳 あなたのクレジット');
    expect(embed?.description).toBe('今使えるのは **50 クレジット** です。');
    expect(fieldNames(embed)).toContain('最近の支払いと返金');
    expect(embed?.fields?.at(-1)?.value).toBe('まだありません。`/avatar` を試してみてください！');
  });

  it('falls back to English for a locale without a catalog', async () => {
    const reply = await run('ben', 'ko', 'credits');
    expect(reply.embeds[0]?.title).toBe('💳 Your credits');
  });
});

describe('errors in the member’s language', () => {
  it('refuses another member’s credits in German and in Japanese', async () => {
    const other = h.emulator.driver.userId('cleo');
    const german = await run('ben', 'de', 'credits', { member: other });
    expect(german.ephemeral).toBe(true);
    expect(german.content).toContain('Nur Mitglieder mit **Server verwalten**');
    const japanese = await run('ben', 'ja', 'credits', { member: other });
    expect(japanese.content).toContain('**サーバー管理** 権限');
  });

  it('explains a forged choice in the member’s language', async () => {
    const forged = (locale: string) =>
      h.emulator.driver
        .runCommand({
          user: 'ben',
          channel: 'studio',
          name: 'avatar',
          options: { prompt: 'a fox', model: 'dalle' },
          locale,
          skipClientChecks: true,
        })
        .reply();
    expect((await forged('de')).content).toBe('`model` muss eins davon sein: flux, imagen3, reality4.');
    expect((await forged('ja')).content).toBe(
      '`model` は次のいずれかにしてください: flux, imagen3, reality4。',
    );
  });
});
