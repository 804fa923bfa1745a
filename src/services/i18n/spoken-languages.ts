/**
 * The languages Percify's voices speak (percify-api.md §6.4: 29 BCP-47 codes), how a member's Discord
 * locale maps to the nearest one, and their names in the member's own language for autocomplete.
 * The simulator keeps its own copy of the list (sandbox/percify/sim/languages.ts), as Percify would.
 */
export const SPOKEN_LANGUAGES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IN',
  'es-ES',
  'es-MX',
  'fr-FR',
  'de-DE',
  'it-IT',
  'pt-PT',
  'pt-BR',
  'pl-PL',
  'nl-NL',
  'ru-RU',
  'zh-CN',
  'zh-TW',
  'ja-JP',
  'ko-KR',
  'hi-IN',
  'th-TH',
  'vi-VN',
  'id-ID',
  'ar-SA',
  'tr-TR',
  'sv-SE',
  'da-DK',
  'no-NO',
  'fi-FI',
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export const DEFAULT_SPOKEN_LANGUAGE: SpokenLanguage = 'en-US';

/** Discord locales whose nearest voice is not the first one of the same language. */
const NEAREST_BY_LOCALE: Readonly<Record<string, SpokenLanguage>> = {
  // Latin American Spanish sounds closer to Mexico's than to Spain's.
  'es-419': 'es-MX',
};

/** A code as Percify spells it, whatever the case the member typed (`ja-jp` → `ja-JP`). */
export function spokenLanguage(tag: string): SpokenLanguage | undefined {
  const lower = tag.trim().toLowerCase();
  return SPOKEN_LANGUAGES.find((code) => code.toLowerCase() === lower);
}

/**
 * The voice language a member most likely speaks, from their Discord locale: the same code, else the
 * first of the same language (`de` → `de-DE`, `no` → `no-NO`), else American English.
 */
export function nearestSpokenLanguage(locale: string | null | undefined): SpokenLanguage {
  if (!locale) return DEFAULT_SPOKEN_LANGUAGE;
  const special = NEAREST_BY_LOCALE[locale];
  if (special) return special;
  const exact = spokenLanguage(locale);
  if (exact) return exact;
  const primary = locale.split('-')[0]?.toLowerCase();
  return SPOKEN_LANGUAGES.find((code) => code.split('-')[0] === primary) ?? DEFAULT_SPOKEN_LANGUAGE;
}

/**
 * One formatter per reader's locale, made once: building an Intl.DisplayNames takes about 0.2 ms, and
 * a list of choices names all 29 languages twice, on every autocomplete keystroke. Readers' locales
 * are Discord's 34, so the map stays that small.
 */
const namesByReader = new Map<string, Intl.DisplayNames>();

function displayNames(readerLocale: string): Intl.DisplayNames {
  let names = namesByReader.get(readerLocale);
  if (!names) {
    names = new Intl.DisplayNames([readerLocale, 'en'], { type: 'language' });
    namesByReader.set(readerLocale, names);
  }
  return names;
}

/** "Japanese (Japan) · ja-JP" for an English reader, "Japanisch (Japan) · ja-JP" for a German one. */
export function spokenLanguageName(code: SpokenLanguage, readerLocale: string): string {
  return `${displayNames(readerLocale).of(code) ?? code} · ${code}`;
}

export interface SpokenLanguageChoice {
  name: string;
  value: SpokenLanguage;
}

/**
 * What autocomplete offers while a member types: the languages whose name (in their language or in
 * English) or code contains the text, their own nearest language first. Discord shows 25 at most.
 */
export function spokenLanguageChoices(typed: string, readerLocale: string, max = 25): SpokenLanguageChoice[] {
  const needle = typed.trim().toLowerCase();
  const nearest = nearestSpokenLanguage(readerLocale);
  const ordered = [nearest, ...SPOKEN_LANGUAGES.filter((code) => code !== nearest)];
  return ordered
    .map((code) => ({
      code,
      name: spokenLanguageName(code, readerLocale),
      english: spokenLanguageName(code, 'en'),
    }))
    .filter(({ name, english }) => `${name} ${english}`.toLowerCase().includes(needle))
    .slice(0, max)
    .map(({ code, name }) => ({ name, value: code }));
}
