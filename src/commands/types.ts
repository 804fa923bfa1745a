import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { BotContext } from '../context.js';
import type { ComponentArgs, ComponentKind, CustomIdAction, KindOf } from '../interactions/components.js';

/** Everything the bot registers is used inside a server: credits belong to a server. */
export type GuildCommandInteraction = ChatInputCommandInteraction<'cached'>;
export type GuildAutocompleteInteraction = AutocompleteInteraction<'cached'>;

interface InteractionByKind {
  button: ButtonInteraction<'cached'>;
  select: StringSelectMenuInteraction<'cached'>;
  modal: ModalSubmitInteraction<'cached'>;
}
export type GuildComponentInteraction = InteractionByKind[ComponentKind];

/** The interaction an action's handler receives: only the kinds its component sends. */
export type ComponentInteractionFor<A extends CustomIdAction> = InteractionByKind[KindOf<A>];

/** Handles one custom-id action; its interaction and its named arguments follow from the component table. */
export type ComponentHandler<A extends CustomIdAction> = (
  interaction: ComponentInteractionFor<A>,
  args: ComponentArgs<A>,
  ctx: BotContext,
) => Promise<void>;

export type ComponentHandlers = { [A in CustomIdAction]?: ComponentHandler<A> };

/** What the router holds once a command's types have done their work. */
export interface SlashCommand {
  /** Raw JSON as Discord takes it. */
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: GuildCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: GuildAutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export interface CommandModule {
  command: SlashCommand;
  components?: ComponentHandlers;
}
