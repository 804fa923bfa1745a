import type {
  ApplicationCommandOptionType,
  Attachment,
  GuildBasedChannel,
  GuildMember,
  Role,
  User,
} from 'discord.js';

/**
 * The handler's option types, derived from the command's `as const` JSON (yuudachi's `ArgumentsOf`):
 * renaming an option, changing its type or its choices, or adding a subcommand breaks the build where
 * the handler reads it, not production.
 */

type OptionType = ApplicationCommandOptionType;

/** The parts of an option's JSON the types and the reader look at. */
export interface OptionData {
  readonly type: OptionType;
  readonly name: string;
  readonly required?: boolean;
  readonly choices?: readonly { readonly value: string | number }[];
  readonly options?: readonly OptionData[];
}

export interface CommandData {
  readonly name: string;
  readonly options?: readonly OptionData[];
}

interface ValueByType {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
  [ApplicationCommandOptionType.User]: User;
  [ApplicationCommandOptionType.Channel]: GuildBasedChannel;
  [ApplicationCommandOptionType.Role]: Role;
  [ApplicationCommandOptionType.Mentionable]: User | GuildMember | Role;
  [ApplicationCommandOptionType.Attachment]: Attachment;
}

/** An option with choices takes one of their values; any other, its type's value. */
type ValueOf<O extends OptionData> = O extends { readonly choices: readonly { readonly value: infer V }[] }
  ? V
  : O['type'] extends keyof ValueByType
    ? ValueByType[O['type']]
    : never;

/** Leaf options by name; the ones that are not required may be left out. */
export type LeafOptions<Options extends readonly OptionData[]> = {
  -readonly [O in Options[number] as O['name']]: O extends { readonly required: true }
    ? ValueOf<O>
    : ValueOf<O> | undefined;
};

type NestedOptions<O> = O extends { readonly options: infer Inner extends readonly OptionData[] }
  ? Inner
  : [];

/** One member of the union per subcommand, named as Discord shows it ("channels add"). */
type SubcommandsOf<Options extends readonly OptionData[], Prefix extends string = ''> = {
  [I in keyof Options]: Options[I] extends {
    readonly type: ApplicationCommandOptionType.SubcommandGroup;
    readonly name: infer Group extends string;
  }
    ? SubcommandsOf<NestedOptions<Options[I]>, `${Group} `>
    : Options[I] extends {
          readonly type: ApplicationCommandOptionType.Subcommand;
          readonly name: infer Name extends string;
        }
      ? { subcommand: `${Prefix}${Name}`; options: LeafOptions<NestedOptions<Options[I]>> }
      : never;
}[number];

type HasSubcommands<Options extends readonly OptionData[]> = Options[number]['type'] extends
  ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup
  ? true
  : false;

/** What a handler receives: the leaf options, or which subcommand ran with its options. */
export type OptionsOf<Data extends CommandData> = Data extends {
  readonly options: infer Options extends readonly OptionData[];
}
  ? HasSubcommands<Options> extends true
    ? SubcommandsOf<Options>
    : LeafOptions<Options>
  : LeafOptions<[]>;

/** The subcommands' names ("view", "channels add", …), for a handler table keyed by them. */
export type SubcommandName<Data extends CommandData> =
  OptionsOf<Data> extends { subcommand: infer Name } ? Name : never;

/** The options of one subcommand. */
export type SubcommandOptions<Data extends CommandData, Name extends SubcommandName<Data>> =
  Extract<OptionsOf<Data>, { subcommand: Name }> extends { options: infer Options } ? Options : never;
