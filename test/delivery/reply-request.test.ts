import { describe, expect, it } from 'vitest';
import { messageLimitIssues } from '../../sandbox/discord/limits.js';
import { renderAvatarResult } from '../../src/services/delivery/avatar-replies.js';
import { toReplyRequest, withMention, withNote } from '../../src/services/delivery/reply-request.js';
import type { AvatarJob } from '../../src/services/jobs/job-record.js';
import { expectDiscordAccepts } from '../support/discord-limits.js';
import { replyText } from '../support/reply-parts.js';
import { createI18n } from '../../src/services/i18n/index.js';

const en = createI18n().translator('en');

// What goes on the wire for a Components V2 reply, and the two changes the messenger makes to a
// reply on its way (a note, a mention): Discord refuses content and embeds beside the V2 flag.

const V2 = 1 << 15;

const job: AvatarJob = {
  id: 'jwire1',
  kind: 'avatar',
  state: 'done',
  ownerId: '111111111111111111',
  guildId: '222222222222222222',
  channelId: '333333333333333333',
  interaction: { applicationId: '444444444444444444', token: 'tok', createdAt: 0 },
  reservedCredits: 8,
  percifyIds: [],
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  params: { prompt: 'a fox', model: 'flux', aspectRatio: '1:1', seed: 1, variations: 4 },
  images: [0, 1, 2, 3].map((i) => ({ avatarId: `avatar_${i}`, seed: 1 + i, creditCost: 2 })),
  chargedCredits: 8,
};

describe('a Components V2 reply on the wire', () => {
  it('carries the flag and neither content nor embeds, on a send and on an edit', () => {
    const body = {
      ...renderAvatarResult(job, en),
      files: [{ name: 'avatar-1.png', data: Buffer.from('x') }],
    };
    for (const mode of ['create', 'edit'] as const) {
      const { json, files } = toReplyRequest(body, mode);
      expect(json.flags).toBe(V2);
      expect(json).not.toHaveProperty('content');
      expect(json).not.toHaveProperty('embeds');
      expect(json.attachments).toEqual([{ id: '0', filename: 'avatar-1.png' }]);
      expect(files).toHaveLength(1);
    }
  });

  it('puts the note as small text at the end of the card, not in a footer', () => {
    const noted = withNote(renderAvatarResult(job, en), '🧪 Simulated result');
    expect(noted.embeds).toEqual([]);
    expect(replyText(noted).split('\n').at(-1)).toBe('-# 🧪 Simulated result');
    expect(noted.components).toHaveLength(1);
    expectDiscordAccepts(noted);
  });

  it('mentions the member in a text display above the card when the reply is posted anew', () => {
    const mentioned = withMention(renderAvatarResult(job, en), '555555555555555555', 'your result is ready.');
    const { json } = toReplyRequest(mentioned, 'create');
    expect(json).not.toHaveProperty('content');
    expect((json.components as unknown[])[0]).toEqual({
      type: 10,
      content: '<@555555555555555555> your result is ready.',
    });
    expect(messageLimitIssues(json)).toEqual([]);
  });

  it('shows a line given as content (a late result) above the card instead of dropping it', () => {
    const late = { ...renderAvatarResult(job, en), content: '⏰ This came in after the deadline: free.' };
    const { json } = toReplyRequest(late, 'edit');
    expect(json).not.toHaveProperty('content');
    expect((json.components as unknown[])[0]).toEqual({ type: 10, content: late.content });
  });

  it('leaves an embed reply as it was: the mention in content, the note in the footer', () => {
    const legacy = { embeds: [{ title: 'Credits', footer: { text: 'Job j1' } }], components: [] };
    expect(withMention(legacy, '5', 'your result is ready.').content).toBe('<@5> your result is ready.');
    expect(withNote(legacy, 'note').embeds[0]?.footer?.text).toBe('Job j1 · note');
    expect(toReplyRequest(legacy, 'edit').json).toMatchObject({ content: '', embeds: legacy.embeds });
  });
});
