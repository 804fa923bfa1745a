import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/locales.js';
import { LANGUAGES } from '../../src/locales.js';
import { CATALOGS } from '../../src/services/i18n/catalogs/index.js';
import type { MessageKey, MessageVars } from '../../src/services/i18n/catalog-types.js';
import { createI18n, forChannel, forMember } from '../../src/services/i18n/index.js';

const i18n = createI18n();

describe('locale resolution', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de', 'de'],
    ['fr', 'fr'],
    ['es-ES', 'es-ES'],
    ['es-419', 'es-ES'],
    ['pt-BR', 'pt-BR'],
    ['ja', 'ja'],
    ['ko', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('reads Discord locale %s as %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });

  it("answers the member in their locale and the channel in the server's", () => {
    const interaction = { locale: 'ja', guildLocale: 'de' };
    expect(forMember(i18n, interaction).language).toBe('ja');
    expect(forChannel(i18n, interaction).language).toBe('de');
    expect(forChannel(i18n, { locale: 'fr', guildLocale: null }).language).toBe('fr');
  });
});

describe('translations', () => {
  it('gives each set of values its own text, however often and in whatever order it is asked', () => {
    const en = i18n.translator('en');
    // Many distinct values, so the memo of texts fills and starts over on the way.
    for (let round = 0; round < 2; round++) {
      for (let count = 0; count < 6_000; count += 7) {
        expect(en.t('units.credits', { count })).toBe(
          count === 1 ? '1 credit' : `${en.number(count)} credits`,
        );
      }
    }
    expect(en.t('credits.notMember', { member: '1' })).toBe('<@1> is not a member of this server.');
    expect(en.t('credits.notMember', { member: '2' })).toBe('<@2> is not a member of this server.');
    expect(i18n.translator('de').t('credits.notMember', { member: '1' })).toBe(
      '<@1> ist nicht auf diesem Server.',
    );
  });

  it('fills placeholders without escaping Discord markdown or mentions', () => {
    expect(i18n.t('de', 'credits.notMember', { member: '42' })).toBe('<@42> ist nicht auf diesem Server.');
  });

  it('picks plural forms and writes numbers the way each language does', () => {
    expect(i18n.translator('en-US').credits(1)).toBe('1 credit');
    expect(i18n.translator('en-US').credits(12_500)).toBe('12,500 credits');
    expect(i18n.translator('de').credits(12_500)).toBe('12.500 Credits');
    expect(i18n.translator('fr').credits(0)).toBe('0 crédit');
    expect(i18n.translator('fr').credits(1_000_000)).toBe('1\u202f000\u202f000 de crédits');
    expect(i18n.translator('ja').credits(1)).toBe('1 クレジット');
    expect(i18n.translator('ja').seconds(8)).toBe('8 秒');
  });

  it('gives exactly the text i18next gives, for every message of every catalog', () => {
    const direct = createI18n({ memo: false });
    const messages = new Map<string, Set<string>>();
    const walk = (tree: object, prefix: string) => {
      for (const [name, value] of Object.entries(tree)) {
        if (typeof value !== 'string') walk(value as object, `${prefix}${name}.`);
        else {
          const key = `${prefix}${name}`.replace(/_(zero|one|two|few|many|other)$/, '');
          const names = messages.get(key) ?? new Set<string>();
          for (const [, placeholder] of value.matchAll(/\{\{\s*(\w+)\s*(,[^}]*)?\}\}/g))
            names.add(placeholder!);
          messages.set(key, names);
        }
      }
    };
    walk(CATALOGS.en, '');
    // Text values with what could trip a substitution: `$` patterns, braces, nesting, a slot's marker.
    const odd = 'a$&b $1 {{x}} $t(errors.internal) \uE000id\uE000';
    for (const language of LANGUAGES) {
      const memo = i18n.translator(language);
      const plain = direct.translator(language);
      for (const [key, names] of messages) {
        for (const round of [0, 1, 2]) {
          const vars: Record<string, string | number> = {};
          for (const name of names) {
            const numeric =
              /count|seconds|amount|left|spent|reserved|value|position|min|max|best|made|asked|total|guidance/i;
            vars[name] = numeric.test(name) ? [1, 2, 1234.5][round]! : `${odd} ${name} ${round}`;
          }
          const messageKey = key as MessageKey;
          const asked = vars as MessageVars;
          expect(memo.t(messageKey, asked), `${language} ${key}`).toBe(plain.t(messageKey, asked));
        }
      }
    }
  });

  it("keeps a format's own options and ignores the message's other values", () => {
    expect(i18n.t('en', 'animate.video.megabytesSmall', { value: 7.25 })).toBe('7.3 MB');
    expect(i18n.t('de', 'animate.video.megabytesSmall', { value: 7 })).toBe('7,0 MB');
    // A value named like an Intl option (`style`) must not reach the number's formatter.
    const en = i18n.translator('en');
    expect(en.t('units.credits', { count: 1234, style: 'anime' })).toBe('1,234 credits');
  });

  it('formats dates per language, in UTC', () => {
    const day = Date.UTC(2026, 11, 2);
    expect(i18n.translator('en-GB').date(day)).toBe('Dec 2, 2026');
    expect(i18n.translator('de').date(day)).toBe('02.12.2026');
    expect(i18n.translator('ja').date(day)).toBe('2026/12/02');
  });

  it('falls back to English for a locale it has no catalog for', () => {
    expect(i18n.t('ko', 'credits.titleOwn')).toBe('💳 Your credits');
  });
});
