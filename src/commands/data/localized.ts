import type { LocalizationMap, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { DISCORD_LOCALES, LANGUAGES, type Language } from '../../locales.js';
import { COMMAND_DATA } from './index.js';
import { COMMAND_TRANSLATIONS } from './localizations/index.js';

/**
 * The command data with Discord's `name_localizations`, `description_localizations` and choice
 * `name_localizations` filled from each language's translations, for every Discord locale it covers
 * (src/locales.ts). Deploy sends this; the handlers keep reading options by their own names, which
 * Discord sends whatever the member's language.
 */

/** A node of the translation tree as the walk reads it (its type is checked where it is written). */
interface TranslatedNode {
  name?: string;
  description?: string;
  options?: Record<string, TranslatedNode>;
  choices?: Record<string, string>;
}

interface DataNode {
  name: string;
  description: string;
  options?: readonly DataNode[];
  choices?: ReadonlyArray<{ name: string; value: string | number }>;
}

type Lookup = (language: Language) => TranslatedNode | undefined;

/** One text per Discord locale: English locales get the data's own, the others their language's. */
function localizations(own: string, text: (language: Language) => string | undefined): LocalizationMap {
  const map: Record<string, string> = {};
  for (const language of LANGUAGES) {
    const value = language === 'en' ? own : text(language);
    if (value === undefined) continue;
    for (const locale of DISCORD_LOCALES[language]) map[locale] = value;
  }
  return map;
}

function localizeNode(node: DataNode, lookup: Lookup): Record<string, unknown> {
  const localized: Record<string, unknown> = {
    ...node,
    // A command or subcommand without a translated name keeps its own in every language.
    name_localizations: localizations(node.name, (language) => lookup(language)?.name ?? node.name),
    description_localizations: localizations(node.description, (language) => lookup(language)?.description),
  };
  if (node.choices) {
    localized.choices = node.choices.map((choice) => ({
      ...choice,
      name_localizations: localizations(
        choice.name,
        // A choice named by its value (mp4, 1:1) reads the same in every language.
        (language) =>
          lookup(language)?.choices?.[String(choice.value)] ??
          (choice.name === String(choice.value) ? choice.name : undefined),
      ),
    }));
  }
  if (node.options) {
    localized.options = node.options.map((option) =>
      localizeNode(option, (language) => lookup(language)?.options?.[option.name]),
    );
  }
  return localized;
}

function translationsOf(language: Language): Record<string, TranslatedNode> | undefined {
  return language === 'en' ? undefined : COMMAND_TRANSLATIONS[language];
}

export function localizeCommand(
  data: RESTPostAPIChatInputApplicationCommandsJSONBody,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  // The walk reads the JSON generically; what it returns is that JSON with localizations added.
  const node = data as unknown as DataNode;
  return localizeNode(node, (language) => translationsOf(language)?.[data.name]) as unknown as typeof data;
}

/** What deploy registers: every command, localized. */
export function localizedCommandData(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMAND_DATA.map((data) => localizeCommand(data));
}
