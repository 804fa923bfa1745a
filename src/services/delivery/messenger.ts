import { DiscordAPIError, RESTJSONErrorCodes, Routes, type APIMessage, type REST } from 'discord.js';
import type { Logger } from '../../logger.js';
import { LOG_TEXTS } from '../log-texts.js';
import type { ReplyBody } from './reply-body.js';
import { toReplyRequest, withMention, withNote } from './reply-request.js';

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
  /** After the mention, when the reply has no text of its own ("your result is ready."), translated. */
  ready?: string | undefined;
}

export interface Delivered {
  path: DeliveryPath;
  message: APIMessage;
  /** True when Discord refused the files as too large and the reply went without them. */
  withoutUploads?: boolean;
}

/**
 * A reply as the messenger takes it: the message, and for one that uploads files, the same result
 * without them (a video linked with its poster), sent instead when Discord refuses the upload as too
 * large (40005). It travels inside the reply so the one who rendered it decides what the smaller form
 * says; the messenger only knows when to use it.
 */
export interface DeliverableReply extends ReplyBody {
  withoutUploads?: ReplyBody | undefined;
}

/**
 * The job cannot be delivered now. `transient`: the same delivery may work later (Discord or the
 * network had trouble), so the caller keeps the job and tries again; otherwise Discord's answer was
 * final on every path left, and the job should end.
 */
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

/**
 * What one of Discord's refusals means for the delivery:
 * - `transient`: may work if sent again later (5xx, network, a rate limit discord.js gave up on);
 * - `too-large`: the upload is over the limit (40005): only a reply without its files can go;
 * - `next-path`: final for this way of reaching the member (token expired, message or channel gone,
 *   no access or permission, an invalid form body): try the next one. Sending the same request again
 *   would get the same answer, which is how a job used to be retried for ever.
 */
export type Refusal = 'transient' | 'too-large' | 'next-path';

/** Final answers on one path, named so the intent reads; any other 4xx but 429 is final too. */
const FINAL_FOR_PATH = new Set<number>([
  RESTJSONErrorCodes.InvalidFormBodyOrContentType, // 50035
  RESTJSONErrorCodes.MissingAccess, // 50001
  RESTJSONErrorCodes.MissingPermissions, // 50013
  RESTJSONErrorCodes.UnknownChannel, // 10003
  RESTJSONErrorCodes.UnknownMessage, // 10008
  RESTJSONErrorCodes.InvalidWebhookToken,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached,
]);

export function classifyRefusal(error: unknown): Refusal {
  if (!(error instanceof DiscordAPIError)) return 'transient';
  if (error.code === RESTJSONErrorCodes.RequestEntityTooLarge || error.status === 413) return 'too-large';
  if (typeof error.code === 'number' && FINAL_FOR_PATH.has(error.code)) return 'next-path';
  return error.status >= 400 && error.status < 500 && error.status !== 429 ? 'next-path' : 'transient';
}

/**
 * Puts a reply in front of the member by the best path still open: edit the interaction reply;
 * after its token expires edit the message through the channel; where that is refused post a new
 * message mentioning them; where that is refused too, a DM. The path taken is returned. A refusal
 * that is final for a path moves on to the next; when none is left the delivery fails for good.
 */
export class Messenger {
  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    /** Added to every delivered result's footers, e.g. that Percify was simulated. */
    private readonly resultNote?: string,
  ) {}

  async deliver(target: ReplyTarget, reply: DeliverableReply): Promise<Delivered> {
    const note = (body: ReplyBody) => (this.resultNote ? withNote(body, this.resultNote) : body);
    let body = note(reply);
    let smaller = reply.withoutUploads ? note(reply.withoutUploads) : undefined;
    let withoutUploads = false;
    const attempts: Array<[DeliveryPath, (body: ReplyBody) => Promise<APIMessage>]> = [];
    if (this.now() - target.interactionCreatedAt < INTERACTION_TOKEN_USABLE_MS) {
      attempts.push(['interaction', (b) => this.#editInteractionReply(target, b)]);
    }
    if (target.messageId) attempts.push(['channel', (b) => this.#editChannelMessage(target, b)]);
    attempts.push(['mention', (b) => this.#postMention(target, b)]);
    attempts.push(['dm', (b) => this.#sendDirectMessage(target, b)]);

    let lastError: unknown;
    for (let index = 0; index < attempts.length;) {
      const [path, attempt] = attempts[index]!;
      try {
        const message = await attempt(body);
        if (path !== 'interaction' || withoutUploads)
          this.logger.info(
            { path, channel: target.channelId, withoutUploads },
            'reply delivered by fallback',
          );
        return { path, message, ...(withoutUploads ? { withoutUploads } : {}) };
      } catch (error) {
        lastError = error;
        const refusal = classifyRefusal(error);
        const code = error instanceof DiscordAPIError ? error.code : undefined;
        if (refusal === 'transient') {
          throw new DeliveryFailedError(LOG_TEXTS.deliveryTransient(path), true, { cause: error });
        }
        if (refusal === 'too-large') {
          // The same files are as large on every path: only the smaller form can still go.
          if (!smaller) {
            throw new DeliveryFailedError(LOG_TEXTS.uploadTooLarge, false, { cause: error });
          }
          this.logger.warn({ path, code }, 'upload refused as too large; sending the reply without it');
          body = smaller;
          smaller = undefined;
          withoutUploads = true;
          continue; // the same path again, with the smaller reply
        }
        this.logger.warn({ path, code }, 'delivery path refused; trying the next');
        index += 1;
      }
    }
    throw new DeliveryFailedError(LOG_TEXTS.noPathLeft, false, { cause: lastError });
  }

  /** Edits only through the interaction; for progress updates that need not fall back. */
  async editProgress(target: ReplyTarget, body: ReplyBody): Promise<boolean> {
    if (this.now() - target.interactionCreatedAt >= INTERACTION_TOKEN_USABLE_MS) return false;
    try {
      await this.#editInteractionReply(target, body);
      return true;
    } catch (error) {
      if (classifyRefusal(error) === 'transient') throw error;
      return false;
    }
  }

  async #editInteractionReply(target: ReplyTarget, body: ReplyBody): Promise<APIMessage> {
    const { json, files } = toReplyRequest(body, 'edit');
    return (await this.rest.patch(
      Routes.webhookMessage(target.applicationId, target.interactionToken, '@original'),
      { body: json, files, auth: false },
    )) as APIMessage;
  }

  async #editChannelMessage(target: ReplyTarget, body: ReplyBody): Promise<APIMessage> {
    const { json, files } = toReplyRequest(body, 'edit');
    return (await this.rest.patch(Routes.channelMessage(target.channelId, target.messageId ?? ''), {
      body: json,
      files,
    })) as APIMessage;
  }

  async #postMention(target: ReplyTarget, body: ReplyBody): Promise<APIMessage> {
    const { json, files } = toReplyRequest(withMention(body, target.ownerId, target.ready), 'create');
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
    const { json, files } = toReplyRequest(body, 'create');
    return (await this.rest.post(Routes.channelMessages(channel.id), { body: json, files })) as APIMessage;
  }
}
