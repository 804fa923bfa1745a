import { randomBytes } from 'node:crypto';
import type { Interaction, RepliableInteraction } from 'discord.js';
import type { CommandModule, GuildComponentInteraction, SlashCommand } from '../commands/types.js';
import type { BotContext } from '../context.js';
import { isUserError } from '../errors.js';
import { COMPONENTS, namedArgs, type ComponentKind } from '../interactions/components.js';
import { parseCustomId } from '../interactions/custom-id.js';
import { answerNoChoices, answerPrivately } from '../interactions/respond.js';
import { forMember, type MessageKey } from '../services/i18n/index.js';

/** The router's own answers, as catalog keys: each member reads them in their language. */
export const MESSAGES = {
  draining: 'errors.draining',
  guildOnly: 'errors.guildOnly',
  unknownCommand: 'errors.unknownCommand',
  staleComponent: 'errors.staleComponent',
  internal: 'errors.internal',
} as const satisfies Record<string, MessageKey>;

/**
 * A handler as the router holds it. The router calls one only with an interaction of a kind its
 * component sends (checked against the component table), which is what its own type promises.
 */
type RoutedComponentHandler = (
  interaction: GuildComponentInteraction,
  args: Record<string, string>,
  ctx: BotContext,
) => Promise<void>;

export interface InteractionRouter {
  commands: ReadonlyMap<string, SlashCommand>;
  components: ReadonlyMap<string, RoutedComponentHandler>;
}

export function buildRouter(modules: readonly CommandModule[]): InteractionRouter {
  const commands = new Map<string, SlashCommand>();
  const components = new Map<string, RoutedComponentHandler>();
  for (const { command, components: handlers } of modules) {
    if (commands.has(command.data.name)) throw new Error(`two commands are named ${command.data.name}`);
    commands.set(command.data.name, command);
    for (const [action, handler] of Object.entries(handlers ?? {})) {
      if (components.has(action)) throw new Error(`two handlers claim the custom id action ${action}`);
      if (handler) components.set(action, handler as RoutedComponentHandler);
    }
  }
  return { commands, components };
}

/**
 * The single entry point for every interaction and its error boundary: a UserError is shown to the
 * member as is; anything else is logged with context and the member gets a generic line with a
 * reference they can quote.
 */
export function createInteractionListener(ctx: BotContext, router: InteractionRouter) {
  return async function onInteraction(interaction: Interaction): Promise<void> {
    try {
      // Before anything else: another process may have this interaction (see InteractionClaims).
      if (!(await ctx.claims.claim(interaction.id))) return;
      await route(interaction, ctx, router);
    } catch (error) {
      await reportFailure(interaction, error, ctx);
    }
  };
}

async function route(interaction: Interaction, ctx: BotContext, router: InteractionRouter): Promise<void> {
  // Every answer of the router is for this member alone: their locale.
  const say = (key: MessageKey) => forMember(ctx.i18n, interaction).t(key);
  if (interaction.isAutocomplete()) {
    const command = router.commands.get(interaction.commandName);
    if (!command?.autocomplete || !interaction.inCachedGuild() || ctx.lifecycle.draining) {
      await answerNoChoices(interaction);
      return;
    }
    await command.autocomplete(interaction, ctx);
    return;
  }
  if (!interaction.isRepliable()) return;
  if (ctx.lifecycle.draining) {
    await answerPrivately(interaction, say(MESSAGES.draining));
    return;
  }
  if (!interaction.inCachedGuild()) {
    await answerPrivately(interaction, say(MESSAGES.guildOnly));
    return;
  }
  if (interaction.isChatInputCommand()) {
    const command = router.commands.get(interaction.commandName);
    if (!command) {
      await answerPrivately(interaction, say(MESSAGES.unknownCommand));
      return;
    }
    await command.execute(interaction, ctx);
    return;
  }
  // Every other interaction is a component or a modal: each gets an answer, even one we cannot route.
  const kind = componentKind(interaction);
  const parsed = parseCustomId('customId' in interaction ? interaction.customId : '');
  const handler = parsed ? router.components.get(parsed.action) : undefined;
  const sends: readonly ComponentKind[] = parsed ? COMPONENTS[parsed.action].sends : [];
  if (!parsed || !handler || !kind || !sends.includes(kind.kind)) {
    ctx.logger.warn(
      { customId: 'customId' in interaction ? interaction.customId : undefined, user: interaction.user.id },
      'unknown custom id',
    );
    await answerPrivately(interaction, say(MESSAGES.staleComponent));
    return;
  }
  await handler(kind.interaction, namedArgs(parsed.action, parsed.args), ctx);
}

/** Narrows the interaction once, for the component table's kinds. */
function componentKind(
  interaction: RepliableInteraction<'cached'>,
): { kind: ComponentKind; interaction: GuildComponentInteraction } | undefined {
  if (interaction.isButton()) return { kind: 'button', interaction };
  if (interaction.isStringSelectMenu()) return { kind: 'select', interaction };
  if (interaction.isModalSubmit()) return { kind: 'modal', interaction };
  return undefined;
}

async function reportFailure(interaction: Interaction, error: unknown, ctx: BotContext): Promise<void> {
  const reference = randomBytes(3).toString('hex');
  const where = {
    reference,
    interactionId: interaction.id,
    user: interaction.user.id,
    guild: interaction.guildId,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId:
      interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : undefined,
  };
  if (isUserError(error)) {
    ctx.logger.debug({ ...where, identifier: error.identifier }, 'refused: %s', error.message);
  } else {
    ctx.logger.error({ ...where, err: error }, 'interaction failed');
  }
  try {
    if (interaction.isAutocomplete()) {
      await answerNoChoices(interaction);
    } else if (interaction.isRepliable()) {
      const member = forMember(ctx.i18n, interaction);
      const text = !isUserError(error)
        ? member.t(MESSAGES.internal, { reference })
        : error.text
          ? member.render(error.text)
          : error.message;
      await answerPrivately(interaction, text);
    }
  } catch (answerError) {
    // The token may have expired or the message may be gone; the log above is all we can do.
    ctx.logger.warn({ reference, err: answerError }, 'could not tell the member about a failure');
  }
}
