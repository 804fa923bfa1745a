import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from '../../context.js';
import type {
  CommandModule,
  ComponentHandlers,
  GuildAutocompleteInteraction,
  GuildCommandInteraction,
} from '../types.js';
import type { CommandData, OptionsOf } from './option-types.js';
import { readOptions } from './read-options.js';

export interface CommandHandlers<Data extends CommandData> {
  /** Runs the command with its options read and typed from `data`. */
  execute: (interaction: GuildCommandInteraction, options: OptionsOf<Data>, ctx: BotContext) => Promise<void>;
  autocomplete?: (interaction: GuildAutocompleteInteraction, ctx: BotContext) => Promise<void>;
  /** The buttons, selects and modals this command draws. */
  components?: ComponentHandlers;
}

/**
 * A command from its data and its handlers. The handler's options type is derived from the data, so
 * renaming an option or a subcommand breaks the build where it is read.
 */
export function defineCommand<Data extends CommandData & RESTPostAPIChatInputApplicationCommandsJSONBody>(
  data: Data,
  handlers: CommandHandlers<Data>,
): CommandModule {
  const { execute, autocomplete, components } = handlers;
  return {
    command: {
      data,
      execute: (interaction, ctx) => execute(interaction, readOptions(data, interaction.options), ctx),
      autocomplete,
    },
    components,
  };
}
