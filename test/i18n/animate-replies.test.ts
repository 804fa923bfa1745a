import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/locales.js';
import {
  renderVideoFailure,
  renderVideoPending,
  renderVideoResult,
} from '../../src/services/delivery/video-replies.js';
import {
  renderCloneDone,
  renderCloneFailed,
  renderCloning,
  renderVoiceList,
} from '../../src/services/delivery/voice-replies.js';
import { createI18n } from '../../src/services/i18n/index.js';
import type { VideoJob } from '../../src/services/jobs/job-record.js';
import type { Logger } from '../../src/logger.js';
import type { PercifyClient } from '../../src/services/percify/client.js';
import { VoiceCatalog } from '../../src/services/voices/catalog.js';
import type { VoiceLibrary } from '../../src/services/voices/voice-library.js';
import { expectDiscordAccepts } from '../support/discord-limits.js';
import { replyButtons, replyText } from '../support/reply-parts.js';
import { SPEECH, videoJob } from '../video/fixtures.js';

// The animate area's replies in every language: inside Discord's limits with the longest text a
// member can put in them, and in the language the reader expects (the words a member would notice).

const i18n = createI18n();
const LONG = 'w'.repeat(2000);

/** A finished spoken video with the longest prompt, line and ids. */
function doneVideo(over: Partial<VideoJob> = {}): VideoJob {
  return videoJob(
    {
      avatarPrompt: LONG,
      speech: { text: 's'.repeat(5000), voiceId: 'v'.repeat(100) },
      tier: 'reality-lab',
      durationSeconds: 30,
      motion: 'dynamic',
    },
    {
      state: 'delivering',
      reservedCredits: 1_000_000,
      balanceAfter: 1_000_000,
      chargedCredits: 999_999,
      video: {
        videoId: `video_${'x'.repeat(60)}`,
        durationSeconds: 30,
        resolution: '1080p',
        fps: 60,
        format: 'mov',
        hasAudio: false,
        creditCost: 120,
      },
      ...over,
    },
  );
}

const LINK = {
  kind: 'link' as const,
  url: `https://cdn.percify.io/videos/${'u'.repeat(400)}.mov`,
  thumbnailUrl: 'https://cdn.percify.io/videos/poster.jpg',
  sizeBytes: 31_500_000,
  limitBytes: 10 * 1024 * 1024,
};

function videoStates(language: Language) {
  const tr = i18n.translator(language);
  const spoken = doneVideo({ state: 'processing', video: undefined });
  return {
    waiting: renderVideoPending({ ...spoken, state: 'queued' }, { position: 999 }, tr),
    rendering: renderVideoPending(
      spoken,
      {
        progress: {
          stage: 'video',
          step: 2,
          steps: 3,
          percent: 42,
          secondsLeft: 100,
          elapsedSeconds: 80,
        },
      },
      tr,
    ),
    uploaded: renderVideoResult(doneVideo(), { kind: 'upload', fileName: 'video.mov' }, tr),
    linked: renderVideoResult(doneVideo({ video: { ...doneVideo().video!, hasAudio: true } }), LINK, tr),
    failed: renderVideoFailure(doneVideo(), 'r'.repeat(500), { stage: 'lipsync', step: 3, steps: 3 }, tr),
  };
}

function voiceAnswers(language: Language) {
  const tr = i18n.translator(language);
  const name = 'n'.repeat(100);
  return {
    cloning: renderCloning(name, tr),
    done: renderCloneDone(name, tr),
    failed: renderCloneFailed(name, tr.t('animate.voice.failOther'), tr),
    list: {
      embeds: [
        renderVoiceList(
          Array.from({ length: 60 }, (_, index) => ({
            id: `voice_${'i'.repeat(40)}${index}`,
            name: name,
            sampleSeconds: 299.6,
            createdAt: 1_750_000_000_000,
          })),
          tr,
        ),
      ],
      components: [],
    },
    empty: { embeds: [renderVoiceList([], tr)], components: [] },
  };
}

describe.each(LANGUAGES.map((language) => [language]))('the animate replies in %s', (language) => {
  it.each(Object.entries(videoStates(language)))('the video %s fits Discord', (_state, body) => {
    expectDiscordAccepts(body);
    expect(replyText(body).length).toBeLessThanOrEqual(4000);
  });

  it.each(Object.entries(voiceAnswers(language)))('the voice answer %s fits Discord', (_state, body) => {
    expectDiscordAccepts(body);
  });
});

describe('what a member notices', () => {
  it('a video result reads German in de and Japanese in ja, buttons included', () => {
    const de = videoStates('de');
    expect(replyText(de.uploaded)).toContain('### ✅ Dein Video');
    expect(replyText(de.uploaded)).toContain('**Länge** 30 s');
    expect(replyText(de.uploaded)).toContain('**Abgebucht** 999.999 Credits');
    expect(replyText(de.uploaded)).toContain('Nein: Sie konnte nicht hinzugefügt werden (nicht berechnet)');
    expect(replyButtons(de.uploaded).map((button) => button.label)).toEqual([
      'Stimme hinzufügen',
      'Neu rendern',
      'Löschen',
    ]);
    expect(replyText(de.linked)).toContain('Dieses Video (30 MB) ist größer als das Upload-Limit');
    expect(replyText(de.failed)).toContain('Die Lippensynchronisation ist fehlgeschlagen (Schritt 3 von 3).');

    const ja = videoStates('ja');
    expect(replyText(ja.uploaded)).toContain('### ✅ 動画ができました');
    expect(replyText(ja.uploaded)).toContain('**長さ** 30 秒');
    expect(replyText(ja.uploaded)).toContain('**動き** 大きめ');
    expect(replyButtons(ja.linked).map((button) => button.label)).toEqual([
      '声を差し替え',
      '再レンダリング',
      '削除',
      '動画を開く',
    ]);
    expect(replyText(ja.rendering)).toContain('✅ 声 1/3 · **動画 2/3** · リップシンク 3/3');
    expect(replyText(ja.waiting)).toContain('**#999**');
    expect(replyText(ja.failed)).toContain('**請求はありません**');
    // English stays what it was.
    expect(replyText(videoStates('en').uploaded)).toContain('**Charged** 999,999 credits');
  });

  it('a voice-clone answer reads German in de and Japanese in ja', () => {
    const de = voiceAnswers('de');
    expect(de.done.embeds[0]?.title).toBe(`✅ Deine Stimme „${'n'.repeat(100)}“ ist fertig`);
    expect(de.failed.embeds[0]?.description).toContain('**Es wurde nichts abgebucht.**');
    expect(de.list.embeds[0]?.description).toContain('300 s Sample');
    const ja = voiceAnswers('ja');
    expect(ja.cloning.embeds[0]?.title).toBe(`🎙 「${'n'.repeat(100)}」をクローンしています…`);
    expect(ja.done.embeds[0]?.description).toContain('あなたにだけ表示されます');
    expect(ja.empty.embeds[0]?.description).toContain('まだ声をクローンしていません');
  });

  it("names the preset voices in the reader's language, keeping Percify's ids", async () => {
    const percify = { listVoices: () => Promise.reject(new Error('offline')) } as unknown as PercifyClient;
    const library = {
      list: () => Promise.resolve([{ id: 'voice_own', name: 'Ben', sampleSeconds: 20, createdAt: 0 }]),
      owners: () => Promise.resolve({ voice_own: 'ben' }),
    } as unknown as VoiceLibrary;
    const logger = { warn: () => undefined } as unknown as Logger;
    const catalog = new VoiceCatalog(percify, library, logger);
    const de = await catalog.list('ben', i18n.translator('de'));
    expect(de.slice(0, 3)).toEqual([
      { id: 'voice_own', name: 'Ben (deine Stimme)' },
      { id: 'preset-narrator', name: 'Erzähler' },
      { id: 'preset-friendly-female', name: 'Freundlich (weiblich)' },
    ]);
    const ja = await catalog.list('ben', i18n.translator('ja'));
    expect(ja.map((voice) => voice.id)).toEqual(de.map((voice) => voice.id));
    expect(ja[1]).toEqual({ id: 'preset-narrator', name: 'ナレーター' });
    expect((await catalog.list('ben', i18n.translator('en')))[0]?.name).toBe('Ben (your voice)');
  });

  it('a refused sample is worded in the member’s language', () => {
    const text = { key: 'animate.sample.tooShort', vars: { seconds: 8.04, min: 15, best: 30 } } as const;
    expect(i18n.translator('en').render(text)).toBe(
      'That recording is 8.0 s long; a voice needs at least 15 s (30–60 s works best).',
    );
    expect(i18n.translator('de').render(text)).toContain('Diese Aufnahme ist 8,0 s lang');
    expect(i18n.translator('ja').render(text)).toContain('8.0 秒');
  });

  it('the spoken line in a progress view keeps the member’s words', () => {
    const body = renderVideoPending(videoJob({ speech: SPEECH }), { position: 2 }, i18n.translator('fr'));
    expect(replyText(body)).toContain('**Voix** `preset-narrator` qui dit :\n> Welcome to Percify');
    expect(replyText(body)).toContain('**Coût** 48 crédits réservés · il t’en restera 52 crédits');
  });
});
