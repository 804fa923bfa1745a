import { expectDiscordAccepts } from '../support/discord-limits.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCustomId } from '../../src/interactions/custom-id.js';
import { silentLogger } from '../../src/logger.js';
import { DEFAULT_GUILD_SETTINGS } from '../../src/services/credits/index.js';
import {
  clampPage,
  GALLERY_PAGE_SIZE,
  renderEmptyGallery,
  renderGalleryPage,
} from '../../src/services/delivery/gallery-replies.js';
import { renderHelp } from '../../src/services/delivery/help-replies.js';
import { CREATION_HISTORY_LIMIT, CreationHistory, type Creation } from '../../src/services/jobs/creations.js';
import type { AvatarJob, JobRecord, VideoJob } from '../../src/services/jobs/job-record.js';
import { createStore, type Store } from '../../src/services/store.js';
import { createI18n } from '../../src/services/i18n/index.js';
import { FULLEST_BALANCE } from '../support/balances.js';

const en = createI18n().translator('en');

const OWNER = '12345678901234567890'; // the longest snowflake, for the longest custom ids

function creation(index: number, overrides: Partial<Creation> = {}): Creation {
  return {
    jobId: `j${index}`,
    kind: 'avatar',
    avatarIds: [`avatar_${index}`],
    prompt: `prompt ${index}`,
    thumbnailUrl: `https://cdn.discordapp.com/attachments/1/2/avatar-${index}.png`,
    createdAt: 1_700_000_000_000 + index,
    ...overrides,
  };
}

describe('gallery page', () => {
  it('stays inside every Discord limit with five worst-case creations', () => {
    const nasty = '```**bold** `tick` <@&1> @everyone\n'.repeat(40); // long, markdown-heavy, over every limit
    const items = Array.from({ length: GALLERY_PAGE_SIZE }, (_, i) =>
      creation(i, {
        prompt: nasty,
        avatarIds: Array.from({ length: 4 }, (_, k) => `avatar_${'x'.repeat(60)}${k}`),
      }),
    );
    const body = renderGalleryPage(
      { ownerId: OWNER, page: 9998, items, total: 9999 * GALLERY_PAGE_SIZE },
      en,
    );
    expect(body.embeds).toHaveLength(GALLERY_PAGE_SIZE);
    for (const embed of body.embeds) expect(embed.description).toContain('avatar_xxx');
    expect(body.content).toContain('page 9,999 of 9,999');
    expectDiscordAccepts(body);
  });

  it('links ◀ to the page before and ▶ to the page after, for the gallery owner', () => {
    const body = renderGalleryPage({ ownerId: OWNER, page: 1, items: [creation(1)], total: 12 }, en);
    const [previous, next] = body.components[0]!.components;
    expect(previous).toMatchObject({ label: '◀', disabled: false });
    expect(next).toMatchObject({ label: '▶', disabled: false });
    expect(parseCustomId((previous as { custom_id: string }).custom_id)).toEqual({
      action: 'gallery',
      args: [OWNER, '0', 'p'],
    });
    expect(parseCustomId((next as { custom_id: string }).custom_id)).toEqual({
      action: 'gallery',
      args: [OWNER, '2', 'n'],
    });
    expect(body.content).toContain('page 2 of 3');
  });

  it('disables the way off either end and has no buttons on a single page', () => {
    const first = renderGalleryPage({ ownerId: OWNER, page: 0, items: [creation(1)], total: 6 }, en);
    expect(first.components[0]!.components.map((b) => b.disabled)).toEqual([true, false]);
    const last = renderGalleryPage({ ownerId: OWNER, page: 1, items: [creation(1)], total: 6 }, en);
    expect(last.components[0]!.components.map((b) => b.disabled)).toEqual([false, true]);
    const single = renderGalleryPage({ ownerId: OWNER, page: 0, items: [creation(1)], total: 1 }, en);
    expect(single.components).toEqual([]);
    expectDiscordAccepts(first);
    expectDiscordAccepts(single);
  });

  it('shows a video by its id, with the animated avatar as its thumbnail when known', () => {
    const video = creation(2, { kind: 'video', avatarIds: undefined, videoId: 'video_abc' });
    const bare = creation(3, {
      kind: 'video',
      avatarIds: undefined,
      videoId: 'video_def',
      thumbnailUrl: undefined,
      prompt: '',
    });
    const body = renderGalleryPage({ ownerId: OWNER, page: 0, items: [video, bare], total: 2 }, en);
    expect(body.embeds[0]).toMatchObject({ title: '🎬 prompt 2', thumbnail: { url: video.thumbnailUrl } });
    expect(body.embeds[0]!.description).toContain('`video_abc`');
    expect(body.embeds[1]!.title).toBe('🎬 Video');
    expect(body.embeds[1]).not.toHaveProperty('thumbnail');
    expectDiscordAccepts(body);
  });

  it('keeps a page number from an old button inside the pages that exist', () => {
    expect(clampPage(7, 6)).toBe(1);
    expect(clampPage(-1, 6)).toBe(0);
    expect(clampPage(Number.NaN, 6)).toBe(0);
    expect(clampPage(0, 0)).toBe(0);
    expect(clampPage(2, 15)).toBe(2);
    expect(clampPage(3, 15)).toBe(2);
  });

  it('points an empty gallery to /avatar', () => {
    const own = renderEmptyGallery(OWNER, true, en);
    expect(own.content).toContain('/avatar');
    expectDiscordAccepts(own);
    expect(renderEmptyGallery(OWNER, false, en).content).toContain(`<@${OWNER}>`);
  });
});

describe('help page', () => {
  it('stays inside Discord limits with many commands, roles and a budget', () => {
    const balance = FULLEST_BALANCE;
    const roleAllowances = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`${OWNER.slice(1)}${i}`, 1_000_000 - i]),
    );
    const commands = Array.from({ length: 40 }, (_, i) => ({
      name: `command-${i}-with-a-long-name`,
      description: 'd'.repeat(100),
      adminOnly: i % 2 === 0,
    }));
    const body = renderHelp(createI18n().translator('en'), {
      commands,
      balance,
      roleAllowances,
      limits: DEFAULT_GUILD_SETTINGS.limits,
      features: DEFAULT_GUILD_SETTINGS.features,
    });
    expectDiscordAccepts(body);
    const fields = body.embeds[0]!.fields ?? [];
    const listed = fields.find((f) => f.name === 'Commands')?.value ?? '';
    expect(listed).toContain('`/command-1-with-a-long-name` — ddd');
    expect(listed).not.toContain('`/command-0-with-a-long-name` —');
    expect(fields.find((f) => f.name === 'Your balance')?.value).toContain(
      'Server budget: 999,997 of 1,000,000 left this month',
    );
    expect(fields.find((f) => f.name === 'Getting more credits')?.value).toContain(
      `<@&${OWNER.slice(1)}0> 1,000,000`,
    );
  });
});

describe('creation history', () => {
  let store: Store;
  let history: CreationHistory;
  beforeAll(async () => {
    store = await createStore('sqlite://:memory:', { logger: silentLogger() });
    history = new CreationHistory(store);
  });
  afterAll(async () => {
    await store.close();
  });

  function avatarJob(index: number, memberId = 'm1', state: JobRecord['state'] = 'done'): AvatarJob {
    return {
      id: `job${index}`,
      kind: 'avatar',
      state,
      ownerId: memberId,
      guildId: 'g1',
      channelId: 'c1',
      interaction: { applicationId: 'a', token: 't', createdAt: 0 },
      reservedCredits: 4,
      percifyIds: [],
      attempts: 0,
      createdAt: 1000 + index,
      updatedAt: 1000 + index,
      params: { prompt: `Knight number ${index}`, model: 'flux', aspectRatio: '1:1', seed: 1, variations: 2 },
      images: [
        { avatarId: `avatar_${index}a`, seed: 1, creditCost: 2, discordUrl: `https://cdn/x/${index}a.png` },
        { avatarId: `avatar_${index}b`, seed: 2, creditCost: 2, discordUrl: `https://cdn/x/${index}b.png` },
      ],
    };
  }

  it('keeps done jobs once each, newest first, and at most the newest hundred', async () => {
    await history.record(avatarJob(1, 'cap'));
    await history.record(avatarJob(1, 'cap')); // a second finish of the same job
    await history.record(avatarJob(0, 'cap', 'failed'));
    expect(await history.list('g1', 'cap')).toMatchObject({ total: 1, items: [{ jobId: 'job1' }] });
    // Out of order on purpose: the list is by creation time, not by finishing order.
    for (let i = CREATION_HISTORY_LIMIT + 10; i >= 2; i--) await history.record(avatarJob(i, 'cap'));
    const { items, total } = await history.list('g1', 'cap', { offset: 0, limit: 3 });
    expect(total).toBe(CREATION_HISTORY_LIMIT);
    expect(items.map((c) => c.jobId)).toEqual([
      `job${CREATION_HISTORY_LIMIT + 10}`,
      `job${CREATION_HISTORY_LIMIT + 9}`,
      `job${CREATION_HISTORY_LIMIT + 8}`,
    ]);
    expect(items[0]).toMatchObject({
      avatarIds: [`avatar_${CREATION_HISTORY_LIMIT + 10}a`, `avatar_${CREATION_HISTORY_LIMIT + 10}b`],
      thumbnailUrl: `https://cdn/x/${CREATION_HISTORY_LIMIT + 10}a.png`,
    });
    const lastPage = await history.list('g1', 'cap', { offset: 98, limit: 5 });
    expect(lastPage.items.map((c) => c.jobId)).toEqual(['job12', 'job11']);
  });

  it('gives a video the thumbnail and prompt of the avatar it animates', async () => {
    await history.record(avatarJob(5, 'vid'));
    const video: VideoJob = {
      ...avatarJob(6, 'vid'),
      kind: 'video',
      params: {
        avatarId: 'avatar_5b',
        durationSeconds: 5,
        tier: 'basic',
        motion: 'subtle',
        fps: 30,
        format: 'mp4',
      },
      video: { videoId: 'video_9', durationSeconds: 5, hasAudio: false, creditCost: 30 },
    };
    await history.record(video);
    const { items } = await history.list('g1', 'vid');
    expect(items[0]).toMatchObject({
      kind: 'video',
      videoId: 'video_9',
      prompt: 'Knight number 5',
      thumbnailUrl: 'https://cdn/x/5b.png',
    });
  });

  it('suggests completed avatars by prompt or id, newest first, and forgets removed jobs', async () => {
    await history.record(avatarJob(1, 'find'));
    await history.record(avatarJob(2, 'find'));
    const byPrompt = await history.search('g1', 'find', 'KNIGHT', 3);
    expect(byPrompt.map((s) => s.avatarId)).toEqual(['avatar_2a', 'avatar_2b', 'avatar_1a']);
    const byId = await history.search('g1', 'find', 'avatar_1b', 10);
    expect(byId).toMatchObject([{ avatarId: 'avatar_1b', thumbnailUrl: 'https://cdn/x/1b.png' }]);
    expect(await history.search('g1', 'find', 'dragon', 10)).toEqual([]);
    expect(await history.search('g1', 'someone-else', '', 10)).toEqual([]);
    expect(await history.remove('g1', 'find', 'job2')).toBe(true);
    expect((await history.search('g1', 'find', '', 10)).map((s) => s.avatarId)).toEqual([
      'avatar_1a',
      'avatar_1b',
    ]);
  });
});
