// The member's Discord language, as the playground lets one switch it: Discord's own locale codes,
// the six the bot has catalogs for and one it has none for (answered in English).

export const LOCALES = [
  ['en-US', 'English (US)'],
  ['en-GB', 'English (UK)'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
  ['es-ES', 'Español (España)'],
  ['es-419', 'Español (Latinoamérica)'],
  ['pt-BR', 'Português (Brasil)'],
  ['ja', '日本語'],
  ['ko', '한국어 (no catalog: English)'],
];

export function fillLocalePicker(select, value) {
  for (const [code, label] of LOCALES) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = label;
    select.append(option);
  }
  select.value = value;
}

/**
 * Commands as Discord's client shows them in `locale`: descriptions and choice names from their
 * localizations. Names stay as registered, so what is typed parses the same in every language.
 */
export function localizeCommands(commands, locale) {
  const walk = (node) => ({
    ...node,
    description: node.description_localizations?.[locale] ?? node.description,
    ...(node.choices
      ? { choices: node.choices.map((c) => ({ ...c, name: c.name_localizations?.[locale] ?? c.name })) }
      : {}),
    ...(node.options ? { options: node.options.map(walk) } : {}),
  });
  return commands.map(walk);
}
