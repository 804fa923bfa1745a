import type { ApplicationCommandOptionType } from 'discord.js';
import type { COMMAND_DATA } from '../index.js';

/**
 * What one language says for every command, derived from the command data itself: adding an option
 * or a choice to a command breaks the build of every language until it is translated there.
 *
 * - Options keep their own `name` per language (lowercase, no spaces: test/commands/localizations).
 * - Commands and subcommands may leave `name` out: they are then called the same in every language,
 *   on purpose, so members of a mixed server share one `/avatar` and replies can cite it.
 * - A choice may be left out only when its name is its value (`mp4`, `1:1`): such names are copied.
 */
type Grouping = ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;

type Children<D> = D extends { readonly options: readonly (infer O)[] } ? O : never;
type NameOf<O> = O extends { readonly name: infer N extends string } ? N : never;
type ChoiceValue<D> = D extends { readonly choices: readonly (infer C)[] }
  ? C extends { readonly value: infer V extends string | number }
    ? V
    : never
  : never;

export type Translation<D> = { readonly description: string } & (D extends { readonly contexts: unknown }
  ? { readonly name?: string }
  : D extends { readonly type: Grouping }
    ? { readonly name?: string }
    : { readonly name: string }) &
  ([Children<D>] extends [never]
    ? unknown
    : {
        readonly options: {
          readonly [N in NameOf<Children<D>>]: Translation<Extract<Children<D>, { readonly name: N }>>;
        };
      }) &
  ([ChoiceValue<D>] extends [never] ? unknown : { readonly choices?: { readonly [V in ChoiceValue<D>]?: string } });

type Command = (typeof COMMAND_DATA)[number];

/** One language's translations of every command, keyed by the command's own name. */
export type CommandTranslations = { readonly [C in Command as C['name']]: Translation<C> };
