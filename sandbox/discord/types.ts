import type {
  APIApplicationCommand,
  APIApplicationCommandOptionChoice,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIMessageTopLevelComponent,
  APIModalInteractionResponseCallbackData,
  ChannelType,
  OverwriteType,
} from 'discord-api-types/v10';

/** The emulator's notion of "now". Deadlines (3 s ack, 15 min token, 1 h edits) read it, so tests can jump ahead. */
export interface EmulatorClock {
  now(): number;
  advance(ms: number): void;
}

export interface StoredUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  /** The member turned off DMs from server members: a message to their DM answers 50007. */
  dmsClosed?: boolean;
  /** Their Discord client's language, sent as each interaction's `locale` (en-US when unset). */
  locale?: string;
}

export interface StoredRole {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
}

export interface StoredOverwrite {
  id: string;
  type: OverwriteType;
  allow: bigint;
  deny: bigint;
}

export interface StoredChannel {
  id: string;
  guildId: string | null;
  name: string;
  type: ChannelType.GuildText | ChannelType.DM;
  position: number;
  topic: string | null;
  overwrites: StoredOverwrite[];
  /** For DM channels: the other participant. */
  recipientId?: string;
}

export interface StoredMember {
  guildId: string;
  userId: string;
  nick: string | null;
  roleIds: string[];
  joinedAt: number;
}

export type BoostTier = 0 | 1 | 2 | 3;

export interface StoredGuild {
  id: string;
  name: string;
  ownerId: string;
  boostTier: BoostTier;
  preferredLocale: string;
  createdAt: number;
}

export interface StoredAttachment {
  id: string;
  channelId: string;
  filename: string;
  contentType: string;
  size: number;
  bytes: Buffer;
  url: string;
  description?: string;
  width?: number;
  height?: number;
}

/** One earlier state of a message, kept so tests can see what an edit replaced. */
export interface MessageRevision {
  at: number;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachmentIds: string[];
  flags: number;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: StoredAttachment[];
  flags: number;
  type: number;
  createdAt: number;
  editedAt: number | null;
  history: MessageRevision[];
  deleted: boolean;
  /** Set on messages made through an interaction token (replies, follow-ups). */
  interactionId?: string;
  webhookId?: string;
  /** Ephemeral messages are visible only to this user. */
  ephemeralOwnerId?: string;
  poll?: unknown;
}

export interface RegisteredCommand extends APIApplicationCommand {
  guild_id?: string;
}

/** What the bot answered to an interaction, as the driver reports it. */
export interface InteractionResponse {
  type: number;
  message?: EmulatedMessage;
  modal?: APIModalInteractionResponseCallbackData;
  choices?: APIApplicationCommandOptionChoice[];
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  payload: APIInteraction;
  userId: string;
  guildId: string | null;
  channelId: string;
  dispatchedAt: number;
  /**
   * `performance.now()` when the interaction went to the gateway and when its accepted callback
   * arrived: the bot's answer time as Discord would see it, without the emulator's own work on the
   * answer (validating it, storing the message). The benchmark's ACK latency.
   */
  sentAt: number;
  callbackArrivedAt?: number;
  acknowledged: boolean;
  /**
   * Initial responses the bot sent, refused ones (40060) included: exactly 1 when one process answered,
   * however many gateway sessions the interaction was dispatched to.
   */
  initialResponses: number;
  responseType?: number;
  originalMessageId?: string;
  /** The message a component interaction came from (and a modal opened from a component). */
  sourceMessageId?: string;
  followUpIds: string[];
  modal?: APIModalInteractionResponseCallbackData;
  choices?: APIApplicationCommandOptionChoice[];
  /** Revisions the updated message had when the bot acknowledged, to tell when a deferred update lands. */
  sourceRevisionsAtAck?: number;
  /** Interaction whose modal this submit answers. */
  parentInteractionId?: string;
}

export interface EmulatedAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
  width?: number;
  height?: number;
  bytes: Buffer;
}

/** A message as tests and the HTTP driver see it: the API shape plus who may see it and its bytes. */
export interface EmulatedMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: EmulatedAttachment[];
  flags: number;
  ephemeral: boolean;
  /** Deferred reply still "thinking". */
  loading: boolean;
  ephemeralOwnerId?: string;
  interactionId?: string;
  createdAt: number;
  editedAt: number | null;
  history: MessageRevision[];
  deleted: boolean;
  api: APIMessage;
}

export interface RestLogEntry {
  at: number;
  method: string;
  path: string;
  query: string;
  route: string;
  status: number;
  code?: number;
  /** false when the body failed schema or limit validation. */
  valid: boolean;
  errors?: unknown;
  body?: unknown;
  files?: { name: string; filename: string; size: number }[];
  injected?: 'rate-limit' | 'server-error';
}

export interface RateLimitFault {
  /** How many matching requests answer 429 before things go back to normal. */
  remaining429: number;
  global: boolean;
  /** Substring of `METHOD /path` (path after /api/v10) the fault applies to; all routes when unset. */
  route?: string;
  retryAfterMs: number;
}

export interface EmulatorFaults {
  rateLimit: RateLimitFault;
  /** How many matching requests answer 500 before things go back to normal. */
  serverErrors: number;
  serverErrorRoute?: string;
  /** When true, channel-route edits of messages older than an hour answer 30046. */
  oldMessageEdits30046: boolean;
  /** Close the bot's socket abnormally (1006) so discord.js resumes. */
  dropGateway(): void;
  /** Send op 9 (invalid session, not resumable): the client identifies afresh. */
  invalidateSession(): void;
}
