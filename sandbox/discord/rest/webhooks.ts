import { InteractionResponseType } from 'discord-api-types/v10';
import { apiMessage, MESSAGE_FLAG_LOADING } from '../api-shapes.js';
import type { EmulatorCore } from '../core.js';
import { buildMessage, editChange, validateMessageBody } from '../message-writes.js';
import type { UploadedFile } from '../multipart.js';
import type { InteractionRecord, StoredMessage } from '../types.js';
import { interactionForWebhook, webhookMessage, interactionWriteContext } from './interaction-state.js';
import { json, noContent, type RouteDefinition } from './route-types.js';

/** The interaction webhook: @original reply, follow-ups, and their edits, for 15 minutes after the interaction. */

function editWebhookMessage(
  core: EmulatorCore,
  record: InteractionRecord,
  message: StoredMessage,
  body: unknown,
  files: UploadedFile[],
): StoredMessage {
  const ctx = interactionWriteContext(core, record, files);
  validateMessageBody(ctx, 'IncomingWebhookUpdateRequestPartialSchema', body, [], message);
  core.store.updateMessage(message, editChange(ctx, message, body));
  return message;
}

function followUp(
  core: EmulatorCore,
  record: InteractionRecord,
  body: unknown,
  files: UploadedFile[],
): StoredMessage {
  const ctx = interactionWriteContext(core, record, files);
  validateMessageBody(ctx, 'IncomingWebhookRequestPartialSchema', body);
  // Discord: the first follow-up after a deferred reply fills in the "thinking" message instead.
  const original = record.originalMessageId ? core.store.liveMessage(record.originalMessageId) : undefined;
  if (
    record.responseType === InteractionResponseType.DeferredChannelMessageWithSource &&
    original &&
    (original.flags & MESSAGE_FLAG_LOADING) !== 0
  ) {
    core.store.updateMessage(original, editChange(ctx, original, body));
    return original;
  }
  const message = buildMessage(ctx, body, {
    authorId: core.settings.botUserId,
    type: 0,
    interactionId: record.id,
    webhookId: core.settings.applicationId,
    ephemeralOwnerId: record.userId,
  });
  core.store.saveMessage(message);
  record.followUpIds.push(message.id);
  return message;
}

export const webhookRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    pattern: '/webhooks/:app/:token',
    auth: 'none',
    major: 'token',
    handle: ({ core, params, query, body, files }) => {
      const record = interactionForWebhook(core, params.app ?? '', params.token ?? '');
      const message = followUp(core, record, body, files);
      return query.get('wait') === 'true' ? json(apiMessage(core.store, message)) : noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/webhooks/:app/:token/messages/:message',
    auth: 'none',
    major: 'token',
    handle: ({ core, params }) => {
      const record = interactionForWebhook(core, params.app ?? '', params.token ?? '');
      return json(apiMessage(core.store, webhookMessage(core, record, params.message ?? '')));
    },
  },
  {
    method: 'PATCH',
    pattern: '/webhooks/:app/:token/messages/:message',
    auth: 'none',
    major: 'token',
    handle: ({ core, params, body, files }) => {
      const record = interactionForWebhook(core, params.app ?? '', params.token ?? '');
      const message = webhookMessage(core, record, params.message ?? '');
      return json(apiMessage(core.store, editWebhookMessage(core, record, message, body, files)));
    },
  },
  {
    method: 'DELETE',
    pattern: '/webhooks/:app/:token/messages/:message',
    auth: 'none',
    major: 'token',
    handle: ({ core, params }) => {
      const record = interactionForWebhook(core, params.app ?? '', params.token ?? '');
      core.store.deleteMessage(webhookMessage(core, record, params.message ?? ''));
      return noContent();
    },
  },
];
