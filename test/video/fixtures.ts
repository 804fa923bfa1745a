export { expectDiscordAccepts } from '../support/discord-limits.js';
import type { ReplyBody } from '../../src/services/delivery/reply-body.js';
import { replyText } from '../support/reply-parts.js';
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

/** A detail's value as the reply shows it: "**Tier** Basic · 720p  ·  **Motion** …" gives "Basic · 720p". */
export function field(body: ReplyBody, name: string): string | undefined {
  const text = replyText(body);
  const start = text.indexOf(`**${name}** `);
  if (start < 0) return undefined;
  const rest = text.slice(start + name.length + 5);
  return rest.split(/ {2}· {2}|\n/)[0];
}
