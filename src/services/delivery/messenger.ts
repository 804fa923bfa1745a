import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
  type APIMessage,
  type REST,
  type RawFile,
} from 'discord.js';
import type { Logger } from '../../logger.js';
import type { ReplyBody } from './reply-body.js';

export type DeliveryPath = 'interaction' | 'channel' | 'mention' | 'dm';

export interface ReplyTarget {
  applicationId: string;
  interactionToken: string;
  /** When the interaction was created: its token edits the reply for 15 minutes. */
  interactionCreatedAt: number;
  channelId: string;
  /** The reply message, once known: the bot can still edit it through the channel after 15 minutes. */
  messageId?: string | undefined;
  /** Who to mention in a new message, or DM, when the reply cannot be edited. */
  ownerId: string;
}

export interface Delivered {
  path: DeliveryPath;
  message: APIMessage;
}

/** Every way of reaching the member failed; the caller keeps the job and tries again later. */
export class DeliveryFailedError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DeliveryFailedError';
  }
}

/** Tokens live 15 minutes; stop using one a little before, rather than race its expiry. */
export const INTERACTION_TOKEN_USABLE_MS = 14 * 60_000;

/** Codes after which the next way of reaching the member is worth trying. */
const TRY_NEXT = new Set<number>([
  RESTJSONErrorCodes.InvalidWebhookToken,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached,
]);

function isWorthTryingNext(error: unknown): boolean {
  return error instanceof DiscordAPIError && typeof error.code === 'number' && TRY_NEXT.has(error.code);
}

/** Appends a note to each embed's footer (Discord allows 2048 characters there). */
function withFooterNote(body: ReplyBody, note: string): ReplyBody {
  const embeds = body.embeds.map((embed, index) => {
    if (index > 0 && embed.title === undefined && embed.description === undefined) return embed; // gallery images
    const text = embed.footer?.text ? `${embed.footer.text} · ${note}` : note;
    return { ...embed, footer: { ...embed.footer, text: text.slice(0, 2048) } };
  });
  return { ...body, embeds };
}

function toRequest(body: ReplyBody, mode: 'edit' | 'create') {
  const files: RawFile[] = (body.files ?? []).map((file) => ({
    name: file.name,
    data: file.data,
    ...(file.contentType ? { contentType: file.contentType } : {}),
  }));
  const json: Record<string, unknown> = {
    embeds: body.embeds,
    components: body.components,
    content: body.content ?? (mode === 'edit' ? '' : undefined),
  };
  // On an edit, the attachments listed are the ones kept: new uploads, or explicitly kept ones.
  if (files.length > 0)
    json.attachments = files.map((file, index) => ({ id: String(index), filename: file.name }));
  else if (body.attachments) json.attachments = body.attachments;
  else if (mode === 'edit') json.attachments = [];
  return { json, files };
}

/**
 * Puts a reply in front of the member by the best path still open: edit the interaction reply;
 * after its token expires edit the message through the channel; where that is refused post a new
 * message mentioning them; where that is refused too, a DM. The path taken is returned.
 */
export class Messenger {
  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    /** Added to every delivered result's footers, e.g. that Percify was simulated. */
    private readonly resultNote?: string,
  ) {}

  async deliver(target: ReplyTarget, reply: ReplyBody): Promise<Delivered> {
    const body = this.resultNote ? withFooterNote(reply, this.resultNote) : reply;
    const attempts: Array<[DeliveryPath, () => Promise<APIMessage>]> = [];
    if (this.now() - target.interactionCreatedAt < INTERACTION_TOKEN_USABLE_MS) {
      attempts.push(['interaction', () => this.#editInteractionReply(target, body)]);
    }
    if (target.messageId) attempts.push(['channel', () => this.#editChannelMessage(target, body)]);
    attempts.push(['mention', () => this.#postMention(target, body)]);
    attempts.push(['dm', () => this.#sendDirectMessage(target, body)]);

    let lastError: unknown;
    for (const [path, attempt] of attempts) {
      try {
        const message = await attempt();
        if (path !== 'interaction')
          this.logger.info({ path, channel: target.channelId }, 'reply delivered by fallback');
        return { path, message };
      } catch (error) {
        lastError = error;
        if (!isWorthTryingNext(error)) {
          throw new DeliveryFailedError(`could not deliver by ${path}`, true, { cause: error });
        }
        this.logger.warn(
          { path, code: (error as DiscordAPIError).code },
          'delivery path refused; trying the next',
        );
      }
    }
    throw new DeliveryFailedError('no way left to reach the member', false, { cause: lastError });
  }

  /** Edits only through the interaction; for progress updates that need not fall back. */
  async editProgress(target: ReplyTarget, body: ReplyBody): Promise<boolean> {
    if (this.now() - target.interactionCreatedAt >= INTERACTION_TOKEN_USABLE_MS) return false;
    try {
      await this.#editInteractionReply(target, body);
      return true;
    } catch (error) {
      if (isWorthTryingNext(error)) return false;
      throw error;
    }
  }

  async #editInteractionReply(target: ReplyTarget, body: ReplyBody): Promise<APIMessage> {
    const { json, files } = toRequest(body, 'edit');
    return (await this.rest.patch(
      Routes.webhookMessage(target.applicationId, target.interactionToken, '@original'),
      { body: json, files, auth: false },
    )) as APIMessage;
  }

  async #editChannelMessage(target: ReplyTarget, body: ReplyBody): Promise<APIMessage> {
    const { json, files } = toRequest(body, 'edit');
    return (await this.rest.patch(Routes.channelMessage(target.channelId, target.messageId ?? ''), {
      body: json,
      files,
    })) as APIMessage;
  }

  async #postMention(target: ReplyTarget, body: ReplyBody): Promise<APIMessage> {
    const { json, files } = toRequest(
      { ...body, content: `<@${target.ownerId}> ${body.content ?? 'your result is ready.'}` },
      'create',
    );
    json.allowed_mentions = { users: [target.ownerId] };
    return (await this.rest.post(Routes.channelMessages(target.channelId), {
      body: json,
      files,
    })) as APIMessage;
  }

  async #sendDirectMessage(target: ReplyTarget, body: ReplyBody): Promise<APIMessage> {
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: target.ownerId },
    })) as {
      id: string;
    };
    const { json, files } = toRequest(body, 'create');
    return (await this.rest.post(Routes.channelMessages(channel.id), { body: json, files })) as APIMessage;
  }
}
