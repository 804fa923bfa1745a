import { ApplicationCommandOptionType, type CommandInteractionOptionResolver } from 'discord.js';
import { UserError } from '../../errors.js';
import type { CommandData, OptionData, OptionsOf } from './option-types.js';

type Resolver = Omit<CommandInteractionOptionResolver<'cached'>, 'getMessage' | 'getFocused'>;

function readOne(resolver: Resolver, option: OptionData): unknown {
  const { name } = option;
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return resolver.getString(name);
    case ApplicationCommandOptionType.Integer:
      return resolver.getInteger(name);
    case ApplicationCommandOptionType.Number:
      return resolver.getNumber(name);
    case ApplicationCommandOptionType.Boolean:
      return resolver.getBoolean(name);
    case ApplicationCommandOptionType.User:
      return resolver.getUser(name);
    case ApplicationCommandOptionType.Channel:
      return resolver.getChannel(name);
    case ApplicationCommandOptionType.Role:
      return resolver.getRole(name);
    case ApplicationCommandOptionType.Mentionable:
      return resolver.getMentionable(name);
    case ApplicationCommandOptionType.Attachment:
      return resolver.getAttachment(name);
    case ApplicationCommandOptionType.Subcommand:
    case ApplicationCommandOptionType.SubcommandGroup:
      return null;
  }
}

/**
 * Reads the leaf options the data declares. Discord enforces `required` and `choices`, but an
 * interaction can be forged, so both are checked again: the handler's types are then true.
 */
function readLeaves(resolver: Resolver, options: readonly OptionData[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const option of options) {
    const value = readOne(resolver, option) ?? undefined;
    if (value === undefined && option.required) {
      throw new UserError({ key: 'errors.optionRequired', vars: { option: option.name } }, 'invalid-option');
    }
    if (value !== undefined && option.choices && !option.choices.some((choice) => choice.value === value)) {
      const allowed = option.choices.map((choice) => String(choice.value)).join(', ');
      throw new UserError(
        { key: 'errors.optionNotAChoice', vars: { option: option.name, allowed } },
        'invalid-option',
      );
    }
    values[option.name] = value;
  }
  return values;
}

const isSubcommandLike = (option: OptionData) =>
  option.type === ApplicationCommandOptionType.Subcommand ||
  option.type === ApplicationCommandOptionType.SubcommandGroup;

/** The interaction's options, shaped and typed by the command's data (Sapphire's `parse()`). */
export function readOptions<Data extends CommandData>(data: Data, resolver: Resolver): OptionsOf<Data> {
  const declared = data.options ?? [];
  // The one cast: the walk above follows the same data the type is derived from.
  if (!declared.some(isSubcommandLike)) return readLeaves(resolver, declared) as OptionsOf<Data>;
  const group = resolver.getSubcommandGroup(false);
  const name = resolver.getSubcommand(false);
  const parent = group === null ? declared : declared.find((option) => option.name === group)?.options;
  const subcommand = parent?.find(
    (option) => option.name === name && option.type === ApplicationCommandOptionType.Subcommand,
  );
  if (!subcommand || name === null) {
    throw new UserError(
      { key: 'errors.unknownSubcommand', vars: { command: data.name } },
      'unknown-subcommand',
    );
  }
  return {
    subcommand: group === null ? name : `${group} ${name}`,
    options: readLeaves(resolver, subcommand.options ?? []),
  } as unknown as OptionsOf<Data>;
}
