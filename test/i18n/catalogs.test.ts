import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/locales.js';
import { CATALOGS } from '../../src/services/i18n/catalogs/index.js';
import { NUMBER_FORMAT_OPTIONS } from '../../src/services/i18n/translator.js';

/** Every catalog flattened to "group.key" → text. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
/** Placeholder names, without their format (`{{count, number}}` → count). */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]!).sort();

const english = flatten(CATALOGS.en);
const englishBases = new Set([...english.keys()].map(base));
const pluralBases = new Set([...english.keys()].filter((key) => PLURAL.test(key)).map(base));

describe.each(LANGUAGES.map((language) => [language]))('the %s catalog', (language) => {
  const catalog = flatten(CATALOGS[language]);

  it('has every key of the English one and no other', () => {
    expect(new Set([...catalog.keys()].map(base))).toEqual(englishBases);
  });

  it('has exactly the plural forms its language uses', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const key of pluralBases) {
      const forms = [...catalog.keys()].filter((k) => base(k) === key && PLURAL.test(k));
      expect(forms.sort(), key).toEqual(categories.map((category) => `${key}_${category}`).sort());
    }
  });

  it('fills the same placeholders as English, and no text is empty', () => {
    for (const [key, text] of catalog) {
      expect(text.trim(), key).not.toBe('');
      const source = english.get(key) ?? english.get(`${base(key)}_other`);
      expect(placeholders(text), key).toEqual(placeholders(source ?? ''));
    }
  });

  it('formats values only as numbers, with the options the translator passes on to Intl', () => {
    const known = new Set<string>(NUMBER_FORMAT_OPTIONS);
    for (const [key, text] of catalog) {
      for (const [, format] of text.matchAll(/\{\{[^},]*,\s*([^}(]*)/g)) {
        expect(format!.trim(), key).toBe('number');
      }
      for (const [, options] of text.matchAll(/,\s*number\(([^)]*)\)\s*\}\}/g)) {
        for (const option of options!.split(';')) {
          expect(known.has(option.split(':')[0]!.trim()), `${key}: ${option}`).toBe(true);
        }
      }
    }
  });
});
