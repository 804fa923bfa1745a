import {
  InteractionResponseType,
  MessageFlags,
  Routes,
  type RepliableInteraction,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord.js';
import type { ReplyBody } from '../services/delivery/reply-body.js';
import { toReplyRequest } from '../services/delivery/reply-request.js';

/**
 * A job's first answer, posted as it will be on the wire, and the id of the message it made.
 *
 * `interaction.reply` gets there through a MessagePayload, whose type checks look each class up
 * again through `require` on every call (Node resolves a module it already has anew when the caller
 * is not the one that first loaded it), copies the components through discord.js's transform, and
 * with `withResponse` turns the answer back into a full Message: ~0.1 ms of a command's answer under
 * the full load, for a body that is API JSON already and an id (issue 19). The interaction is left
 * marked as replied, as discord.js would, so later answers follow up.
 */
export async function postFirstReply(
  interaction: RepliableInteraction,
  body: ReplyBody,
): Promise<string | undefined> {
  if (interaction.deferred || interaction.replied) throw new Error('the interaction was answered already');
  const { json, files } = toReplyRequest(body, 'create');
  // The client's own rule (see createDiscordClient), which discord.js would have added: no pings.
  json.allowed_mentions ??= { parse: [] };
  const response = (await interaction.client.rest.post(
    Routes.interactionCallback(interaction.id, interaction.token),
    {
      body: { type: InteractionResponseType.ChannelMessageWithSource, data: json },
      files,
      auth: false,
      query: WITH_RESPONSE,
    },
  )) as RESTPostAPIInteractionCallbackWithResponseResult | undefined;
  interaction.ephemeral = ((Number(json.flags) || 0) & MessageFlags.Ephemeral) !== 0;
  interaction.replied = true;
  return response?.resource?.message?.id;
}

const WITH_RESPONSE = new URLSearchParams({ with_response: 'true' });
