import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { finishedAvatar } from '../support/job-runs.js';
import { componentIds, heading } from '../support/messages.js';

// The language of a spoken line, end to end: /animate's `language` autocomplete in the member's own
// words, the default from their Discord locale, the code Percify (simulated) receives, a code it
// does not know refused before anything is spent, and the same choice in 🔊 Add voice's form.

let h: BotHarness;
let avatar: { id: string; message: EmulatedMessage };

const TITLE_DONE = /Your video|Voice added|Could not/;
const settled = (message: EmulatedMessage) =>
  h.emulator.driver.waitForEdit(message.id, (m) => TITLE_DONE.test(heading(m)), 30_000);
const spokenIn = (text: string) => h.percify.audios().find((audio) => audio.text === text)?.language;

beforeAll(async () => {
  h = await startBotHarness();
  const admin = h.emulator.driver.userId('ada');
  await h.app.context.settings.update(
    h.guild.id,
    admin,
    (s) => ({ ...s, allowancePerDay: 1000, limits: { ...s.limits, confirmAbove: 1000 } }),
    'tests',
  );
  avatar = await finishedAvatar(h, 'ben', 'a talking owl', 4);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

function animate(options: Record<string, string | number>, locale?: string) {
  return h.emulator.driver.runCommand({
    user: 'ben',
    channel: 'studio',
    name: 'animate',
    options: { avatar: avatar.id, duration: 3, ...options },
    ...(locale ? { locale } : {}),
  });
}

describe('/animate language', () => {
  it('suggests Percify’s languages named in the member’s language, theirs first', async () => {
    const suggest = (typed: string, locale: string) =>
      h.emulator.driver
        .autocomplete({
          user: 'ben',
          channel: 'studio',
          name: 'animate',
          options: { avatar: avatar.id, language: typed },
          focused: 'language',
          locale,
        })
        .response();
    const all = await suggest('', 'de');
    expect(all.choices).toHaveLength(25);
    expect(all.choices?.[0]).toEqual({ name: 'Deutsch (Deutschland) · de-DE', value: 'de-DE' });
    // Typed in English or in their own language, or as a code.
    expect((await suggest('japan', 'de')).choices).toEqual([
      { name: 'Japanisch (Japan) · ja-JP', value: 'ja-JP' },
    ]);
    expect((await suggest('brasil', 'pt-BR')).choices?.map((choice) => choice.value)).toEqual(['pt-BR']);
    expect((await suggest('ko-kr', 'ja')).choices).toEqual([
      { name: '韓国語 (韓国) · ko-KR', value: 'ko-KR' },
    ]);
  });

  it('speaks the member’s own language when they pick none', async () => {
    const done = await settled(await animate({ speech: 'こんにちは、フクロウです。' }, 'ja').reply());
    expect(heading(done)).toMatch(/Your video/);
    expect(spokenIn('こんにちは、フクロウです。')).toBe('ja-JP');
  }, 60_000);

  it('sends the language picked, spelled as Percify spells it', async () => {
    await settled(await animate({ speech: 'Bonjour tout le monde.', language: 'fr-fr' }, 'en-US').reply());
    expect(spokenIn('Bonjour tout le monde.')).toBe('fr-FR');
  }, 60_000);

  it('refuses a language Percify does not speak, in the member’s language, before any job', async () => {
    const before = h.percify.audios().length;
    const reply = await animate({ speech: 'nuqneH', language: 'klingon' }, 'de').reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('Die Sprache „klingon“ kenne ich nicht. Wähl beim Tippen eine aus der Liste.');
    expect(h.percify.audios()).toHaveLength(before);
  });
});

describe('🔊 Add voice language', () => {
  it('offers the languages in the form, the member’s chosen already, and speaks the one submitted', async () => {
    const video = await settled(await animate({}).reply());
    h.emulator.driver.setLocale('ben', 'pt-BR');
    try {
      const click = h.emulator.driver.clickButton({
        message: video,
        customId: componentIds(video)['Add voice']!,
        user: 'ben',
      });
      const modal = (await click.response()).modal;
      expect(modal?.title).toBe('Adicionar uma voz');
      const select = JSON.stringify(modal?.components);
      expect(select).toContain('"value":"pt-BR","default":true');
      const voiced = await h.emulator.driver
        .submitModal({ interaction: click, fields: { line: 'Hola a todos.', language: 'es-MX' } })
        .reply();
      expect(heading(await settled(voiced))).toBe('✅ Voice added');
      expect(spokenIn('Hola a todos.')).toBe('es-MX');
    } finally {
      h.emulator.driver.setLocale('ben', 'en-US');
    }
  }, 60_000);
});
