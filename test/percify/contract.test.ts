import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPercifySimulator } from '../../sandbox/percify/index.js';
import {
  AuthenticationError,
  AvatarNotCompletedError,
  ContentPolicyError,
  errorFromResponse,
  InsufficientCreditsError,
  InvalidDurationError,
  InvalidImageError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  type Avatar,
  type Audio,
  PercifyClient,
  type PercifyClientOptions,
  RateLimitedError,
  type Video,
} from '../../src/services/percify/index.js';

/**
 * Contract tests: the client against the Percify simulator (sandbox/percify), which follows the
 * docs. Speed 2000 makes an 8 s generation take 4 ms. Each failure mode is switched on through the
 * simulator's `faults`.
 */

type Simulator = Awaited<ReturnType<typeof startPercifySimulator>>;

const KEY = 'pk_test_contract_key_0123456789';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BLOCKED = 'forbiddenword';

let sim: Simulator;
let client: PercifyClient;
const extraClients: PercifyClient[] = [];
const extraSims: Simulator[] = [];

function clientFor(target: Simulator, overrides: Partial<PercifyClientOptions> = {}): PercifyClient {
  const made = new PercifyClient({
    baseUrl: target.url,
    apiKey: KEY,
    retryBaseMs: 1,
    retryMaxMs: 5,
    timeoutMs: 5_000,
    rateLimitPerMinute: 10_000,
    ...overrides,
  });
  extraClients.push(made);
  return made;
}

async function until<T extends { status: string }>(read: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await read();
    if (current.status === 'completed' || current.status === 'failed') return current;
    if (Date.now() > deadline) throw new Error(`still ${current.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const completedAvatar = async (prompt = 'a calm knight in silver armour'): Promise<Avatar> => {
  const { avatars } = await client.generateAvatar({ prompt, model: 'flux' });
  const first = avatars[0];
  if (!first) throw new Error('no avatar');
  return until(() => client.getAvatar(first.id));
};

beforeAll(async () => {
  sim = await startPercifySimulator({
    port: 0,
    speed: 2000,
    initialCredits: 10_000,
    plan: 'enterprise',
    apiKey: KEY,
    blockedWords: [BLOCKED],
    // The simulator's own per-minute limit is tested separately below.
    rateLimitPerMinute: 100_000,
    // Small frames keep the real ffmpeg encode fast on shared CI machines.
    mediaScale: 0.1,
  });
  client = clientFor(sim);
});

afterEach(() => {
  sim.faults.serverErrorBurst = 0;
  sim.faults.rateLimitBurst = 0;
  sim.faults.hangBurst = 0;
  sim.faults.unreachable = false;
  sim.faults.failNextGenerations = 0;
});

afterAll(async () => {
  await Promise.all(extraClients.map((made) => made.close()));
  await Promise.all([sim, ...extraSims].map((target) => target.close()));
});

describe('round trips', () => {
  it('generates an avatar, polls it to completion and downloads a real PNG', async () => {
    const before = sim.credits();
    const { avatars, creditCost } = await client.generateAvatar({
      prompt: 'elegant elven sorceress, flowing robes',
      model: 'imagen3',
      aspectRatio: '1:1',
      guidanceScale: 12,
      seed: 42,
      idempotencyKey: 'contract-job-1',
    });
    expect(avatars).toHaveLength(1);
    expect(creditCost).toBe(5);
    const avatar = await until(() => client.getAvatar(avatars[0]?.id ?? ''));
    expect(avatar.status).toBe('completed');
    expect(avatar.imageUrl).toBeTypeOf('string');
    const media = await client.downloadMedia(avatar.imageUrl ?? '', { maxBytes: 20 * 1024 * 1024 });
    expect(media.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(sim.credits()).toBe(before - 5);
  });

  it('generates a batch of 4 and charges 4 × the model price', async () => {
    const before = sim.credits();
    const { avatars, creditCost } = await client.generateAvatar({
      prompt: 'space explorer',
      model: 'flux',
      batchSize: 4,
    });
    expect(avatars).toHaveLength(4);
    expect(new Set(avatars.map((avatar) => avatar.id)).size).toBe(4);
    expect(creditCost).toBe(8);
    const done = await Promise.all(avatars.map((avatar) => until(() => client.getAvatar(avatar.id))));
    expect(done.every((avatar) => avatar.status === 'completed')).toBe(true);
    expect(sim.credits()).toBe(before - 8);
  });

  it('sends the Idempotency-Key so a resent generation is not charged twice', async () => {
    const before = sim.credits();
    const first = await client.generateAvatar({
      prompt: 'a lone lighthouse keeper',
      idempotencyKey: 'job-idem-1',
    });
    const again = await client.generateAvatar({
      prompt: 'a lone lighthouse keeper',
      idempotencyKey: 'job-idem-1',
    });
    expect(again.avatars.map((avatar) => avatar.id)).toEqual(first.avatars.map((avatar) => avatar.id));
    await until(() => client.getAvatar(first.avatars[0]?.id ?? ''));
    expect(sim.credits()).toBe(before - 2);
  });

  it('lists and deletes avatars', async () => {
    const avatar = await completedAvatar();
    const page = await client.listAvatars({ limit: 100, status: 'completed' });
    expect(page.avatars.some((listed) => listed.id === avatar.id)).toBe(true);
    await client.deleteAvatar(avatar.id);
    await expect(client.getAvatar(avatar.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('animates an avatar into a video, adds speech and lists it', async () => {
    const avatar = await completedAvatar();
    const video = await client.createVideo({
      imageId: avatar.id,
      durationSeconds: 8,
      studioTier: 'basic',
      motionStyle: 'moderate',
    });
    expect(video.creditCost).toBe(48);
    const finished: Video = await until(() => client.getVideo(video.id), 20_000);
    expect(finished.status, JSON.stringify(finished.error)).toBe('completed');
    expect(finished.videoUrl).toBeTypeOf('string');
    const size = await client.probeMediaSize(finished.videoUrl ?? '');
    const clip = await client.downloadMedia(finished.videoUrl ?? '', { maxBytes: 50 * 1024 * 1024 });
    expect(clip.size).toBeGreaterThan(0);
    if (size !== undefined) expect(size).toBe(clip.size);

    const audio = await client.generateAudio({ text: 'Welcome to Percify!', voiceId: 'preset-narrator' });
    const spoken: Audio = await until(() => client.getAudio(audio.id));
    expect(spoken.status, JSON.stringify(spoken.error)).toBe('completed');
    const synced = await client.addAudio(video.id, { audioId: audio.id, enableLipSync: true });
    const withSound = await until(() => client.getVideo(synced.id), 20_000);
    expect(withSound.hasAudio).toBe(true);

    const list = await client.listVideos({ limit: 50 });
    expect(list.videos.some((listed) => listed.id === video.id)).toBe(true);
    await client.updateVideo(video.id, { title: 'Contract clip' });
    await client.deleteVideo(video.id);
    await expect(client.getVideo(video.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists voices and reads the balance', async () => {
    const voices = await client.listVoices();
    expect(voices.length).toBeGreaterThan(0);
    const balance = await client.getCreditBalance();
    expect(balance.balance).toBe(sim.credits());
  });
});

describe('errors from the simulator', () => {
  it('insufficient credits with the shortfall', async () => {
    const poor = await startPercifySimulator({
      port: 0,
      speed: 2000,
      initialCredits: 1,
      plan: 'pro',
      apiKey: KEY,
    });
    extraSims.push(poor);
    const error = await clientFor(poor)
      .generateAvatar({ prompt: 'a knight', model: 'imagen3' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ required: 5, available: 1, shortfall: 4 });
    expect(poor.credits()).toBe(1);
  });

  it('content policy with categories', async () => {
    const error = await client
      .generateAvatar({ prompt: `a ${BLOCKED} scene` })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentPolicyError);
    expect((error as ContentPolicyError).categories.length).toBeGreaterThan(0);
  });

  it('invalid image', async () => {
    await expect(
      client.createVideo({ imageId: 'avatar_doesnotexist', durationSeconds: 5 }),
    ).rejects.toBeInstanceOf(InvalidImageError);
  });

  it('avatar not completed', async () => {
    const slow = await startPercifySimulator({
      port: 0,
      speed: 1,
      initialCredits: 100,
      plan: 'pro',
      apiKey: KEY,
    });
    extraSims.push(slow);
    const slowClient = clientFor(slow);
    const { avatars } = await slowClient.generateAvatar({ prompt: 'a knight', model: 'flux' });
    await expect(
      slowClient.createVideo({ imageId: avatars[0]?.id ?? '', durationSeconds: 5 }),
    ).rejects.toBeInstanceOf(AvatarNotCompletedError);
  });

  it('invalid duration (sent raw: the client refuses to send it)', async () => {
    const avatar = await completedAvatar();
    const answer = await request(`${sim.url}/videos/from-image`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ imageId: avatar.id, durationSeconds: 11, studioTier: 'basic' }),
    });
    const body = await answer.body.json();
    expect(errorFromResponse({ status: answer.statusCode, body })).toBeInstanceOf(InvalidDurationError);
  });

  it('authentication', async () => {
    const stranger = clientFor(sim, { apiKey: 'pk_wrong_key' });
    await expect(stranger.getCreditBalance()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('not found', async () => {
    await expect(client.getAvatar('avatar_nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getVideo('video_nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rate limited with retryAfter, waited out when retries are allowed', async () => {
    sim.faults.rateLimitBurst = 1;
    sim.faults.retryAfterSeconds = 2;
    const impatient = clientFor(sim, { maxRetries: 0 });
    const error = await impatient.getCreditBalance().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(2);

    sim.faults.rateLimitBurst = 2;
    const waits: number[] = [];
    const patient = clientFor(sim, { sleep: async (ms) => void waits.push(ms) });
    await expect(patient.getCreditBalance()).resolves.toMatchObject({ balance: sim.credits() });
    expect(waits).toHaveLength(2);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(2_000);
  });
});

describe("the simulator's own rate limit", () => {
  it('is kept by the client-side limiter, and a 429 carries retryAfter', async () => {
    const strict = await startPercifySimulator({
      port: 0,
      speed: 2000,
      initialCredits: 100,
      apiKey: KEY,
      rateLimitPerMinute: 2,
    });
    extraSims.push(strict);
    // Our limiter matches the account: the third call waits for the window instead of earning a 429.
    let fakeNow = Date.now();
    const waits: number[] = [];
    const polite = clientFor(strict, {
      rateLimitPerMinute: 2,
      now: () => fakeNow,
      sleep: async (ms) => {
        waits.push(ms);
        fakeNow += ms;
      },
      maxRetries: 0,
    });
    await polite.getCreditBalance();
    await polite.getCreditBalance();
    // The simulator's window is real time, so this third call does get its 429 — with the wait.
    const error = await polite.getCreditBalance().catch((caught: unknown) => caught);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(55_000);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});

describe('failure modes', () => {
  it('retries reads through a burst of server errors', async () => {
    sim.faults.serverErrorBurst = 2;
    await expect(client.getCreditBalance()).resolves.toMatchObject({ balance: sim.credits() });
  });

  it('does not resend a generation that hung: outcome unknown', async () => {
    sim.faults.hangBurst = 1;
    const hurried = clientFor(sim, { timeoutMs: 300 });
    const before = sim.requests.length;
    const error = await hurried
      .generateAvatar({ prompt: 'a knight', model: 'flux', idempotencyKey: 'job-hang' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).idempotencyKey).toBe('job-hang');
    const generateCalls = sim.requests
      .slice(before)
      .filter((entry) => JSON.stringify(entry).includes('/avatars/generate'));
    expect(generateCalls).toHaveLength(1);
  });

  it('reports an unreachable API as NetworkError', async () => {
    sim.faults.unreachable = true;
    const error = await clientFor(sim, { maxRetries: 1 })
      .getCreditBalance()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('shows a failed generation as status failed', async () => {
    sim.faults.failNextGenerations = 1;
    const { avatars } = await client.generateAvatar({ prompt: 'a knight', model: 'flux' });
    const avatar = await until(() => client.getAvatar(avatars[0]?.id ?? ''));
    expect(avatar.status).toBe('failed');
  });
});
