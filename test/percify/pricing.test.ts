import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  audioCost,
  avatarCost,
  estimateAudioCost,
  estimateSpeechSeconds,
  expectedProcessingSeconds,
  MODEL_INFO,
  PercifyValidationError,
  TIER_SPECS,
  videoCost,
} from '../../src/services/percify/index.js';

describe('avatar pricing', () => {
  it('charges per image and model', () => {
    expect(avatarCost('flux', 1)).toBe(2);
    expect(avatarCost('imagen3', 1)).toBe(5);
    expect(avatarCost('reality4', 1)).toBe(5);
    expect(avatarCost('flux', 4)).toBe(8); // the docs' batch example
    expect(avatarCost('reality4', 4)).toBe(20);
  });

  it('rejects batches outside 1..4', () => {
    expect(() => avatarCost('flux', 0)).toThrow(PercifyValidationError);
    expect(() => avatarCost('flux', 5)).toThrow(PercifyValidationError);
    expect(() => avatarCost('flux', 1.5)).toThrow(PercifyValidationError);
  });

  it('labels models for the price list', () => {
    expect(MODEL_INFO.flux).toMatchObject({ label: 'Fast', credits: 2 });
    expect(MODEL_INFO.imagen3).toMatchObject({ label: 'High quality', credits: 5 });
    expect(MODEL_INFO.reality4).toMatchObject({ label: 'Ultra realistic', credits: 5 });
  });
});

describe('video pricing', () => {
  it('holds every worked example from the docs', () => {
    expect(videoCost('basic', 8)).toEqual({ base: 30, additional: 18, total: 48 });
    expect(videoCost('basic', 3).total).toBe(30);
    expect(videoCost('basic', 5).total).toBe(30);
    expect(videoCost('basic', 10).total).toBe(60);
    expect(videoCost('reality-lab', 3).total).toBe(20);
    expect(videoCost('reality-lab', 10).total).toBe(40);
    expect(videoCost('reality-lab', 15).total).toBe(60);
    expect(videoCost('reality-lab', 30)).toEqual({ base: 20, additional: 100, total: 120 });
  });

  it('rejects durations outside the tier range, with the field named', () => {
    for (const [tier, seconds] of [
      ['basic', 11],
      ['reality-lab', 31],
      ['basic', 2],
      ['reality-lab', 2],
      ['basic', 0],
      ['basic', -1],
      ['basic', 5.5],
      ['basic', Number.NaN],
    ] as const) {
      const attempt = () => videoCost(tier, seconds);
      expect(attempt).toThrow(PercifyValidationError);
      expect(attempt).toThrow(/durationSeconds/);
    }
  });

  it('is base + 6 or 4 credits per second past 5 for every valid duration', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('basic' as const, 'reality-lab' as const),
        fc.integer(),
        (tier, seconds) => {
          const spec = TIER_SPECS[tier];
          if (seconds < 3 || seconds > spec.maxSeconds) {
            expect(() => videoCost(tier, seconds)).toThrow(PercifyValidationError);
            return;
          }
          const { base, additional, total } = videoCost(tier, seconds);
          expect(total).toBe(base + additional);
          expect(additional).toBe(Math.max(0, seconds - 5) * (tier === 'basic' ? 6 : 4));
        },
      ),
    );
  });

  it('describes the tiers', () => {
    expect(TIER_SPECS.basic).toMatchObject({ resolution: '720p', maxSeconds: 10, formats: ['mp4', 'webm'] });
    expect(TIER_SPECS.basic.fps).toEqual([24, 30]);
    expect(TIER_SPECS['reality-lab']).toMatchObject({ resolution: '1080p', maxSeconds: 30 });
    expect(TIER_SPECS['reality-lab'].fps).toEqual([24, 30, 60]);
    expect(TIER_SPECS['reality-lab'].formats).toEqual(['mp4', 'webm', 'mov']);
  });
});

describe('audio pricing', () => {
  it('holds every worked example from the docs', () => {
    const examples: Array<[number, number]> = [
      [5, 10],
      [10, 15],
      [15, 20],
      [30, 35],
      [60, 65],
      [120, 125],
      [5.2, 10],
    ];
    for (const [seconds, credits] of examples) expect(audioCost(seconds)).toBe(credits);
  });

  it('rejects negative or non-finite durations', () => {
    expect(() => audioCost(-1)).toThrow(PercifyValidationError);
    expect(() => audioCost(Number.POSITIVE_INFINITY)).toThrow(PercifyValidationError);
  });

  it('estimates speech at about 2.6 words a second, rounded up, at least 1 s', () => {
    expect(estimateSpeechSeconds('')).toBe(1);
    expect(estimateSpeechSeconds('hello')).toBe(1);
    expect(estimateSpeechSeconds('one two three')).toBe(2);
    const twentySixWords = Array.from({ length: 26 }, (_, index) => `word${index}`).join(' ');
    expect(estimateSpeechSeconds(twentySixWords)).toBe(10);
    expect(estimateSpeechSeconds(`${twentySixWords} extra`)).toBe(11);
    expect(estimateAudioCost(twentySixWords)).toBe(15);
  });
});

describe('expected processing time', () => {
  it('gives avatar times per model', () => {
    expect(expectedProcessingSeconds({ kind: 'avatar', model: 'flux' }).typical).toBe(4);
    expect(expectedProcessingSeconds({ kind: 'avatar', model: 'imagen3' }).typical).toBe(6.5);
    expect(expectedProcessingSeconds({ kind: 'avatar', model: 'reality4' })).toEqual({
      min: 6,
      max: 10,
      typical: 8,
    });
  });

  it('follows the documented video table, with Reality Lab 6–15 s filled in', () => {
    const video = (tier: 'basic' | 'reality-lab', durationSeconds: number) =>
      expectedProcessingSeconds({ kind: 'video', tier, durationSeconds });
    expect(video('basic', 3)).toMatchObject({ min: 20, max: 35 });
    expect(video('basic', 5)).toMatchObject({ min: 20, max: 35 });
    expect(video('basic', 6)).toMatchObject({ min: 40, max: 75 });
    expect(video('basic', 10)).toMatchObject({ min: 40, max: 75 });
    expect(video('reality-lab', 5)).toMatchObject({ min: 35, max: 60 });
    expect(video('reality-lab', 6)).toMatchObject({ min: 90, max: 150 });
    expect(video('reality-lab', 15)).toMatchObject({ min: 90, max: 150 });
    expect(video('reality-lab', 16)).toMatchObject({ min: 180, max: 300 });
    expect(video('reality-lab', 30)).toMatchObject({ min: 180, max: 300 });
    expect(() => video('basic', 11)).toThrow(PercifyValidationError);
  });

  it('gives audio 2–5 s', () => {
    expect(expectedProcessingSeconds({ kind: 'audio' })).toMatchObject({ min: 2, max: 5 });
  });
});
