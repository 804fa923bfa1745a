import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMAND_DATA } from '../../src/commands/data/index.js';
import { localizedCommandData } from '../../src/commands/data/localized.js';
import { DISCORD_LOCALES, LANGUAGES } from '../../src/locales.js';

// Discord's rules for what a command registers in every locale (developer docs, "Application
// Commands"): names 1–32 characters of this class, lowercase where the script has case; descriptions
// and choice names 1–100 characters; names unique among their siblings.
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = LANGUAGES.flatMap((language) => DISCORD_LOCALES[language]);

interface Node {
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: Node[];
  choices?: Array<{ name: string; value: unknown; name_localizations?: Record<string, string> }>;
}

/** Every command, subcommand and option with its path, e.g. "/quota channels add channel". */
function nodes(node: Node, path = `/${node.name}`): Array<[string, Node]> {
  return [[path, node], ...(node.options ?? []).flatMap((child) => nodes(child, `${path} ${child.name}`))];
}

const commands = localizedCommandData() as unknown as Node[];
const all = commands.flatMap((command) => nodes(command));

describe('command localizations', () => {
  it('localizes every command, subcommand and option in every locale, within Discord’s rules', () => {
    for (const [path, node] of all) {
      for (const locale of LOCALES) {
        const name = node.name_localizations?.[locale];
        const description = node.description_localizations?.[locale];
        expect(name, `${path} name in ${locale}`).toMatch(NAME);
        expect(name, `${path} name in ${locale}`).toBe(name?.toLowerCase());
        expect(description?.length, `${path} description in ${locale}`).toBeGreaterThan(0);
        expect(description!.length, `${path} description in ${locale}: ${description}`).toBeLessThanOrEqual(
          100,
        );
      }
    }
  });

  it('localizes every choice in every locale, 1–100 characters', () => {
    for (const [path, node] of all) {
      for (const choice of node.choices ?? []) {
        for (const locale of LOCALES) {
          const name = choice.name_localizations?.[locale];
          expect(name?.length, `${path} choice ${String(choice.value)} in ${locale}`).toBeGreaterThan(0);
          expect(name!.length, `${path} choice ${String(choice.value)} in ${locale}`).toBeLessThanOrEqual(
            100,
          );
        }
      }
    }
  });

  it('keeps sibling names apart in every locale, as Discord requires', () => {
    for (const [path, node] of [['', { options: commands } as Node] as const, ...all]) {
      for (const locale of LOCALES) {
        const names = (node.options ?? []).map((child) => child.name_localizations?.[locale]);
        expect(new Set(names).size, `${path} in ${locale}: ${names.join(', ')}`).toBe(names.length);
      }
    }
  });

  it('speaks each language in its own words, English where the data is English', () => {
    const credits = commands.find((command) => command.name === 'credits')!;
    expect(credits.description_localizations?.['en-GB']).toBe(credits.description);
    expect(credits.description_localizations?.de).not.toBe(credits.description);
    expect(credits.options?.[0]?.name_localizations).toMatchObject({ de: 'mitglied', ja: 'メンバー' });
    // Command names are shared across languages on purpose: replies and members cite one /credits.
    expect(credits.name_localizations?.ja).toBe('credits');
  });

  it('changes nothing else: the same commands, options and values as the data', () => {
    const strip = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (key, inner: unknown) =>
          key === 'name_localizations' || key === 'description_localizations' ? undefined : inner,
        ),
      );
    expect(strip(commands)).toEqual(
      strip(COMMAND_DATA as readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]),
    );
  });
});
