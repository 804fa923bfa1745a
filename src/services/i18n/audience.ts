import type { I18n, Translator } from './translator.js';

/** Only what locale resolution reads of an interaction, so tests can pass a plain object. */
export interface LocaleSource {
  readonly locale?: string | null;
  readonly guildLocale?: string | null;
}

/** For a reply only the member sees (ephemeral answers, errors, their own panels): their locale. */
export function forMember(i18n: I18n, interaction: LocaleSource): Translator {
  return i18n.translator(interaction.locale);
}

/**
 * For a message the whole channel sees (results, fallbacks, mentions): the server's language, which
 * Discord sends as `guild_locale` (the community locale admins set), else the member's. A job record
 * is a LocaleSource too (it keeps both from the interaction that made it), so results and failures
 * delivered later read `forChannel(ctx.i18n, job)`.
 */
export function forChannel(i18n: I18n, interaction: LocaleSource): Translator {
  return i18n.translator(interaction.guildLocale ?? interaction.locale);
}
