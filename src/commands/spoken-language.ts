import { UserError } from '../errors.js';
import {
  nearestSpokenLanguage,
  spokenLanguage,
  spokenLanguageChoices,
  type SpokenLanguage,
} from '../services/i18n/spoken-languages.js';
import type { GuildAutocompleteInteraction } from './types.js';

/**
 * The `language` of a spoken line, for /animate and 🔊 Add voice: what the member picked, checked
 * against Percify's 29 codes, else the nearest to their Discord locale (`de` → `de-DE`).
 */
export function chooseSpokenLanguage(picked: string | undefined, locale: string | null): SpokenLanguage {
  if (picked === undefined || picked.trim() === '') return nearestSpokenLanguage(locale);
  const known = spokenLanguage(picked);
  if (!known) throw new UserError({ key: 'language.unknown', vars: { typed: picked } }, 'unknown-language');
  return known;
}

/** Autocomplete for `language`: names in the member's own language, their nearest one first. */
export async function suggestSpokenLanguages(interaction: GuildAutocompleteInteraction): Promise<void> {
  const typed = interaction.options.getFocused();
  await interaction.respond(spokenLanguageChoices(typed, interaction.locale));
}
