import { expectDiscordAccepts } from '../support/discord-limits.js';
import { describe, expect, it } from 'vitest';
import { parseCustomId } from '../../src/interactions/custom-id.js';
import type { AvatarJob } from '../../src/services/jobs/job-record.js';
import {
  renderAvatarFailure,
  renderAvatarPending,
  renderAvatarResult,
} from '../../src/services/delivery/avatar-replies.js';

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
    const body = renderAvatarPending({ ...job(1), state: 'queued' }, { position: 3, balanceAfter: 18 });
    const embed = body.embeds[0]!;
    expect(embed.description).toContain('cyberpunk warrior');
    expect(embed.description).toContain('#3');
    expect(embed.fields).toContainEqual({ name: 'Model', value: 'flux · Fast', inline: true });
    expect(embed.fields?.find((f) => f.name === 'Cost')?.value).toBe(
      '2 credits · 18 credits left after this',
    );
    expect(embed.fields?.find((f) => f.name === 'Seed')?.value).toBe('`42`');
    expectDiscordAccepts(body);
  });

  it('renders one image with all five buttons in one row', () => {
    const body = renderAvatarResult(job(1));
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0]!.image?.url).toBe('attachment://avatar-1.png');
    const labels = body.components[0]!.components.map((c) => ('label' in c ? c.label : ''));
    expect(labels).toEqual(['🎬 Animate', '🔁 Reroll', '🎲 Variations', '✨ HD', '🗑 Delete']);
    expectDiscordAccepts(body);
  });

  it('renders four images as one gallery with numbered per-image buttons', () => {
    const body = renderAvatarResult(job(4));
    expect(body.embeds).toHaveLength(4);
    expect(new Set(body.embeds.map((e) => e.url)).size).toBe(1);
    expect(body.embeds.map((e) => e.image?.url)).toEqual(
      [1, 2, 3, 4].map((n) => `attachment://avatar-${n}.png`),
    );
    expect(body.embeds[0]!.fields?.find((f) => f.name === 'Seeds')?.value).toBe('`42` · `43` · `44` · `45`');
    expect(body.embeds[0]!.fields?.find((f) => f.name === 'Charged')?.value).toBe('8 credits');
    expect(body.components).toHaveLength(4);
    const fourthVariation = body.components[1]!.components[3]!;
    expect(parseCustomId('custom_id' in fourthVariation ? fourthVariation.custom_id : '')).toEqual({
      action: 'variations',
      args: ['jabc123', '3'],
    });
    expectDiscordAccepts(body);
  });

  it('says how many of a partial batch came out, and that only those were charged', () => {
    const made = { ...job(3, { variations: 4 }), reservedCredits: 8 };
    const body = renderAvatarResult(made);
    const embed = body.embeds[0]!;
    expect(embed.title).toBe('✅ Your 3 avatars');
    expect(embed.description).toContain('3 of 4 images came out');
    expect(embed.description).toContain('you were charged for 3 (6 credits)');
    expect(embed.description).toContain('The one that failed costs nothing');
    expect(embed.fields?.find((f) => f.name === 'Charged')?.value).toBe('6 credits');
    expect(body.embeds).toHaveLength(3);
    // Per-image buttons for the three that exist, not four.
    expect(body.components[0]!.components).toHaveLength(3);
    const two = renderAvatarResult({ ...job(2, { variations: 4 }), reservedCredits: 8 });
    expect(two.embeds[0]!.description).toContain('The 2 that failed cost nothing');
    expectDiscordAccepts(body);
  });

  it('adds no note when the whole batch came out', () => {
    expect(renderAvatarResult(job(4)).embeds[0]!.description).not.toContain('came out');
  });

  it('stays inside Discord limits with the longest prompt, negative prompt and every option', () => {
    const long = job(4, {
      prompt: 'p'.repeat(1000),
      negativePrompt: 'n'.repeat(1000),
      style: 'anime',
      guidance: 12,
    });
    expectDiscordAccepts(renderAvatarResult(long));
    expectDiscordAccepts(renderAvatarPending(long, { position: 1 }));
    expectDiscordAccepts(renderAvatarFailure(long, 'x'.repeat(300)));
  });

  it('says on failure that nothing was charged', () => {
    const body = renderAvatarFailure(job(2), 'Percify refused the prompt.');
    expect(body.embeds[0]!.description).toContain('Nothing was charged');
    expect(body.embeds[0]!.description).toContain('4 credits held for this are back');
    expect(body.components).toEqual([]);
    expectDiscordAccepts(body);
  });
});
