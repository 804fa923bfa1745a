/** The 29 BCP-47 codes of docs §6.4 (the docs claim "30+" but list these). */
export const SUPPORTED_LANGUAGES = [
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
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** BCP-47 tags compare case-insensitively (`en-us` is `en-US`); answers use the listed spelling. */
export function supportedLanguage(tag: string): Language | undefined {
  const lower = tag.trim().toLowerCase();
  return SUPPORTED_LANGUAGES.find((code) => code.toLowerCase() === lower);
}
