import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, completedAvatar, errorOf, settle, startSim, type Simulator } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSim({ blockedWords: ['forbiddenword'], mediaScale: 0.25 });
});
afterAll(() => sim.close());

describe('prices and credits', () => {
  it('charges flux 2, imagen3 5 and a batch of 4 flux 8, on completion', async () => {
    const before = sim.credits();
    const flux = await call(sim, 'POST', '/avatars/generate', { prompt: 'knight', model: 'flux' });
    expect(flux.body.creditCost).toBe(2);
    const imagen = await call(sim, 'POST', '/avatars/generate', { prompt: 'knight', model: 'imagen3' });
    expect(imagen.body.creditCost).toBe(5);
    const batch = await call(sim, 'POST', '/avatars/generate', { prompt: 'knight', batchSize: 4, seed: 7 });
    expect(batch.body.creditCost).toBe(8);
    const avatars = batch.body.avatars as Array<{ id: string; seed: number }>;
    expect(avatars.map((avatar) => avatar.seed)).toEqual([7, 8, 9, 10]);
    for (const id of [flux.body.id, imagen.body.id, ...avatars.map((avatar) => avatar.id)]) {
      expect((await settle(sim, `/avatars/${String(id)}`)).status).toBe('completed');
    }
    expect(before - sim.credits()).toBe(15);
  });

  it('prices an 8 s basic video 48 and a 10 s reality-lab video 40', async () => {
    const avatar = await completedAvatar(sim);
    const basic = await call(sim, 'POST', '/videos/from-image', { imageId: avatar.id, durationSeconds: 8 });
    expect(basic.body).toMatchObject({ creditCost: 48, resolution: '720p', studioTier: 'basic' });
    const lab = await call(sim, 'POST', '/videos/from-image', {
      imageId: avatar.id,
      durationSeconds: 10,
      studioTier: 'reality-lab',
    });
    expect(lab.body).toMatchObject({ creditCost: 40, resolution: '1080p' });
  });

  it('explains a short balance with the video calculation', async () => {
    const poor = await startSim({ initialCredits: 40, mediaScale: 0.25 });
    try {
      const avatar = await completedAvatar(poor);
      const answer = await call(poor, 'POST', '/videos/from-image', {
        imageId: avatar.id,
        durationSeconds: 8,
      });
      expect(answer.status).toBe(402);
      expect(errorOf(answer)).toMatchObject({
        code: 'insufficient_credits',
        details: { required: 48, available: 38, calculation: { base: 30, additional: 18, total: 48 } },
      });
      expect(errorOf(answer).message).toContain('8-second video');
    } finally {
      await poor.close();
    }
  });

  it('charges audio 5 + its rounded duration', async () => {
    const text = Array.from({ length: 39 }, () => 'word').join(' '); // 39 words / 2.6 = 15 s
    const answer = await call(sim, 'POST', '/audio/generate', { text, voiceId: 'preset-narrator' });
    expect(answer.body.durationSeconds).toBeCloseTo(15, 0);
    expect(answer.body.creditCost).toBe(20);
  });

  it('does not charge a failed generation', async () => {
    const before = sim.credits();
    sim.faults.failNextGenerations = 1;
    const answer = await call(sim, 'POST', '/avatars/generate', { prompt: 'knight', model: 'imagen3' });
    const done = await settle(sim, `/avatars/${String(answer.body.id)}`);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'content_policy_violation' });
    expect(sim.credits()).toBe(before);
  });
});

describe('requests Percify refuses', () => {
  it('answers 401 without a key or with a wrong one', async () => {
    expect(errorOf(await call(sim, 'GET', '/user/credits/balance', undefined, { key: null })).code).toBe(
      'authentication_required',
    );
    expect((await call(sim, 'GET', '/user/credits/balance', undefined, { key: 'nope' })).status).toBe(401);
  });

  it.each([
    [{ prompt: '' }, 'prompt'],
    [{ prompt: 'x', model: 'dalle' }, 'model'],
    [{ prompt: 'x', aspectRatio: '2:1' }, 'aspectRatio'],
    [{ prompt: 'x', guidanceScale: 21 }, 'guidanceScale'],
    [{ prompt: 'x', batchSize: 5 }, 'batchSize'],
    [{ prompt: 'x', seed: -1 }, 'seed'],
    [{ prompt: 'x', stylePreset: 'vaporwave' }, 'stylePreset'],
  ])('rejects avatar body %j naming %s', async (body, field) => {
    const answer = await call(sim, 'POST', '/avatars/generate', body);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('invalid_request');
    expect(JSON.stringify(errorOf(answer))).toContain(field);
  });

  it('refuses blocked prompts with categories', async () => {
    const answer = await call(sim, 'POST', '/avatars/generate', { prompt: 'a forbiddenword scene' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      code: 'invalid_prompt',
      details: { reason: 'prohibited_content' },
    });
  });

  it('validates video requests', async () => {
    const avatar = await completedAvatar(sim);
    const post = (body: Record<string, unknown>) => call(sim, 'POST', '/videos/from-image', body);
    expect(errorOf(await post({ imageId: 'avatar_unknown00000', durationSeconds: 5 })).code).toBe(
      'invalid_image',
    );
    expect(errorOf(await post({ imageId: avatar.id, durationSeconds: 11 })).code).toBe('invalid_duration');
    expect(errorOf(await post({ imageId: avatar.id, durationSeconds: 2 })).code).toBe('invalid_duration');
    expect((await post({ imageId: avatar.id, durationSeconds: 5, fps: 60 })).status).toBe(400);
    expect((await post({ imageId: avatar.id, durationSeconds: 5, outputFormat: 'mov' })).status).toBe(400);
  });

  it('validates audio requests and add-audio', async () => {
    const long = await call(sim, 'POST', '/audio/generate', {
      text: 'x'.repeat(5001),
      voiceId: 'preset-narrator',
    });
    expect(errorOf(long).code).toBe('text_too_long');
    const voice = await call(sim, 'POST', '/audio/generate', { text: 'hi', voiceId: 'voice_nobody' });
    expect(voice.status).toBe(404);
    expect(errorOf(voice).code).toBe('voice_not_found');
  });

  it('speaks any of the 29 languages of §6.4 and refuses another code, as Percify does', async () => {
    const spoken = await call(sim, 'POST', '/audio/generate', {
      text: 'こんにちは',
      voiceId: 'preset-narrator',
      language: 'ja-jp',
    });
    expect(spoken.status).toBe(200);
    expect(spoken.body.language).toBe('ja-JP');
    for (const language of ['tlh-QO', 'ja', 42]) {
      const refused = await call(sim, 'POST', '/audio/generate', {
        text: 'hi',
        voiceId: 'preset-narrator',
        language,
      });
      expect(refused.status, String(language)).toBe(400);
      expect(errorOf(refused), String(language)).toMatchObject({
        code: 'unsupported_language',
        details: { field: 'language' },
      });
    }
  });

  it('answers 404 for unknown ids and routes', async () => {
    expect(errorOf(await call(sim, 'GET', '/avatars/avatar_nope')).code).toBe('avatar_not_found');
    expect((await call(sim, 'GET', '/videos/video_nope')).status).toBe(404);
    expect(errorOf(await call(sim, 'GET', '/nothing-here')).code).toBe('not_found');
  });
});

describe('protocol', () => {
  it('replays an Idempotency-Key without a second generation', async () => {
    const headers = { 'idempotency-key': 'fidelity-replay-1' };
    const first = await call(sim, 'POST', '/avatars/generate', { prompt: 'replayed' }, { headers });
    const count = sim.avatars().length;
    const second = await call(sim, 'POST', '/avatars/generate', { prompt: 'replayed' }, { headers });
    expect(second.body.id).toBe(first.body.id);
    expect(sim.avatars().length).toBe(count);
  });

  it('lists newest first with offset pagination', async () => {
    await completedAvatar(sim, { prompt: 'older' });
    await completedAvatar(sim, { prompt: 'newer' });
    const page = await call(sim, 'GET', '/avatars?limit=1&offset=0&status=completed');
    expect((page.body.avatars as Array<{ prompt: string }>)[0]?.prompt).toBe('newer');
    expect(page.body.pagination).toMatchObject({ limit: 1, offset: 0, hasMore: true });
  });

  it('voices and balance', async () => {
    const voices = await call(sim, 'GET', '/voices');
    const ids = (voices.body.voices as Array<{ id: string }>).map((voice) => voice.id);
    expect(ids).toEqual(expect.arrayContaining(['preset-narrator', 'voice_sandbox01']));
    const balance = await call(sim, 'GET', '/user/credits/balance');
    expect(balance.body).toMatchObject({ balance: sim.credits(), tier: 'enterprise' });
  });
});

describe('limits', () => {
  it('rate limits per minute with retryAfter and headers', async () => {
    const limited = await startSim({ speed: 1, rateLimitPerMinute: 3 });
    try {
      const answers = [];
      for (let i = 0; i < 4; i += 1) answers.push(await call(limited, 'GET', '/voices'));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0]?.headers.get('x-ratelimit-limit')).toBe('3');
      expect(answers[1]?.headers.get('x-ratelimit-remaining')).toBe('1');
      expect(Number(answers[0]?.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      const last = answers[3];
      if (!last) throw new Error('no answer');
      expect(errorOf(last)).toMatchObject({
        code: 'rate_limit_exceeded',
        details: { limit: 3, window: '1m' },
      });
      expect(errorOf(last).details?.retryAfter).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('free plan: a second job stays queued until the first finishes', async () => {
    const free = await startSim({ plan: 'free', speed: 20 });
    try {
      const first = await call(free, 'POST', '/avatars/generate', { prompt: 'one' });
      const second = await call(free, 'POST', '/avatars/generate', { prompt: 'two' });
      expect(first.body.status).toBe('processing');
      expect(second.body.status).toBe('queued');
      expect(free.inFlight()).toBe(1);
      await settle(free, `/avatars/${String(first.body.id)}`);
      const later = await call(free, 'GET', `/avatars/${String(second.body.id)}`);
      expect(['processing', 'completed']).toContain(later.body.status);
    } finally {
      await free.close();
    }
  });
});

describe('fault switches', () => {
  it('serverErrorBurst, rateLimitBurst and generationFailureRate', async () => {
    sim.faults.serverErrorBurst = 1;
    const broken = await call(sim, 'GET', '/voices');
    expect(broken.status).toBe(500);
    expect(errorOf(broken).code).toBe('internal_error');
    sim.faults.rateLimitBurst = 1;
    sim.faults.retryAfterSeconds = 3;
    const limited = await call(sim, 'GET', '/voices');
    expect(errorOf(limited)).toMatchObject({ code: 'rate_limit_exceeded', details: { retryAfter: 3 } });
    expect((await call(sim, 'GET', '/voices')).status).toBe(200);
    sim.faults.generationFailureRate = 1;
    const avatar = await call(sim, 'POST', '/avatars/generate', { prompt: 'doomed' });
    sim.faults.generationFailureRate = 0;
    expect((await settle(sim, `/avatars/${String(avatar.body.id)}`)).status).toBe('failed');
  });

  it('latencyMs delays answers; unreachable resets connections; hangBurst holds one', async () => {
    sim.faults.latencyMs = 150;
    const started = Date.now();
    await call(sim, 'GET', '/voices');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.faults.latencyMs = 0;
    sim.faults.unreachable = true;
    await expect(call(sim, 'GET', '/voices')).rejects.toThrow();
    sim.faults.unreachable = false;
    sim.faults.hangBurst = 1;
    const hung = await Promise.race([
      call(sim, 'GET', '/voices').then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 300)),
    ]);
    expect(hung).toBe('hung');
    expect((await call(sim, 'GET', '/voices')).status).toBe(200);
  });
});
