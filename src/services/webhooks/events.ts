import { z } from 'zod';

/**
 * Percify documents two webhook envelopes (percify-api.md §10.4):
 *   the webhooks guide: `{ type, id, created, data }` (with an event id), and
 *   the API overview pages: `{ event, data, timestamp }` (no event id).
 * Both are accepted and turned into one `PercifyEvent`. Extra fields are tolerated everywhere.
 */

export const PERCIFY_EVENT_TYPES = [
  'avatar.completed',
  'avatar.failed',
  'video.processing',
  'video.completed',
  'video.failed',
  'audio.completed',
  // Docs §5.2: fires when a voice clone completes (the clone call may also answer `completed` at once).
  'voice.cloned',
] as const;
export type PercifyEventType = (typeof PERCIFY_EVENT_TYPES)[number];

export type PercifyResourceKind = 'avatar' | 'video' | 'audio' | 'voice';

export interface PercifyEvent {
  /** Present only with the webhooks-guide envelope. */
  eventId?: string;
  type: PercifyEventType;
  resourceKind: PercifyResourceKind;
  resourceId: string;
  status?: string;
  /** When this process received the delivery (ms since the epoch). */
  receivedAt: number;
  data: Record<string, unknown>;
}

const nonEmpty = z.string().trim().min(1);

const envelopeSchema = z.object({
  type: nonEmpty.optional(),
  event: nonEmpty.optional(),
  id: nonEmpty.optional(),
  data: z.record(z.string(), z.unknown()),
});

export type ParsedWebhook =
  | { kind: 'event'; event: PercifyEvent }
  | { kind: 'unknown_type'; type: string; eventId?: string }
  | { kind: 'malformed'; reason: string };

const isKnownType = (type: string): type is PercifyEventType =>
  (PERCIFY_EVENT_TYPES as readonly string[]).includes(type);

const kindOf = (type: PercifyEventType): PercifyResourceKind => {
  const kind = type.slice(0, type.indexOf('.'));
  return kind === 'avatar' || kind === 'video' || kind === 'voice' ? kind : 'audio';
};

const nonEmptyString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Turns an already-parsed JSON body (whose signature was checked) into an event, or says why not. */
export function parseWebhookPayload(payload: unknown, receivedAt: number): ParsedWebhook {
  const result = envelopeSchema.safeParse(payload);
  if (!result.success) {
    return { kind: 'malformed', reason: 'not a Percify envelope ({ type, id, data } or { event, data })' };
  }
  const envelope = result.data;
  const type = envelope.type ?? envelope.event;
  if (type === undefined) return { kind: 'malformed', reason: 'no "type" or "event" field' };
  if (!isKnownType(type)) {
    return envelope.id === undefined
      ? { kind: 'unknown_type', type }
      : { kind: 'unknown_type', type, eventId: envelope.id };
  }

  const resourceKind = kindOf(type);
  const { data } = envelope;
  // The id is named by kind (`videoId`, …); one documented handler reads `data.id` instead.
  const resourceId = nonEmptyString(data[`${resourceKind}Id`]) ?? nonEmptyString(data.id);
  if (resourceId === undefined) {
    return { kind: 'malformed', reason: `"${type}" without data.${resourceKind}Id or data.id` };
  }
  const event: PercifyEvent = { type, resourceKind, resourceId, receivedAt, data };
  if (envelope.id !== undefined) event.eventId = envelope.id;
  const status = nonEmptyString(data.status);
  if (status !== undefined) event.status = status;
  return { kind: 'event', event };
}

/**
 * The key duplicates are recognised by: the event id when Percify sent one, otherwise what the
 * event says (type, resource, status), since a retried id-less delivery repeats exactly that.
 */
export function dedupeKeyOf(event: PercifyEvent): string {
  if (event.eventId !== undefined) return `id:${event.eventId}`;
  return `res:${event.type}:${event.resourceId}:${event.status ?? ''}`;
}
