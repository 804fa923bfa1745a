import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { BotContext } from '../context.js';
import type { CustomIdAction } from '../interactions/custom-id.js';

/** Everything the bot registers is used inside a server: credits belong to a server. */
export type GuildCommandInteraction = ChatInputCommandInteraction<'cached'>;
export type GuildAutocompleteInteraction = AutocompleteInteraction<'cached'>;
export type GuildComponentInteraction =
  ButtonInteraction<'cached'> | StringSelectMenuInteraction<'cached'> | ModalSubmitInteraction<'cached'>;

export interface SlashCommand {
  /** Raw JSON as Discord takes it; importable alone so deploy-commands loads data only. */
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: GuildCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: GuildAutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** Handles one custom-id action (buttons, selects and modal submits); `args` come from the codec. */
export type ComponentHandler = (
  interaction: GuildComponentInteraction,
  args: string[],
  ctx: BotContext,
) => Promise<void>;

export type ComponentHandlers = Partial<Record<CustomIdAction, ComponentHandler>>;

export interface CommandModule {
  command: SlashCommand;
  components?: ComponentHandlers;
}
