import type { EmulatorCore } from '../core.js';
import {
  alreadyAcknowledged,
  invalidWebhookToken,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from '../errors.js';
import type { WriteContext } from '../message-writes.js';
import type { UploadedFile } from '../multipart.js';
import type { InteractionRecord, StoredMessage } from '../types.js';

/** Discord's clocks on an interaction: 3 s to acknowledge, then 15 min of webhook token. */

export function interactionForCallback(core: EmulatorCore, id: string, token: string): InteractionRecord {
  const record = core.store.interactions.get(id);
  if (!record || record.token !== token) throw unknownInteraction();
  record.initialResponses += 1;
  if (record.acknowledged) throw alreadyAcknowledged();
  if (core.clock.now() - record.dispatchedAt > core.settings.ackDeadlineMs) throw unknownInteraction();
  return record;
}

export function interactionForWebhook(
  core: EmulatorCore,
  applicationId: string,
  token: string,
): InteractionRecord {
  const record = core.store.interactionsByToken.get(token);
  if (!record) throw invalidWebhookToken();
  if (applicationId !== core.settings.applicationId) throw unknownWebhook();
  if (core.clock.now() - record.dispatchedAt > core.settings.tokenLifetimeMs) throw invalidWebhookToken();
  // Before the first callback the webhook does not exist yet.
  if (!record.acknowledged) throw unknownWebhook();
  return record;
}

/** `@original` or a message id that belongs to this interaction (its reply, follow-ups, or the updated message). */
export function webhookMessage(
  core: EmulatorCore,
  record: InteractionRecord,
  messageParam: string,
): StoredMessage {
  const id = messageParam === '@original' ? record.originalMessageId : messageParam;
  const belongs =
    id !== undefined &&
    (id === record.originalMessageId || id === record.sourceMessageId || record.followUpIds.includes(id));
  const message = belongs ? core.store.liveMessage(id) : undefined;
  if (!message) throw unknownMessage();
  return message;
}

/** Where an interaction's messages are written: its channel, with the files of this request. */
export function interactionWriteContext(
  core: EmulatorCore,
  record: InteractionRecord,
  files: UploadedFile[],
): WriteContext {
  return {
    store: core.store,
    validator: core.validator,
    origin: core.origin,
    channelId: record.channelId,
    guildId: record.guildId,
    files,
  };
}
