import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import type { Metrics, WebhookOutcome } from '../metrics.js';
import { readBodyWithLimit } from './body.js';
import { RecentKeys, type DedupeOptions } from './dedupe.js';
import { dedupeKeyOf, parseWebhookPayload, type PercifyEvent } from './events.js';
import { sendJson } from './replies.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './signature.js';

/** Whether the event named a resource the bot knows (a job it submitted) — for metrics only. */
export type WebhookEventResult = 'handled' | 'unknown';
export type WebhookEventHandler = (event: PercifyEvent) => WebhookEventResult | Promise<WebhookEventResult>;

export interface DeliveryHandlerOptions {
  secret: string;
  logger: Logger;
  onEvent: WebhookEventHandler;
  metrics: Metrics;
  maxBodyBytes: number;
  dedupe?: DedupeOptions;
}

const RECEIVED = { received: true } as const;

/**
 * Handles one POST to the webhook path. Order matters: size limit, then the signature on the raw
 * bytes, and only then JSON parsing — nothing from an unsigned body is ever parsed or logged.
 * The 200 is written before `onEvent` runs, so Percify's 10-second deadline never depends on the
 * bot's own work (Discord edits, Percify GETs).
 */
export function createDeliveryHandler(options: DeliveryHandlerOptions) {
  const { secret, logger, onEvent, metrics, maxBodyBytes } = options;
  const recent = new RecentKeys(options.dedupe);
  const seenElsewhere = options.dedupe?.seenElsewhere;
  const seenBefore = async (key: string): Promise<boolean> =>
    recent.checkAndAdd(key) || ((await seenElsewhere?.(key).catch(() => false)) ?? false);

  const reject = (
    response: ServerResponse,
    outcome: WebhookOutcome,
    status: number,
    error: string,
    headers: Record<string, string> = {},
  ): void => {
    metrics.countWebhookDelivery(outcome);
    sendJson(response, status, { error }, headers);
  };

  const dispatch = (event: PercifyEvent): void => {
    const log = logger.child({ eventId: event.eventId, type: event.type, resourceId: event.resourceId });
    Promise.resolve()
      .then(() => onEvent(event))
      .then(
        (result) => {
          metrics.countWebhookDelivery(result === 'unknown' ? 'unknown_resource' : 'accepted');
          log.debug({ result }, 'webhook event handled');
        },
        (error: unknown) => {
          // Already answered 200: Percify will not retry, and polling will still finish the job.
          metrics.countWebhookDelivery('accepted');
          metrics.countWebhookHandlerError();
          log.error({ err: error }, 'webhook event handler failed');
        },
      );
  };

  return async function handleDelivery(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const read = await readBodyWithLimit(request, maxBodyBytes);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too_large') {
      logger.warn({ limit: maxBodyBytes }, 'webhook body too large');
      // Close the connection: the rest of the body is never read, so the socket cannot be reused.
      reject(response, 'too_large', 413, 'Payload too large', { Connection: 'close' });
      return;
    }

    if (!verifyWebhookSignature(read.body, request.headers[SIGNATURE_HEADER], secret)) {
      logger.warn(
        { remoteAddress: request.socket.remoteAddress, hasSignature: SIGNATURE_HEADER in request.headers },
        'webhook signature rejected',
      );
      reject(response, 'bad_signature', 401, 'Invalid signature');
      return;
    }

    let payload: unknown;
    try {
      payload = JSON.parse(read.body.toString('utf8'));
    } catch {
      logger.warn('signed webhook body is not JSON');
      reject(response, 'malformed', 400, 'Body is not JSON');
      return;
    }

    const parsed = parseWebhookPayload(payload, Date.now());
    if (parsed.kind === 'malformed') {
      logger.warn({ reason: parsed.reason }, 'signed webhook body is not a Percify event');
      reject(response, 'malformed', 400, parsed.reason);
      return;
    }
    if (parsed.kind === 'unknown_type') {
      // 200 so Percify stops retrying events the bot does not act on (credits.*, tier.*, …).
      logger.debug({ type: parsed.type, eventId: parsed.eventId }, 'webhook event type ignored');
      metrics.countWebhookDelivery('unknown_type');
      sendJson(response, 200, RECEIVED);
      return;
    }

    const { event } = parsed;
    if (await seenBefore(dedupeKeyOf(event))) {
      logger.debug(
        { eventId: event.eventId, type: event.type, resourceId: event.resourceId },
        'duplicate webhook',
      );
      metrics.countWebhookDelivery('duplicate');
      sendJson(response, 200, RECEIVED);
      return;
    }

    logger.info(
      { eventId: event.eventId, type: event.type, resourceId: event.resourceId, status: event.status },
      'Percify webhook accepted',
    );
    sendJson(response, 200, RECEIVED);
    setImmediate(dispatch, event);
  };
}
