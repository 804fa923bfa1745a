import { IncomingWebhookUpdateRequestPartialSchema } from 'discord-api-spec/zod';
import { expect } from 'vitest';
import { parseCustomId } from '../../src/interactions/custom-id.js';
import type { ReplyBody } from '../../src/services/delivery/avatar-replies.js';
import type { VideoJob, VideoParams } from '../../src/services/jobs/job-record.js';

/** A video job record as the /animate command would write it (state queued, nothing submitted). */
export function videoJob(params: Partial<VideoParams> = {}, overrides: Partial<VideoJob> = {}): VideoJob {
  return {
    id: 'jvid123',
    kind: 'video',
    state: 'queued',
    ownerId: '111111111111111111',
    guildId: '222222222222222222',
    channelId: '333333333333333333',
    interaction: { applicationId: '444444444444444444', token: 'tok', createdAt: 0 },
    reservedCredits: 48,
    balanceAfter: 52,
    percifyIds: [],
    attempts: 0,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    params: {
      avatarId: 'avatar_abc123',
      avatarPrompt: 'cyberpunk warrior, neon lights',
      durationSeconds: 8,
      tier: 'basic',
      motion: 'moderate',
      fps: 30,
      format: 'mp4',
      ...params,
    },
    ...overrides,
  };
}

export const SPEECH = { text: 'Welcome to Percify! Create amazing AI content.', voiceId: 'preset-narrator' };

/** What Discord would check: the official schema, and the limits it does not carry. */
export function expectDiscordAccepts(body: ReplyBody): void {
  const { files: _files, ...json } = body;
  const parsed = IncomingWebhookUpdateRequestPartialSchema.safeParse(json);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(body.embeds.length).toBeLessThanOrEqual(10);
  const embedChars = body.embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
  expect(embedChars).toBeLessThanOrEqual(6000);
  for (const embed of body.embeds) {
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  }
  expect(body.components.length).toBeLessThanOrEqual(5);
  const ids = body.components.flatMap((row) =>
    row.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
  );
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(parseCustomId(id)).not.toBeNull();
}

export function field(body: ReplyBody, name: string): string | undefined {
  return body.embeds[0]?.fields?.find((f) => f.name === name)?.value;
}
