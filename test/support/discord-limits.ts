import type { APIEmbed } from 'discord.js';
import {
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
} from 'discord-api-spec/zod';
import { expect } from 'vitest';
import { parseCustomId } from '../../src/interactions/custom-id.js';

interface MessageBody {
  content?: string | undefined;
  embeds?: APIEmbed[] | undefined;
  components?: ReadonlyArray<{ components: ReadonlyArray<object> }> | undefined;
  files?: unknown;
}

/**
 * What Discord checks on a message the bot sends or edits: the official schemas (a first answer is a
 * webhook send, a later change an edit), and the limits they do not carry: content 2000, 10 embeds,
 * 6000 embed characters, titles 256, descriptions 4096, 25 fields of 256/1024, 5 rows, unique custom
 * ids of at most 100 characters that the bot's own codec accepts.
 */
export function expectDiscordAccepts(body: MessageBody): void {
  const { files: _files, ...json } = body;
  for (const schema of [IncomingWebhookRequestPartialSchema, IncomingWebhookUpdateRequestPartialSchema]) {
    const parsed = schema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  }
  const embeds = body.embeds ?? [];
  expect(body.content?.length ?? 0).toBeLessThanOrEqual(2000);
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  const rows = body.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = rows.flatMap((row) =>
    row.components.map((c) => ('custom_id' in c && typeof c.custom_id === 'string' ? c.custom_id : '')),
  );
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
  for (const id of ids) {
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(id)).not.toBeNull();
  }
}
