import {
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
} from 'discord-api-spec/zod';
import { expect } from 'vitest';
import { messageLimitIssues } from '../../sandbox/discord/limits.js';
import { parseCustomId } from '../../src/interactions/custom-id.js';
import type { ReplyBody } from '../../src/services/delivery/reply-body.js';
import { toReplyRequest } from '../../src/services/delivery/reply-request.js';

type MessageBody = Partial<ReplyBody>;

/** Every custom id on a message, at any depth: rows, V2 containers, section accessories. */
export function allCustomIds(components: readonly unknown[]): string[] {
  const ids: string[] = [];
  const visit = (raw: unknown): void => {
    if (typeof raw !== 'object' || raw === null) return;
    const component = raw as Record<string, unknown>;
    if (typeof component.custom_id === 'string') ids.push(component.custom_id);
    if (Array.isArray(component.components)) component.components.forEach(visit);
    visit(component.accessory);
  };
  components.forEach(visit);
  return ids;
}

/**
 * What Discord checks on a message the bot sends or edits, on the request the messenger really
 * makes (a first answer is a webhook send, a later change an edit): the official schemas, and the
 * limits they do not carry, as the emulator enforces them (content 2000, 10 embeds of 6000
 * characters, 5 rows or with Components V2 40 components and 4000 characters of text, rows of five
 * buttons, unique custom ids) — plus that every custom id is one the bot's own codec reads back.
 */
export function expectDiscordAccepts(body: MessageBody): void {
  for (const [schema, mode] of [
    [IncomingWebhookRequestPartialSchema, 'create'],
    [IncomingWebhookUpdateRequestPartialSchema, 'edit'],
  ] as const) {
    const { json } = toReplyRequest(
      { ...body, embeds: body.embeds ?? [], components: body.components ?? [] },
      mode,
    );
    const parsed = schema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(messageLimitIssues(json)).toEqual([]);
  }
  for (const id of allCustomIds(body.components ?? [])) expect(parseCustomId(id)).not.toBeNull();
}
