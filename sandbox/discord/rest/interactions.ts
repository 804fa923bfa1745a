import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { apiMessage, MESSAGE_FLAG_EPHEMERAL, MESSAGE_FLAG_LOADING } from '../api-shapes.js';
import type { EmulatorCore } from '../core.js';
import { invalidFormBody, unknownMessage, type FieldIssue } from '../errors.js';
import { asRecord, autocompleteLimitIssues, mergeIssues, modalLimitIssues } from '../limits.js';
import { buildMessage, editChange, validateMessageBody } from '../message-writes.js';
import type { UploadedFile } from '../multipart.js';
import type { InteractionRecord, StoredMessage } from '../types.js';
import { interactionForCallback, interactionWriteContext } from './interaction-state.js';
import { json, noContent, type RouteDefinition, type RouteResult } from './route-types.js';
import type {
  APIModalInteractionResponseCallbackData,
  APIApplicationCommandOptionChoice,
} from 'discord-api-types/v10';

/** POST /interactions/{id}/{token}/callback: the one initial response to an interaction. */

const R = InteractionResponseType;

function allowedTypes(record: InteractionRecord): number[] {
  switch (record.type) {
    case InteractionType.ApplicationCommand:
      return [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource, R.Modal];
    case InteractionType.MessageComponent:
      return [
        R.ChannelMessageWithSource,
        R.DeferredChannelMessageWithSource,
        R.DeferredMessageUpdate,
        R.UpdateMessage,
        R.Modal,
      ];
    case InteractionType.ApplicationCommandAutocomplete:
      return [R.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      // Modal submits may update the message only when the modal was opened from one; never another modal.
      return record.sourceMessageId
        ? [
            R.ChannelMessageWithSource,
            R.DeferredChannelMessageWithSource,
            R.DeferredMessageUpdate,
            R.UpdateMessage,
          ]
        : [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource];
    default:
      return [R.Pong];
  }
}

function typeIssue(message: string): FieldIssue[] {
  return [{ path: ['type'], code: 'INTERACTION_CALLBACK_TYPE_INVALID', message }];
}

function reply(
  core: EmulatorCore,
  record: InteractionRecord,
  data: unknown,
  files: UploadedFile[],
  deferred: boolean,
): StoredMessage {
  const ctx = interactionWriteContext(core, record, files);
  const flags = asRecord(data)?.flags;
  const body = deferred ? { flags: typeof flags === 'number' ? flags & MESSAGE_FLAG_EPHEMERAL : 0 } : data;
  const message = buildMessage(deferred ? { ...ctx, files: [] } : ctx, body, {
    authorId: core.settings.botUserId,
    type: record.type === InteractionType.ApplicationCommand ? 20 : 0,
    interactionId: record.id,
    webhookId: core.settings.applicationId,
    ephemeralOwnerId: record.userId,
    ...(deferred ? { extraFlags: MESSAGE_FLAG_LOADING, allowEmpty: true } : {}),
  });
  core.store.saveMessage(message);
  record.originalMessageId = message.id;
  return message;
}

function applyCallback(
  core: EmulatorCore,
  record: InteractionRecord,
  type: number,
  data: unknown,
  files: UploadedFile[],
): StoredMessage | undefined {
  const validate = core.validator;
  const body = { type, data };
  switch (type) {
    case R.ChannelMessageWithSource:
    case R.DeferredChannelMessageWithSource: {
      validateMessageBody(
        interactionWriteContext(core, record, files),
        'CreateMessageInteractionCallbackRequestSchema',
        body,
      );
      return reply(core, record, data ?? {}, files, type === R.DeferredChannelMessageWithSource);
    }
    case R.DeferredMessageUpdate:
    case R.UpdateMessage: {
      const ctx = interactionWriteContext(core, record, files);
      const source = record.sourceMessageId ? core.store.liveMessage(record.sourceMessageId) : undefined;
      validateMessageBody(
        ctx,
        'UpdateMessageInteractionCallbackRequestSchema',
        { type, ...(data ? { data } : {}) },
        [],
        source,
      );
      if (!source) throw unknownMessage();
      record.originalMessageId = source.id;
      if (type === R.UpdateMessage) core.store.updateMessage(source, editChange(ctx, source, data ?? {}));
      return source;
    }
    case R.ApplicationCommandAutocompleteResult: {
      const issues = mergeIssues(
        validate?.('ApplicationCommandAutocompleteCallbackRequestSchema', body) ?? [],
        autocompleteLimitIssues(data),
      );
      if (issues.length > 0) throw invalidFormBody(issues);
      const choices = asRecord(data)?.choices;
      record.choices = (Array.isArray(choices) ? choices : []) as APIApplicationCommandOptionChoice[];
      return undefined;
    }
    case R.Modal: {
      const issues = mergeIssues(
        validate?.('ModalInteractionCallbackRequestSchema', body) ?? [],
        modalLimitIssues(data),
      );
      if (issues.length > 0) throw invalidFormBody(issues);
      record.modal = data as APIModalInteractionResponseCallbackData;
      return undefined;
    }
    default:
      throw invalidFormBody(typeIssue('Unsupported interaction callback type.'));
  }
}

async function handleCallback(
  core: EmulatorCore,
  params: Record<string, string>,
  query: URLSearchParams,
  payload: unknown,
  files: UploadedFile[],
  arrivedAt: number,
): Promise<RouteResult> {
  const record = interactionForCallback(core, params.interaction ?? '', params.token ?? '');
  const body = asRecord(payload);
  const type = body?.type;
  if (typeof type !== 'number')
    throw invalidFormBody([
      { path: ['type'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
    ]);
  if (!allowedTypes(record).includes(type))
    throw invalidFormBody(
      typeIssue(`Interaction callback type ${type} is not valid for interaction type ${record.type}.`),
    );
  const message = applyCallback(core, record, type, body?.data, files);
  record.acknowledged = true;
  record.callbackArrivedAt = arrivedAt;
  record.responseType = type;
  const source = record.sourceMessageId ? core.store.messages.get(record.sourceMessageId) : undefined;
  if (source) record.sourceRevisionsAtAck = source.history.length;
  core.store.events.emit('response', record);
  if (query.get('with_response') !== 'true') return noContent();
  return json({
    interaction: {
      id: record.id,
      type: record.type,
      activity_instance_id: null,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & MESSAGE_FLAG_LOADING) !== 0,
            response_message_ephemeral: (message.flags & MESSAGE_FLAG_EPHEMERAL) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message: apiMessage(core.store, message) } : {}) },
  });
}

export const interactionCallbackRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    pattern: '/interactions/:interaction/:token/callback',
    auth: 'none',
    major: 'interaction',
    handle: ({ core, params, query, body, files, arrivedAt }) =>
      handleCallback(core, params, query, body, files, arrivedAt),
  },
];
