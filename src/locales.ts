/**
 * The languages the bot speaks and the Discord locales each one answers. Data only, with no service
 * behind it, so deploy-commands (which must load no service) and the i18n service share one list.
 * Adding a language starts here: see src/services/i18n/README.md.
 */

export const LANGUAGES = ['en', 'de', 'fr', 'es-ES', 'pt-BR', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * Discord's locale codes (discord-notes.md) that each language covers. Latin American Spanish reads
 * the Spanish catalog: closer than English for those members.
 */
export const DISCORD_LOCALES: Readonly<Record<Language, readonly string[]>> = {
  en: ['en-US', 'en-GB'],
  de: ['de'],
  fr: ['fr'],
  'es-ES': ['es-ES', 'es-419'],
  'pt-BR': ['pt-BR'],
  ja: ['ja'],
};

const BY_LOCALE: ReadonlyMap<string, Language> = new Map(
  LANGUAGES.flatMap((language) => DISCORD_LOCALES[language].map((locale) => [locale, language] as const)),
);

/** The catalog language for a Discord locale (`locale` or `guild_locale`); unknown or missing → English. */
export function languageOf(locale: string | null | undefined): Language {
  return (locale ? BY_LOCALE.get(locale) : undefined) ?? DEFAULT_LANGUAGE;
}
