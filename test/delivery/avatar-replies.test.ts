import { expectDiscordAccepts } from '../support/discord-limits.js';
import { buttonRows, galleries, replyButtons, replyText } from '../support/reply-parts.js';
import { describe, expect, it } from 'vitest';
import { parseCustomId } from '../../src/interactions/custom-id.js';
import type { AvatarJob } from '../../src/services/jobs/job-record.js';
import {
  renderAvatarFailure,
  renderAvatarPending,
  renderAvatarResult,
} from '../../src/services/delivery/avatar-replies.js';
import { createI18n } from '../../src/services/i18n/index.js';

const en = createI18n().translator('en');

function job(images: number, overrides: Partial<AvatarJob['params']> = {}): AvatarJob {
  return {
    id: 'jabc123',
    kind: 'avatar',
    state: 'done',
    ownerId: '111111111111111111',
    guildId: '222222222222222222',
    channelId: '333333333333333333',
    interaction: { applicationId: '444444444444444444', token: 'tok', createdAt: 0 },
    reservedCredits: 2 * images,
    percifyIds: [],
    attempts: 1,
    createdAt: 0,
    updatedAt: 0,
    params: {
      prompt: 'cyberpunk warrior, neon lights',
      model: 'flux',
      aspectRatio: '1:1',
      seed: 42,
      variations: images,
      ...overrides,
    },
    images: Array.from({ length: images }, (_, i) => ({
      avatarId: `avatar_${i}`,
      seed: 42 + i,
      creditCost: 2,
    })),
    chargedCredits: 2 * images,
  };
}

describe('avatar replies', () => {
  it('shows prompt, model, cost, balance after and place in line while waiting', () => {
    const body = renderAvatarPending({ ...job(1), state: 'queued' }, { position: 3, balanceAfter: 18 }, en);
    const text = replyText(body);
    expect(body.componentsV2).toBe(true);
    expect(text).toContain('> cyberpunk warrior');
    expect(text).toContain('**#3** in line');
    expect(text).toContain('**Model** flux · Fast');
    expect(text).toContain('**Seed** `42`');
    expect(text).toContain('**Cost** 2 credits · 18 credits left after this');
    expectDiscordAccepts(body);
  });

  it('renders one image full width with five buttons that say what they do', () => {
    const body = renderAvatarResult(job(1), en);
    expect(galleries(body)).toEqual([['attachment://avatar-1.png']]);
    expect(replyButtons(body).map((b) => [b.emoji, b.label])).toEqual([
      ['🎬', 'Animate'],
      ['🎲', 'Vary'],
      ['✨', 'HD'],
      ['🔁', 'Reroll'],
      ['🗑️', 'Delete'],
    ]);
    expect(buttonRows(body)).toHaveLength(1);
    expectDiscordAccepts(body);
  });

  it('renders four images as one 2×2 media gallery with numbered, labelled per-image buttons', () => {
    const body = renderAvatarResult(job(4), en);
    expect(body.embeds).toEqual([]);
    expect(galleries(body)).toEqual([[1, 2, 3, 4].map((n) => `attachment://avatar-${n}.png`)]);
    const text = replyText(body);
    expect(text).toContain('### ✅ Your 4 avatars');
    expect(text).toContain('**Seeds** `42` · `43` · `44` · `45`');
    expect(text).toContain('**Charged** 8 credits');
    expect(buttonRows(body)).toEqual([
      ['Animate 1', 'Animate 2', 'Animate 3', 'Animate 4'],
      ['Vary 1', 'Vary 2', 'Vary 3', 'Vary 4'],
      ['HD 1', 'HD 2', 'HD 3', 'HD 4'],
      ['Reroll', 'Delete'],
    ]);
    // The emoji is the button's own field, never typed into the label.
    for (const button of replyButtons(body)) {
      expect(button.emoji).toBeTruthy();
      expect(button.label).toMatch(/^[A-Za-z]/);
    }
    const vary4 = replyButtons(body).find((b) => b.label === 'Vary 4')!;
    expect(parseCustomId(vary4.customId!)).toEqual({ action: 'variations', args: ['jabc123', '3'] });
    expectDiscordAccepts(body);
  });

  it('says how many of a partial batch came out, and that only those were charged', () => {
    const made = { ...job(3, { variations: 4 }), reservedCredits: 8 };
    const body = renderAvatarResult(made, en);
    const text = replyText(body);
    expect(text).toContain('### ✅ Your 3 avatars');
    expect(text).toContain('3 of 4 images came out');
    expect(text).toContain('you were charged for 3 (6 credits)');
    expect(text).toContain('The one that failed costs nothing');
    expect(text).toContain('**Charged** 6 credits');
    expect(galleries(body)[0]).toHaveLength(3);
    // Per-image buttons for the three that exist, not four.
    expect(buttonRows(body)[0]).toEqual(['Animate 1', 'Animate 2', 'Animate 3']);
    const two = renderAvatarResult({ ...job(2, { variations: 4 }), reservedCredits: 8 }, en);
    expect(replyText(two)).toContain('The 2 that failed cost nothing');
    expectDiscordAccepts(body);
  });

  it('adds no note when the whole batch came out', () => {
    expect(replyText(renderAvatarResult(job(4), en))).not.toContain('came out');
  });

  it('stays inside Discord limits with the longest prompt, negative prompt and every option', () => {
    const long = job(4, {
      prompt: 'p'.repeat(1000),
      negativePrompt: 'n'.repeat(1000),
      style: 'anime',
      guidance: 12,
    });
    expectDiscordAccepts(renderAvatarResult(long, en));
    expectDiscordAccepts(renderAvatarPending(long, { position: 1 }, en));
    expectDiscordAccepts(renderAvatarFailure(long, 'x'.repeat(300), en));
  });

  it('says on failure that nothing was charged, with no buttons', () => {
    const body = renderAvatarFailure(job(2), 'Percify refused the prompt.', en);
    const text = replyText(body);
    expect(text).toContain('### ❌ Could not create 2 avatars');
    expect(text).toContain('Nothing was charged');
    expect(text).toContain('4 credits held for this are back');
    expect(replyButtons(body)).toEqual([]);
    expectDiscordAccepts(body);
  });
});
