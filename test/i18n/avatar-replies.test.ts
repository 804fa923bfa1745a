import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/locales.js';
import {
  renderAvatarFailure,
  renderAvatarPending,
  renderAvatarResult,
} from '../../src/services/delivery/avatar-replies.js';
import {
  GALLERY_PAGE_SIZE,
  renderEmptyGallery,
  renderGalleryPage,
} from '../../src/services/delivery/gallery-replies.js';
import {
  renderPhotoAvatarFailure,
  renderPhotoAvatarPending,
  renderPhotoAvatarResult,
} from '../../src/services/delivery/photo-avatar-replies.js';
import { durationText, timeLeftText } from '../../src/services/delivery/progress-text.js';
import type { ReplyBody } from '../../src/services/delivery/reply-body.js';
import { createI18n } from '../../src/services/i18n/index.js';
import type { CreationView } from '../../src/services/delivery/views.js';
import type { AvatarJob } from '../../src/services/jobs/job-record.js';
import { checkPhotoBytes, PhotoRefusal, photoRules } from '../../src/services/member-files/photo-check.js';
import { expectDiscordAccepts } from '../support/discord-limits.js';
import { buttonRows, replyText } from '../support/reply-parts.js';

const i18n = createI18n();
const OWNER = '12345678901234567890';
/** Long, markdown-heavy member text: the worst a prompt or style can be. */
const NASTY = '```**bold** `tick` <@&1> @everyone ✨\n'.repeat(40);

function job(images: number, variations = images, overrides: Partial<AvatarJob['params']> = {}): AvatarJob {
  return {
    id: 'j'.padEnd(32, 'x'),
    kind: 'avatar',
    state: images > 0 ? 'done' : 'processing',
    ownerId: '111111111111111111',
    guildId: '222222222222222222',
    channelId: '333333333333333333',
    interaction: { applicationId: '444444444444444444', token: 'tok', createdAt: 0 },
    reservedCredits: 5 * variations,
    percifyIds: [],
    attempts: 1,
    createdAt: 0,
    updatedAt: 0,
    params: {
      prompt: NASTY.slice(0, 1000),
      negativePrompt: NASTY.slice(0, 1000),
      style: 'renaissance',
      guidance: 7.5,
      model: 'reality4',
      aspectRatio: '16:9',
      seed: 2_147_483_000,
      variations,
      ...overrides,
    },
    images: Array.from({ length: images }, (_, i) => ({
      avatarId: `avatar_${'x'.repeat(40)}${i}`,
      seed: 2_147_483_000 + i,
      creditCost: 5,
    })),
    chargedCredits: 5 * images,
  };
}

const photoJob = (images: number): AvatarJob => {
  const base = job(images, 1);
  return { ...base, params: { ...base.params, photo: { fileName: 'me.png' } } };
};

function creations(): CreationView[] {
  return Array.from({ length: GALLERY_PAGE_SIZE }, (_, i) => ({
    kind: i % 2 === 0 ? 'avatar' : 'video',
    avatarIds: Array.from({ length: 4 }, (_, k) => `avatar_${'x'.repeat(60)}${k}`),
    videoId: `video_${'y'.repeat(60)}`,
    prompt: NASTY,
    thumbnailUrl: `https://cdn.discordapp.com/attachments/1/2/avatar-${i}.png`,
    createdAt: 1_700_000_000_000 + i,
  }));
}

/** Words a member of each language would notice: the result heading and the reroll button. */
const EXPECTED: Record<Language, { done: string; reroll: string; creating: string; gallery: string }> = {
  en: { done: 'Your avatar', reroll: 'Reroll', creating: 'Creating 4 avatars', gallery: 'newest first' },
  de: {
    done: 'Dein Avatar',
    reroll: 'Neu würfeln',
    creating: '4 Avatare werden erstellt',
    gallery: 'neuesten zuerst',
  },
  fr: { done: 'Ton avatar', reroll: 'Relancer', creating: 'Création de 4 avatars', gallery: 'plus récentes' },
  'es-ES': { done: 'Tu avatar', reroll: 'Repetir', creating: 'Creando 4 avatares', gallery: 'más recientes' },
  'pt-BR': {
    done: 'Seu avatar',
    reroll: 'Refazer',
    creating: 'Criando 4 avatares',
    gallery: 'mais recentes',
  },
  ja: {
    done: 'あなたのアバター',
    reroll: '作り直す',
    creating: 'アバターを 4 枚作成中',
    gallery: '新しい順',
  },
};

/** No text in a catalog's group was left unresolved (i18next answers a missing key with the key). */
function expectNoKeys(text: string): void {
  expect(text).not.toMatch(/\bavatar\.(reply|photo|gallery|buttons|models|progress)\./);
}

describe.each(LANGUAGES.map((language) => [language]))('avatar replies in %s', (language) => {
  const tr = i18n.translator(language);
  const words = EXPECTED[language];

  it('stays inside Discord limits in every state, worst case', () => {
    const bodies: ReplyBody[] = [
      renderAvatarPending({ ...job(0, 4), state: 'queued' }, { position: 999, balanceAfter: 1_000_000 }, tr),
      renderAvatarPending(job(0, 4), { balanceAfter: 5 }, tr),
      renderAvatarResult(job(1), tr),
      renderAvatarResult(job(4), tr),
      renderAvatarResult(job(3, 4), tr),
      renderAvatarFailure(job(0, 4), NASTY.slice(0, 500), tr),
      renderPhotoAvatarPending(photoJob(0), { position: 999, balanceAfter: 1_000_000 }, tr),
      renderPhotoAvatarResult(photoJob(1), tr),
      renderPhotoAvatarFailure(photoJob(0), NASTY.slice(0, 500), tr),
    ];
    for (const body of bodies) {
      expectDiscordAccepts(body);
      expectNoKeys(replyText(body));
    }
    const page = renderGalleryPage({ ownerId: OWNER, page: 9998, items: creations(), total: 9999 * 5 }, tr);
    expectDiscordAccepts(page);
    expectNoKeys(
      [page.content, ...page.embeds.map((e) => `${e.title} ${e.description} ${e.footer?.text}`)].join('\n'),
    );
    for (const own of [true, false]) expectDiscordAccepts(renderEmptyGallery(OWNER, own, tr));
  });

  it('reads in the language: headings, buttons, the gallery line', () => {
    expect(replyText(renderAvatarResult(job(1), tr))).toContain(words.done);
    expect(buttonRows(renderAvatarResult(job(1), tr)).flat()).toContain(words.reroll);
    expect(replyText(renderAvatarPending(job(0, 4), {}, tr))).toContain(words.creating);
    const page = renderGalleryPage({ ownerId: OWNER, page: 0, items: creations(), total: 12 }, tr);
    expect(page.content).toContain(words.gallery);
    expect(page.content).toContain(`<@${OWNER}>`);
  });

  it('counts and says partial batches, credits and times in the language', () => {
    const partial = replyText(renderAvatarResult(job(3, 4), tr));
    expect(partial).toContain(tr.credits(15));
    expect(partial).toContain('⚠️');
    expect(timeLeftText(0, 125, tr)).toContain(durationText(125, tr));
    expect(timeLeftText(150, 20, tr)).toMatch(/3/);
  });

  it('says why a photo is refused, with its limits, in the language', () => {
    let refusal: unknown;
    try {
      checkPhotoBytes(Buffer.from('GIF89a not a photo at all, just some bytes'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PhotoRefusal);
    const said = tr.render((refusal as PhotoRefusal).text);
    expect(said).toMatch(/PNG/);
    expect(photoRules(tr)).toContain('4096');
    if (language !== 'en') expect(said).not.toBe((refusal as PhotoRefusal).message);
  });
});

describe('avatar replies, language by language', () => {
  it('writes German, French and Japanese numbers their way', () => {
    const pending = (language: Language) =>
      replyText(
        renderAvatarPending({ ...job(0, 4), state: 'queued' }, { position: 1234 }, i18n.translator(language)),
      );
    expect(pending('en')).toContain('#1,234');
    expect(pending('de')).toContain('#1.234');
    expect(pending('ja')).toContain('1,234 番目');
  });
});

describe('avatar forms and buttons within Discord limits', () => {
  it.each(LANGUAGES.map((language) => [language]))('%s: modal 45/100, buttons 80, titles 256', (language) => {
    const tr = i18n.translator(language);
    // Modal title and text-input labels: 45; placeholders: 100.
    for (const key of ['avatar.modal.title', 'avatar.modal.prompt', 'avatar.modal.negative'] as const) {
      expect(tr.t(key).length, key).toBeLessThanOrEqual(45);
    }
    for (const key of ['avatar.modal.promptPlaceholder', 'avatar.modal.negativePlaceholder'] as const) {
      expect(tr.t(key).length, key).toBeLessThanOrEqual(100);
    }
    // Button labels: 80 (numbered ones get " 4").
    for (const key of [
      'avatar.buttons.animate',
      'avatar.buttons.vary',
      'avatar.buttons.hd',
      'avatar.buttons.reroll',
      'avatar.buttons.delete',
      'avatar.likeness.consentYes',
      'avatar.likeness.cloneYes',
      'avatar.likeness.cancel',
    ] as const) {
      expect(tr.t(key).length + 2, key).toBeLessThanOrEqual(80);
    }
    expect(tr.t('avatar.likeness.cloneTitle', { name: 'n'.repeat(100) }).length).toBeLessThanOrEqual(256);
    expect(tr.t('avatar.likeness.consentTitle').length).toBeLessThanOrEqual(256);
  });
});
