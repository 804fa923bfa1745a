import { describe, expect, it } from 'vitest';
import { durationText, timeLeftText } from '../../src/services/delivery/progress-text.js';
import type { VideoJob } from '../../src/services/jobs/job-record.js';
import { ObservedDurations } from '../../src/services/jobs/observed-durations.js';
import { VideoJobKind } from '../../src/services/jobs/video-kind.js';
import { createI18n } from '../../src/services/i18n/index.js';
import { observedKey, stageShare, videoProgress } from '../../src/services/jobs/video-progress.js';
import type { PercifyClient } from '../../src/services/percify/client.js';
import { expectedProcessingSeconds } from '../../src/services/percify/pricing.js';
import { SPEECH, videoJob } from '../video/fixtures.js';

const en = createI18n().translator('en');

const T0 = 1_750_000_000_000;
// Basic 8 s: the documented typical render time, as the estimate starts from it.
const BASIC_8S = expectedProcessingSeconds({ kind: 'video', tier: 'basic', durationSeconds: 8 }).typical;

const processing = (job: VideoJob, submittedAt = T0): VideoJob => ({
  ...job,
  state: 'processing',
  submittedAt,
  createdAt: T0,
});
const at = (job: VideoJob, seconds: number, observed?: ObservedDurations) =>
  videoProgress(job, { startedAt: job.submittedAt, now: (job.submittedAt ?? T0) + seconds * 1000, observed });

describe('honest video progress', () => {
  it('keeps moving for as long as the work goes on, without reaching the end', () => {
    const job = processing(videoJob());
    const percents = [0.5, 1, 2, 4, 8].map((times) => at(job, BASIC_8S * times).percent);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1]!);
    expect(percents.at(-1)).toBeLessThan(100);
    // The creep joins the straight part without a jump: the share is continuous where they meet.
    expect(stageShare(0.8 * BASIC_8S - 0.001, BASIC_8S)).toBeCloseTo(
      stageShare(0.8 * BASIC_8S + 0.001, BASIC_8S),
      4,
    );
  });

  it('promises seconds only within the expected time, then says how long it has been', () => {
    const job = processing(videoJob());
    const early = at(job, 10);
    expect(early.secondsLeft).toBeCloseTo(BASIC_8S - 10, 5);
    expect(timeLeftText(early.secondsLeft, early.elapsedSeconds, en)).toMatch(/^about \d+ s left$/);
    const late = at(job, BASIC_8S + 65);
    expect(late.secondsLeft).toBe(0);
    expect(timeLeftText(late.secondsLeft, late.elapsedSeconds, en)).toBe(
      `longer than usual · ${durationText(BASIC_8S + 65, en)} so far`,
    );
    expect(durationText(125, en)).toBe('2 min 5 s');
    expect(durationText(45, en)).toBe('45 s');
    expect(durationText(720, en)).toBe('12 min');
  });

  it('counts every later stage of a spoken video in the time left', () => {
    const job = processing(videoJob({ speech: SPEECH }));
    const audio = expectedProcessingSeconds({ kind: 'audio' }).typical;
    // Voice, then the video, then the lip-sync (a re-render: the video's time again).
    expect(at(job, 0).secondsLeft).toBeCloseTo(audio + 2 * BASIC_8S, 5);
    expect(at(job, 0)).toMatchObject({ stage: 'audio', step: 1, steps: 3 });
  });

  it('learns from recent jobs: a render that keeps taking four times longer is estimated so', () => {
    const observed = new ObservedDurations();
    const job = processing(videoJob());
    for (let i = 0; i < 3; i++) observed.record(observedKey(job, 'video'), BASIC_8S, 4 * BASIC_8S);
    expect(at(job, 0, observed).secondsLeft).toBeCloseTo(4 * BASIC_8S, 5);
    // Halfway through the learnt time the bar says so, where the documented time would say "longer".
    expect(at(job, 2 * BASIC_8S, observed).percent).toBe(50);
    expect(at(job, 2 * BASIC_8S).secondsLeft).toBe(0);
    // Another tier has its own history.
    const lab = processing(videoJob({ tier: 'reality-lab' }));
    expect(observed.factor(observedKey(lab, 'video'))).toBe(1);
  });

  it('is not swung by one odd job', () => {
    const observed = new ObservedDurations();
    observed.record('video:basic', 60, 60);
    observed.record('video:basic', 60, 60 * 100);
    expect(observed.factor('video:basic')).toBeLessThan(3);
    observed.record('video:basic', 60, -1);
    observed.record('video:basic', 0, 10);
    expect(observed.factor('video:basic')).toBeLessThan(3);
  });

  it('records a finished render where the estimate of the next job reads it', async () => {
    const observed = new ObservedDurations();
    let now = T0;
    // Only the calls a finished render needs: the status of the tracked video.
    const percify = {
      getVideo: (id: string) =>
        Promise.resolve({ id, status: 'completed', creditCost: 48, durationSeconds: 8 }),
    } as unknown as PercifyClient;
    const kind = new VideoJobKind(percify, {
      i18n: createI18n(),
      uploadLimitBytes: () => 10 * 1024 * 1024,
      now: () => now,
      observed,
    });
    const job = { ...processing(videoJob()), percifyIds: ['video_1'] };
    now = T0 + 3 * BASIC_8S * 1000;
    const outcome = await kind.check(job);
    expect(outcome.status).toBe('completed');
    expect(observed.factor(observedKey(job, 'video'))).toBeCloseTo(3, 5);
  });
});
