import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCustomId } from '../../src/interactions/custom-id.js';
import {
  renderVideoFailure,
  renderVideoPending,
  renderVideoResult,
  videoFileName,
} from '../../src/services/delivery/video-replies.js';
import type { VideoJob } from '../../src/services/jobs/job-record.js';
import { progressBar, timeLeftText } from '../../src/services/delivery/progress-text.js';
import { MAX_PENDING_PERCENT, videoProgress } from '../../src/services/jobs/video-progress.js';
import { VideoJobKind } from '../../src/services/jobs/video-kind.js';
import { createI18n } from '../../src/services/i18n/index.js';
import { PercifyClient } from '../../src/services/percify/index.js';
import { SPEECH, expectDiscordAccepts, field, videoJob } from './fixtures.js';
import { galleries, replyButtons, replyText } from '../support/reply-parts.js';
import { stagePlan } from '../../src/services/jobs/video-stages.js';
import { plannedStages } from '../../src/services/delivery/video-replies.js';

/** The video replies in English, as these tests read them; test/i18n/animate-replies.test.ts has the rest. */
const EN = createI18n().translator('en');

const T0 = 1_750_000_000_000;

/** The handler renders the progress view; no request is made, so the client points nowhere. */
function kindAt(now: number): VideoJobKind {
  const percify = new PercifyClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'test' });
  return new VideoJobKind(percify, {
    i18n: createI18n(),
    uploadLimitBytes: () => 10 * 1024 * 1024,
    now: () => now,
  });
}

const processing = (job: VideoJob): VideoJob => ({ ...job, state: 'processing', submittedAt: T0 });
const silentVideo = { videoId: 'video_1', durationSeconds: 8, hasAudio: false, creditCost: 48 };

describe('video progress view', () => {
  it('shows a bar and a time estimate from the documented time for tier and length', () => {
    // Basic 8 s renders in about 57.5 s: 17.5 s in, that is 30 % and about 40 s to go.
    const body = kindAt(T0 + 17_500).renderPending(processing(videoJob()), { startedAt: T0 });
    const description = replyText(body);
    expect(description).toContain('Rendering the video…');
    expect(description).toContain('▰▰▰▱▱▱▱▱▱▱ 30%');
    expect(description).toContain('about 40 s left');
    // One stage only: no line of stages.
    expect(description).not.toContain('1/1');
    expectDiscordAccepts(body);
  });

  it('names every stage of a spoken video with its step, the running one in bold', () => {
    const job = processing(videoJob({ speech: SPEECH }));
    const kind = kindAt(T0 + 1_000);
    const words = (record: VideoJob) => replyText(kind.renderPending(record, { startedAt: T0 }));
    expect(words(job)).toContain('**voice 1/3** · video 2/3 · lip-sync 3/3\n**Generating the voice…**');
    expect(words({ ...job, audioId: 'audio_1' })).toContain(
      '✅ voice 1/3 · **video 2/3** · lip-sync 3/3\n**Rendering the video…**',
    );
    expect(words({ ...job, audioId: 'audio_1', video: silentVideo })).toContain(
      '✅ voice 1/3 · ✅ video 2/3 · **lip-sync 3/3**\n**Syncing lips…**',
    );
    const addVoice = processing(videoJob({ speech: SPEECH, existingVideoId: 'video_9' }));
    expect(words({ ...addVoice, audioId: 'audio_1' })).toContain('✅ voice 1/2 · **lip-sync 2/2**');
    expect(replyText(kind.renderPending(addVoice, {}))).toContain('### 🔊 Adding a voice');
  });

  it("draws the same stages as the job's plan, for every kind of video job", () => {
    for (const params of [{}, { speech: SPEECH }, { speech: SPEECH, existingVideoId: 'video_9' }]) {
      const job = videoJob(params);
      expect(plannedStages(job)).toEqual(stagePlan(job.params));
    }
  });

  it('never reaches the end before Percify says done, and never goes backwards', () => {
    const stages = (job: VideoJob): VideoJob[] => [
      job,
      { ...job, audioId: 'audio_1' },
      { ...job, audioId: 'audio_1', video: silentVideo },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom('basic' as const, 'reality-lab' as const),
        fc.integer({ min: 3, max: 10 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 2, maxLength: 8 }),
        (tier, seconds, spoken, offsets) => {
          const base = videoJob({ tier, durationSeconds: seconds, ...(spoken ? { speech: SPEECH } : {}) });
          const records = spoken ? stages(base) : [base];
          let last = -1;
          for (const record of records) {
            for (const offset of [...offsets].sort((a, b) => a - b)) {
              const { percent, secondsLeft } = videoProgress(record, { startedAt: T0, now: T0 + offset });
              expect(percent).toBeLessThanOrEqual(MAX_PENDING_PERCENT);
              expect(percent).toBeGreaterThanOrEqual(last);
              expect(secondsLeft).toBeGreaterThanOrEqual(0);
              last = percent;
            }
          }
        },
      ),
    );
  });

  it('says "longer than usual" and how long so far instead of counting below zero', () => {
    const late = videoProgress(videoJob({}, { createdAt: T0 - 5_000 }), { startedAt: T0, now: T0 + 600_000 });
    expect(late.percent).toBeGreaterThan(95);
    expect(late.percent).toBeLessThan(100);
    expect(timeLeftText(late.secondsLeft, late.elapsedSeconds, EN)).toBe('longer than usual · 10 min so far');
    expect(timeLeftText(150, 20, EN)).toBe('about 3 min left');
    expect(progressBar(0)).toBe('▱▱▱▱▱▱▱▱▱▱ 0%');
  });

  it('shows place in line, settings, reserved cost and balance after while waiting', () => {
    const job = videoJob({ speech: SPEECH });
    const body = kindAt(T0).renderPending(job, { position: 2 });
    expect(replyText(body)).toContain('> cyberpunk warrior');
    expect(replyText(body)).toContain('**#2** in line');
    expect(field(body, 'Length')).toBe('8 s');
    expect(field(body, 'Tier')).toBe('Basic · 720p');
    expect(field(body, 'Motion')).toBe('moderate');
    expect(field(body, 'FPS')).toBe('30');
    expect(field(body, 'Format')).toBe('MP4');
    expect(replyText(body)).toContain('**Voice** `preset-narrator` saying:\n> Welcome to Percify');
    expect(field(body, 'Cost')).toBe('48 credits reserved · 52 credits left after this');
    expectDiscordAccepts(body);
  });
});

describe('video result and failure', () => {
  const done = (over: Partial<VideoJob> = {}) =>
    videoJob(
      { speech: SPEECH },
      {
        state: 'delivering',
        audioId: 'audio_1',
        video: {
          videoId: 'video_7',
          durationSeconds: 8,
          resolution: '720p',
          fps: 30,
          format: 'mp4',
          hasAudio: true,
          creditCost: 48,
        },
        chargedCredits: 58,
        ...over,
      },
    );

  it('shows the video with its length, tier, voice and charge, and its next steps', () => {
    const body = renderVideoResult(
      done(),
      {
        kind: 'upload',
        fileName: 'video.mp4',
        thumbnailUrl: 'https://cdn.percify.io/videos/video_7_thumb.jpg',
      },
      EN,
    );
    expect(galleries(body)).toEqual([['attachment://video.mp4']]);
    expect(field(body, 'Length')).toBe('8 s');
    expect(field(body, 'Tier')).toBe('Basic · 720p · 30 fps');
    expect(field(body, 'Motion')).toBe('moderate');
    expect(field(body, 'Voice')).toBe('Yes');
    expect(field(body, 'Charged')).toBe('58 credits');
    const buttons = replyButtons(body);
    // It has a voice already: the first step offered replaces it.
    expect(buttons.map((b) => [b.emoji, b.label])).toEqual([
      ['🔊', 'Replace voice'],
      ['🔁', 'Re-render'],
      ['🗑️', 'Delete'],
    ]);
    expect(buttons.map((b) => parseCustomId(b.customId ?? ''))).toEqual([
      { action: 'voice', args: ['jvid123'] },
      { action: 'rerender', args: ['jvid123'] },
      { action: 'delete', args: ['jvid123'] },
    ]);
    expectDiscordAccepts(body);
  });

  it('links an over-limit video with its poster instead of uploading it', () => {
    const body = renderVideoResult(
      done(),
      {
        kind: 'link',
        url: 'https://cdn.percify.io/videos/video_7.mp4',
        thumbnailUrl: 'https://cdn.percify.io/videos/video_7_thumb.jpg',
        sizeBytes: 30 * 1024 * 1024,
        limitBytes: 10 * 1024 * 1024,
      },
      EN,
    );
    expect(galleries(body)).toEqual([['https://cdn.percify.io/videos/video_7_thumb.jpg']]);
    expect(replyButtons(body).find((b) => b.label === 'Open video')?.url).toBe(
      'https://cdn.percify.io/videos/video_7.mp4',
    );
    const text = replyText(body);
    expect(text).toContain('30 MB');
    expect(text).toContain('upload limit of 10 MB');
    expect(text).toContain('(https://cdn.percify.io/videos/video_7.mp4)');
    expect(body.files).toBeUndefined();
    expectDiscordAccepts(body);
  });

  it('says when the voice could not be added and was not charged', () => {
    const silent = done({ video: { ...silentVideo, resolution: '720p' }, chargedCredits: 48 });
    const body = renderVideoResult(silent, { kind: 'upload', fileName: 'video.mp4' }, EN);
    expect(replyText(body)).toContain('voice could not be added');
    expect(field(body, 'Voice')).toBe('No: it could not be added (not charged)');
    // No voice on it: the step offered adds one.
    expect(replyButtons(body)[0]?.label).toBe('Add voice');
    expect(field(body, 'Charged')).toBe('48 credits');
    expectDiscordAccepts(body);
  });

  it('names the failed stage and says nothing was charged', () => {
    const job = videoJob({ speech: SPEECH }, { audioId: 'audio_1', reservedCredits: 58 });
    const body = renderVideoFailure(
      job,
      'Percify could not open this avatar image.',
      {
        stage: 'video',
        step: 2,
        steps: 3,
      },
      EN,
    );
    const description = replyText(body);
    expect(description).toContain('The video could not be rendered (step 2 of 3).');
    expect(description).toContain('Nothing was charged');
    expect(description).toContain('58 credits held for this are back');
    expect(replyButtons(body)).toEqual([]);
    expectDiscordAccepts(body);
    const lip = renderVideoFailure(
      job,
      'Lip-sync failed: mouth not found',
      {
        stage: 'lipsync',
        step: 3,
        steps: 3,
      },
      EN,
    );
    expect(replyText(lip)).toContain('Lip-sync failed: mouth not found');
    expect(replyText(lip)).not.toContain('(step');
  });

  it('stays inside Discord limits with the longest prompt and speech text', () => {
    const long = done({
      params: {
        ...done().params,
        avatarPrompt: 'p'.repeat(2000),
        speech: { text: 's'.repeat(5000), voiceId: 'v'.repeat(100) },
      },
    });
    expectDiscordAccepts(renderVideoPending(long, { position: 1 }, EN));
    expectDiscordAccepts(renderVideoResult(long, { kind: 'upload', fileName: videoFileName('webm') }, EN));
    expectDiscordAccepts(
      renderVideoFailure(long, 'x'.repeat(300), { stage: 'audio', step: 1, steps: 3 }, EN),
    );
    expect(videoFileName('webm')).toBe('video.webm');
    expect(videoFileName(undefined)).toBe('video.mp4');
  });
});
