import {
  DiscordAPIError,
  Events,
  HTTPError,
  RateLimitError,
  type Client,
  type Interaction,
} from 'discord.js';
import { parseCustomId } from '../../interactions/custom-id.js';
import type { InteractionType, OpsMetrics } from './ops-metrics.js';

/** How long an unanswered interaction is remembered; Discord drops it after 3 s anyway. */
const PENDING_TTL_MS = 30_000;

/** `/interactions/<id>/<token>/callback`: an interaction's first answer (reply, defer, modal, update). */
const CALLBACK_ROUTE = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

interface Received {
  type: InteractionType;
  name: string;
  at: number;
}

/** The type and name an interaction is counted under; names are bounded (commands, custom id actions). */
export function classify(interaction: Interaction): { type: InteractionType; name: string } | undefined {
  if (interaction.isChatInputCommand()) return { type: 'command', name: interaction.commandName };
  if (interaction.isAutocomplete()) return { type: 'autocomplete', name: interaction.commandName };
  const type: InteractionType | undefined = interaction.isButton()
    ? 'button'
    : interaction.isStringSelectMenu()
      ? 'select'
      : interaction.isModalSubmit()
        ? 'modal'
        : undefined;
  if (!type || !('customId' in interaction)) return undefined;
  return { type, name: parseCustomId(interaction.customId)?.action ?? 'unknown' };
}

/**
 * Counts every interaction by name, times its first answer, and counts Discord's refusals by code.
 * Both are read where all traffic passes: the client's interaction event and its REST manager, so no
 * command has to remember to report itself.
 */
export function instrumentDiscord(client: Client, metrics: OpsMetrics, now: () => number = Date.now): void {
  const pending = new Map<string, Received>();

  client.on(Events.InteractionCreate, (interaction) => {
    const kind = classify(interaction);
    if (!kind) return;
    metrics.countInteraction(kind.type, kind.name);
    const at = now();
    // Oldest first (insertion order): drop what can no longer be answered.
    for (const [id, entry] of pending) {
      if (at - entry.at < PENDING_TTL_MS) break;
      pending.delete(id);
    }
    pending.set(interaction.id, { ...kind, at });
  });

  const rest = client.rest;
  const request = rest.request.bind(rest);
  // Every REST method (get, post, patch, …) goes through `request`.
  rest.request = async (options) => {
    const interactionId = CALLBACK_ROUTE.exec(options.fullRoute)?.[1];
    try {
      const result = await request(options);
      const received = interactionId ? pending.get(interactionId) : undefined;
      if (interactionId && received) {
        pending.delete(interactionId);
        metrics.observeAck(received.type, received.name, (now() - received.at) / 1000);
      }
      return result;
    } catch (error) {
      if (error instanceof DiscordAPIError) metrics.countDiscordError(String(error.code), error.status);
      else if (error instanceof HTTPError) metrics.countDiscordError(String(error.status), error.status);
      else if (error instanceof RateLimitError) metrics.countDiscordError('rate_limited', 429);
      throw error;
    }
  };
}
