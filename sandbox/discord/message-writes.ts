import type { APIEmbed, APIMessageTopLevelComponent } from 'discord-api-types/v10';
import { MESSAGE_FLAG_EPHEMERAL, MESSAGE_FLAG_LOADING } from './api-shapes.js';
import { makeAttachment } from './attachments.js';
import {
  emptyMessage,
  entityTooLarge,
  invalidFormBody,
  tooManyAttachments,
  type FieldIssue,
} from './errors.js';
import {
  IS_COMPONENTS_V2,
  asArray,
  asRecord,
  isComponentsV2,
  isEmptyMessage,
  mergeIssues,
  messageLimitIssues,
} from './limits.js';
import type { UploadedFile } from './multipart.js';
import type { EmulatorStore } from './store.js';
import type { StoredAttachment, StoredMessage } from './types.js';
import type { BodyValidator, SchemaName } from './validation.js';

/** Creating and editing messages from request bodies, shared by channel, webhook and callback routes. */

const MAX_ATTACHMENTS = 10;
const MIB = 1024 * 1024;
/** Flags a bot may set itself: SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2. */
const SETTABLE_FLAGS = 4 | 64 | 4096 | IS_COMPONENTS_V2;

export interface WriteContext {
  store: EmulatorStore;
  validator: BodyValidator | undefined;
  origin: string;
  channelId: string;
  guildId: string | null;
  files: UploadedFile[];
}

/**
 * Checks a body against the schema and Discord's limits. Interaction callbacks carry the message in
 * `data`; `editing` is the message an edit changes (once it is Components V2, it stays V2).
 */
export function validateMessageBody(
  ctx: WriteContext,
  schema: SchemaName,
  body: unknown,
  prefix: (string | number)[] = [],
  editing?: StoredMessage,
): void {
  // Discord counts files before it looks at the form: eleven files is 30015 whatever the JSON says.
  if (ctx.files.length > MAX_ATTACHMENTS) throw tooManyAttachments();
  const schemaIssues: FieldIssue[] = ctx.validator ? ctx.validator(schema, body) : [];
  const callback = schema.endsWith('InteractionCallbackRequestSchema');
  const message = callback ? asRecord(body)?.data : body;
  const alreadyV2 = editing !== undefined && isComponentsV2(editing.flags);
  const issues = mergeIssues(
    schemaIssues.map((i) => ({ ...i, path: [...prefix, ...i.path] })),
    messageLimitIssues(message, callback ? [...prefix, 'data'] : prefix, alreadyV2),
  );
  if (issues.length > 0) throw invalidFormBody(issues);
}

/** 30015 above ten files; 40005 (HTTP 413) when one file passes the guild's limit or all of them pass the request limit. */
export function checkUploads(ctx: WriteContext, keptAttachments = 0): void {
  if (ctx.files.length + keptAttachments > MAX_ATTACHMENTS) throw tooManyAttachments();
  const perFile = ctx.store.uploadLimit(ctx.guildId);
  const perRequest = Math.max(25 * MIB, perFile);
  let total = 0;
  for (const file of ctx.files) {
    if (file.bytes.length > perFile) throw entityTooLarge();
    total += file.bytes.length;
  }
  if (total > perRequest) throw entityTooLarge();
}

function newAttachments(ctx: WriteContext, body: Record<string, unknown>): StoredAttachment[] {
  const described = new Map<string, Record<string, unknown>>();
  for (const raw of asArray(body.attachments)) {
    const entry = asRecord(raw);
    if (entry && (typeof entry.id === 'string' || typeof entry.id === 'number'))
      described.set(String(entry.id), entry);
  }
  return ctx.files.map((file) => {
    const meta = described.get(file.index);
    const filename = typeof meta?.filename === 'string' ? meta.filename : file.filename;
    const description = typeof meta?.description === 'string' ? meta.description : undefined;
    return makeAttachment({
      id: ctx.store.nextId(),
      origin: ctx.origin,
      channelId: ctx.channelId,
      filename,
      bytes: file.bytes,
      contentType: file.contentType,
      ...(description ? { description } : {}),
    });
  });
}

const embedsOf = (value: unknown): APIEmbed[] => asArray(value) as APIEmbed[];
const componentsOf = (value: unknown): APIMessageTopLevelComponent[] =>
  asArray(value) as APIMessageTopLevelComponent[];

export interface NewMessageMeta {
  authorId: string;
  type: number;
  interactionId?: string;
  webhookId?: string;
  ephemeralOwnerId?: string;
  /** Extra flags the emulator sets itself (LOADING for deferred replies). */
  extraFlags?: number;
  /** Deferred replies start empty, so the emptiness rule does not apply. */
  allowEmpty?: boolean;
}

export function buildMessage(ctx: WriteContext, rawBody: unknown, meta: NewMessageMeta): StoredMessage {
  const body = asRecord(rawBody) ?? {};
  checkUploads(ctx);
  if (!meta.allowEmpty && isEmptyMessage(body, ctx.files.length, 0)) throw emptyMessage();
  const requested = typeof body.flags === 'number' ? body.flags & SETTABLE_FLAGS : 0;
  // Ephemeral only means something for interaction messages.
  const flags =
    (meta.ephemeralOwnerId ? requested : requested & ~MESSAGE_FLAG_EPHEMERAL) | (meta.extraFlags ?? 0);
  const ephemeral = (flags & MESSAGE_FLAG_EPHEMERAL) !== 0;
  return {
    id: ctx.store.nextId(),
    channelId: ctx.channelId,
    guildId: ctx.guildId,
    authorId: meta.authorId,
    content: typeof body.content === 'string' ? body.content : '',
    embeds: embedsOf(body.embeds),
    components: componentsOf(body.components),
    attachments: newAttachments(ctx, body),
    flags,
    type: meta.type,
    createdAt: ctx.store.clock.now(),
    editedAt: null,
    history: [],
    deleted: false,
    ...(meta.interactionId ? { interactionId: meta.interactionId } : {}),
    ...(meta.webhookId ? { webhookId: meta.webhookId } : {}),
    ...(ephemeral && meta.ephemeralOwnerId ? { ephemeralOwnerId: meta.ephemeralOwnerId } : {}),
    ...(body.poll !== undefined && body.poll !== null ? { poll: body.poll } : {}),
  };
}

/** The change an edit body makes: listed fields replace, `attachments` says which old files stay. */
export function editChange(
  ctx: WriteContext,
  message: StoredMessage,
  rawBody: unknown,
): Partial<StoredMessage> {
  const body = asRecord(rawBody) ?? {};
  const change: Partial<StoredMessage> = {};
  if ('content' in body) change.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) change.embeds = embedsOf(body.embeds);
  if ('components' in body) change.components = componentsOf(body.components);
  let kept = message.attachments;
  if ('attachments' in body) {
    const listed = new Set(asArray(body.attachments).map((a) => String(asRecord(a)?.id ?? '')));
    kept = message.attachments.filter((a) => listed.has(a.id));
  }
  checkUploads(ctx, kept.length);
  change.attachments = [...kept, ...newAttachments(ctx, body)];
  // A loading (deferred) reply stops loading on its first edit; ephemeral stays as it was.
  let flags = message.flags & ~MESSAGE_FLAG_LOADING;
  // SUPPRESS_EMBEDS may change; IS_COMPONENTS_V2 may be added on an edit but never removed.
  if (typeof body.flags === 'number')
    flags = (flags & (MESSAGE_FLAG_EPHEMERAL | IS_COMPONENTS_V2)) | (body.flags & (4 | IS_COMPONENTS_V2));
  change.flags = flags;
  if (isComponentsV2(flags)) {
    // A message upgraded to V2 shows only its components: whatever content and embeds it had go.
    change.content = '';
    change.embeds = [];
  }
  const after = {
    content: change.content ?? message.content,
    embeds: change.embeds ?? message.embeds,
    components: change.components ?? message.components,
    poll: message.poll,
  };
  if (isEmptyMessage(after, 0, change.attachments.length)) throw emptyMessage();
  return change;
}
