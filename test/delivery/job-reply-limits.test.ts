import { describe, expect, it } from 'vitest';
import {
  renderAvatarFailure,
  renderAvatarPending,
  renderAvatarResult,
} from '../../src/services/delivery/avatar-replies.js';
import {
  renderPhotoAvatarFailure,
  renderPhotoAvatarPending,
  renderPhotoAvatarResult,
} from '../../src/services/delivery/photo-avatar-replies.js';
import type { ReplyBody } from '../../src/services/delivery/reply-body.js';
import { withMention, withNote } from '../../src/services/delivery/reply-request.js';
import {
  renderVideoFailure,
  renderVideoPending,
  renderVideoResult,
} from '../../src/services/delivery/video-replies.js';
import { createI18n } from '../../src/services/i18n/index.js';
import type { AvatarView, VideoView } from '../../src/services/delivery/views.js';
import { expectDiscordAccepts } from '../support/discord-limits.js';
import { replyButtons, replyText } from '../support/reply-parts.js';

/** The video replies in English, as these tests read them; test/i18n/animate-replies.test.ts has the rest. */
const EN = createI18n().translator('en');

// Every state a job reply can be in, with the longest text a member can put in it, inside Discord's
// limits as they are once the messenger has added its note, a mention and a late-result line.

const LONG = 'w'.repeat(2000);

function avatar(images: number, asked = images): AvatarView {
  return {
    id: 'jlimits1',
    state: 'processing',
    params: {
      prompt: LONG,
      negativePrompt: LONG,
      model: 'imagen3',
      style: 'renaissance',
      aspectRatio: '16:9',
      guidance: 20,
      seed: 2_147_483_647,
      variations: asked,
    },
    reservedCredits: 20,
    chargedCredits: 5 * images,
    images: Array.from({ length: images }, (_, i) => ({
      avatarId: `avatar_${'x'.repeat(40)}${i}`,
      seed: 2_147_483_600 + i,
      creditCost: 5,
    })),
  };
}

function video(kind: 'plain' | 'spoken' | 'voice-added', hasAudio: boolean): VideoView {
  return {
    id: 'jlimits2',
    state: 'processing',
    params: {
      avatarPrompt: LONG,
      durationSeconds: 30,
      tier: 'reality-lab',
      motion: 'dynamic',
      fps: 60,
      format: 'webm',
      ...(kind === 'plain' ? {} : { speech: { text: LONG, voiceId: 'v'.repeat(200) } }),
      ...(kind === 'voice-added' ? { existingVideoId: 'video_old' } : {}),
    },
    reservedCredits: 150,
    balanceAfter: 1_000_000,
    chargedCredits: 150,
    video: {
      videoId: 'video_1',
      durationSeconds: 30,
      resolution: '1080p',
      fps: 60,
      hasAudio,
      creditCost: 150,
    },
  };
}

const progress = (stage: 'audio' | 'video' | 'lipsync', step: number, steps: number) => ({
  stage,
  step,
  steps,
  percent: 95,
  elapsedSeconds: 600,
  secondsLeft: 0,
});

const link = {
  kind: 'link' as const,
  url: `https://cdn.percify.io/${'p'.repeat(1500)}.webm`,
  thumbnailUrl: 'https://cdn.percify.io/poster.jpg',
  sizeBytes: 900 * 1024 * 1024,
  limitBytes: 10 * 1024 * 1024,
};

const states: Array<[string, ReplyBody]> = [
  [
    'avatar waiting in line',
    renderAvatarPending({ ...avatar(0, 4), state: 'queued' }, { position: 999, balanceAfter: 5 }, EN),
  ],
  ['avatar rendering', renderAvatarPending(avatar(0, 4), {}, EN)],
  ['avatar result, one image', renderAvatarResult(avatar(1), EN)],
  ['avatar result, four images', renderAvatarResult(avatar(4), EN)],
  ['avatar result, three of four', renderAvatarResult(avatar(3, 4), EN)],
  ['avatar failure', renderAvatarFailure(avatar(0, 4), LONG.slice(0, 500), EN)],
  [
    'photo avatar waiting',
    renderPhotoAvatarPending(avatar(0, 1), { position: 999, balanceAfter: 1_000_000 }, EN),
  ],
  ['photo avatar result', renderPhotoAvatarResult(avatar(1), EN)],
  ['photo avatar failure', renderPhotoAvatarFailure(avatar(0, 1), LONG.slice(0, 500), EN)],
  [
    'video waiting in line',
    renderVideoPending({ ...video('spoken', false), state: 'queued' }, { position: 999 }, EN),
  ],
  [
    'video voice stage',
    renderVideoPending(video('spoken', false), { progress: progress('audio', 1, 3) }, EN),
  ],
  [
    'video render stage',
    renderVideoPending(video('spoken', false), { progress: progress('video', 2, 3) }, EN),
  ],
  [
    'video lip-sync stage',
    renderVideoPending(video('spoken', false), { progress: progress('lipsync', 3, 3) }, EN),
  ],
  [
    'voice being added',
    renderVideoPending(video('voice-added', false), { progress: progress('lipsync', 2, 2) }, EN),
  ],
  [
    'video uploaded',
    renderVideoResult(video('spoken', true), { kind: 'upload', fileName: 'video.webm' }, EN),
  ],
  ['video linked, voice dropped', renderVideoResult(video('spoken', false), link, EN)],
  [
    'voice added',
    renderVideoResult(video('voice-added', true), { kind: 'upload', fileName: 'video.mp4' }, EN),
  ],
  [
    'video failure',
    renderVideoFailure(video('spoken', false), LONG.slice(0, 500), { stage: 'video', step: 2, steps: 3 }, EN),
  ],
];

describe('every job reply state', () => {
  it.each(states)('%s fits, as rendered and as the messenger sends it anew, late', (_name, body) => {
    expect(body.componentsV2).toBe(true);
    expect(body.embeds).toEqual([]);
    expectDiscordAccepts(body);
    const sentAnew = withMention(
      withNote(
        { ...body, content: '⏰ This arrived after the deadline, so it is free.' },
        '🧪 Simulated result',
      ),
      '111111111111111111',
    );
    expectDiscordAccepts(sentAnew);
    // The member's own words are cut short, never the whole message refused.
    expect(replyText(body).length).toBeLessThanOrEqual(4000);
  });

  it('keeps a long signed video URL as the link in the text when it is too long for a button', () => {
    const body = renderVideoResult(video('plain', false), link, EN);
    expect(replyText(body)).toContain(`(${link.url})`);
    expect(replyButtons(body).map((b) => b.label)).toEqual(['Add voice', 'Re-render', 'Delete']);
    const short = renderVideoResult(
      video('plain', false),
      { ...link, url: 'https://cdn.percify.io/v.webm' },
      EN,
    );
    expect(replyButtons(short).at(-1)).toMatchObject({
      label: 'Open video',
      url: 'https://cdn.percify.io/v.webm',
    });
  });
});
