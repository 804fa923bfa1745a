import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatedMessage, OptionValue } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { componentIds, detail, heading, visibleText } from '../support/messages.js';

// /avatar and its buttons as a German and a Japanese server see them, through the real client, the
// emulator and the Percify simulator. The job's reply is public: it follows the server's language
// (`guild_locale`); a refusal only the member sees follows the member's own (`locale`).

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

function avatar(
  user: string,
  locale: string,
  options: Record<string, OptionValue>,
  skipClientChecks = false,
) {
  return h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options, locale, skipClientChecks })
    .reply();
}

function finished(message: EmulatedMessage): Promise<EmulatedMessage> {
  return h.emulator.driver.waitForEdit(message.id, (m) => m.attachments.length > 0, 20_000);
}

async function click(message: EmulatedMessage, label: string, user: string, locale: string) {
  const customId = componentIds(message)[label];
  expect(customId, `a button labelled ${label}`).toBeDefined();
  return h.emulator.driver.clickButton({ message, customId: customId!, user, locale }).reply();
}

describe('/avatar on a German server', () => {
  it('answers, renders and varies in German', async () => {
    h.emulator.driver.setGuildLocale('Studio', 'de');
    const first = await avatar('ben', 'de', { prompt: 'ein roter Fuchs als Astronaut', seed: 1000 });
    expect(first.ephemeral).toBe(false);
    expect(heading(first)).toBe('🎨 Avatar wird erstellt');
    expect(detail(first, 'Kosten')).toMatch(/^2 Credits · danach noch \d+ Credits übrig$/);
    expect(detail(first, 'Modell')).toBe('flux · Schnell');

    const done = await finished(first);
    expect(heading(done)).toBe('✅ Dein Avatar');
    expect(detail(done, 'Abgebucht')).toBe('2 Credits');
    expect(Object.keys(componentIds(done))).toEqual(
      expect.arrayContaining(['Animieren', 'Variieren', 'HD', 'Neu würfeln', 'Löschen']),
    );

    const varied = await click(done, 'Variieren', 'ben', 'de');
    expect(heading(varied)).toBe('🎨 4 Avatare werden erstellt');
    const four = await finished(varied);
    expect(heading(four)).toBe('✅ Deine 4 Avatare');
    expect(Object.keys(componentIds(four))).toEqual(expect.arrayContaining(['Variieren 1', 'Neu würfeln']));
    expect(visibleText(four)).not.toMatch(/Your|Charged|Reroll/);
  });

  it('refuses a too-long prompt in German, and charges nothing', async () => {
    h.emulator.driver.setGuildLocale('Studio', 'de');
    const reply = await avatar('cleo', 'de', { prompt: 'Fuchs '.repeat(200) }, true);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('Prompts dürfen höchstens 1.000 Zeichen lang sein. Kürz ihn ein wenig.');
  });
});

describe('/avatar on a Japanese server', () => {
  it('answers, renders and rerolls in Japanese', async () => {
    h.emulator.driver.setGuildLocale('Studio', 'ja');
    const first = await avatar('ben', 'ja', { prompt: 'a paper crane at dawn', seed: 500 });
    expect(heading(first)).toBe('🎨 アバターを 1 枚作成中');
    expect(detail(first, '料金')).toMatch(/^2 クレジット · このあと残り \d+ クレジット$/);

    const done = await finished(first);
    expect(heading(done)).toBe('✅ あなたのアバター（1 枚）');
    expect(detail(done, '支払い')).toBe('2 クレジット');

    const rerolled = await click(done, '作り直す', 'ben', 'ja');
    expect(rerolled.id).not.toBe(done.id);
    expect(heading(rerolled)).toBe('🎨 アバターを 1 枚作成中');
    const again = await finished(rerolled);
    expect(heading(again)).toBe('✅ あなたのアバター（1 枚）');
    expect(Object.keys(componentIds(again))).toEqual(
      expect.arrayContaining(['アニメ化', 'バリエーション', '作り直す', '削除']),
    );
  });

  it('refuses a too-long prompt in Japanese', async () => {
    h.emulator.driver.setGuildLocale('Studio', 'ja');
    const reply = await avatar('cleo', 'ja', { prompt: 'きつね'.repeat(400) }, true);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('プロンプトは 1,000 文字までです。少し短くしてください。');
  });
});

describe('a refused photo', () => {
  it('says what is wrong with it, and its limits, in the member’s language', async () => {
    const refused = (locale: string) =>
      h.emulator.driver
        .runCommand({
          user: 'ben',
          channel: 'studio',
          name: 'avatar',
          options: { photo: { filename: 'me.png', bytes: Buffer.from('this is not a picture at all') } },
          locale,
        })
        .reply();
    const japanese = await refused('ja');
    expect(japanese.ephemeral).toBe(true);
    expect(japanese.content).toBe(
      'このファイルは PNG・JPEG・WebP の画像ではありません。写真は 10 MB 以下の PNG・JPEG・WebP で、各辺 256〜4096 ピクセルにしてください。料金はかかっていません。',
    );
    const german = await refused('de');
    expect(german.content).toContain('Diese Datei ist kein PNG-, JPEG- oder WebP-Bild.');
    expect(german.content).toContain('Es wurde nichts abgebucht.');
  });
});

describe('whose language', () => {
  it('puts the public reply in the server’s language and a refusal in the member’s', async () => {
    h.emulator.driver.setGuildLocale('Studio', 'de');
    // A Japanese member on a German server: the channel reads German…
    const first = await avatar('cleo', 'ja', { prompt: 'a lighthouse keeper', seed: 77, model: 'reality4' });
    expect(heading(first)).toBe('🎨 Avatar wird erstellt');
    const done = await finished(first);
    expect(heading(done)).toBe('✅ Dein Avatar');
    expect(detail(done, 'Modell')).toBe('reality4 · Ultrarealistisch');
    // …and what only they see is in Japanese: reality4 is already the most detailed model.
    const refused = await click(done, 'HD', 'cleo', 'ja');
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe('この画像はすでに最も精細なモデル reality4 で作られています。');
  });
});
