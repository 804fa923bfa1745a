import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPercifySimulator } from '../../sandbox/percify/index.js';
import { silentLogger } from '../../src/logger.js';
import type { CheckOutcome } from '../../src/services/jobs/job-kind.js';
import type { JobRecord, VideoJob } from '../../src/services/jobs/job-record.js';
import { VideoJobKind } from '../../src/services/jobs/video-kind.js';
import { audioCost, PercifyClient, type Avatar } from '../../src/services/percify/index.js';
import { SPEECH, expectDiscordAccepts, field, videoJob } from './fixtures.js';
import { galleries, replyButtons, replyText } from '../support/reply-parts.js';
import { createI18n } from '../../src/services/i18n/index.js';

/**
 * The video kind against the Percify simulator over real HTTP, driven the way the runner drives it:
 * submit the current stage, check until it is no longer pending, submit again on 'next-stage'.
 * Speed 2000 turns an 8 s Basic render (about 57 s) into about 30 ms.
 */

type Simulator = Awaited<ReturnType<typeof startPercifySimulator>>;

const KEY = 'pk_test_video_kind_0123456789';
const MIB = 1024 * 1024;

let sim: Simulator;
let percify: PercifyClient;
let kind: VideoJobKind;
let uploadLimit = 25 * MIB;
let avatar: Avatar;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function asVideo(job: JobRecord): VideoJob {
  if (job.kind !== 'video') throw new Error('not a video job');
  return job;
}

interface Run {
  outcome: Exclude<CheckOutcome, { status: 'pending' | 'next-stage' }>;
  job: VideoJob;
  /** The request each submit sent, in order. */
  submitted: string[];
}

/** Submits and checks stage after stage until the job completes or fails. */
async function drive(
  start: VideoJob,
  options: { accepted?: boolean; beforeSubmit?: (job: VideoJob) => void } = {},
): Promise<Run> {
  let job: VideoJob = { ...start, state: options.accepted ? 'processing' : 'submitting' };
  const submitted: string[] = [];
  const deadline = Date.now() + 15_000;
  for (let first = true; ; first = false) {
    if (!(first && options.accepted)) {
      options.beforeSubmit?.(job);
      const before = sim.requests.length;
      const accepted = await kind.submit(job);
      if (accepted.status !== 'accepted') throw new Error(`submit: ${JSON.stringify(accepted)}`);
      submitted.push(...sim.requests.slice(before).map(requestLine));
      job = { ...asVideo(accepted.job), state: 'processing' };
    }
    let outcome: CheckOutcome;
    do {
      if (Date.now() > deadline) throw new Error('job still pending after 15 s');
      await sleep(5);
      outcome = await kind.check(job);
    } while (outcome.status === 'pending');
    if (outcome.status !== 'next-stage') {
      return { outcome, job: outcome.status === 'completed' ? asVideo(outcome.job) : job, submitted };
    }
    job = { ...asVideo(outcome.job), state: 'submitting' };
  }
}

function requestLine(entry: unknown): string {
  const { method, path, url } = entry as { method?: string; path?: string; url?: string };
  return `${method ?? '?'} ${new URL(path ?? url ?? '/', 'http://x').pathname}`;
}

async function completedAvatar(): Promise<Avatar> {
  const { avatars } = await percify.generateAvatar({ prompt: 'portrait of a friendly robot', model: 'flux' });
  const id = avatars[0]?.id ?? '';
  for (;;) {
    const current = await percify.getAvatar(id);
    if (current.status === 'completed') return current;
    if (current.status === 'failed') throw new Error('avatar failed');
    await sleep(5);
  }
}

beforeAll(async () => {
  sim = await startPercifySimulator({
    port: 0,
    speed: 2000,
    mediaScale: 0.25,
    initialCredits: 10_000,
    plan: 'enterprise',
    apiKey: KEY,
    logger: silentLogger(),
  });
  percify = new PercifyClient({
    baseUrl: sim.url,
    apiKey: KEY,
    retryBaseMs: 1,
    retryMaxMs: 5,
    timeoutMs: 5_000,
    rateLimitPerMinute: 100_000,
  });
  kind = new VideoJobKind(percify, { i18n: createI18n(), uploadLimitBytes: () => uploadLimit });
  avatar = await completedAvatar();
});

afterEach(() => {
  sim.faults.failNextGenerations = 0;
  uploadLimit = 25 * MIB;
});

afterAll(async () => {
  await percify.close();
  await sim.close();
});

describe('video jobs against the simulator', () => {
  it('renders a plain video in one stage, charges what Percify charged, and uploads it', async () => {
    const before = sim.credits();
    const { outcome, job, submitted } = await drive(videoJob({ avatarId: avatar.id }));
    expect(submitted.filter((line) => line.startsWith('POST'))).toEqual(['POST /v1/videos/from-image']);
    expect(outcome).toMatchObject({ status: 'completed', creditCost: 48 });
    expect(before - sim.credits()).toBe(48);
    expect(job.video).toMatchObject({ durationSeconds: 8, hasAudio: false, creditCost: 48 });
    expect(job.percifyIds).toEqual([job.video?.videoId]);

    const { body } = await kind.renderResult({ ...job, chargedCredits: 48 });
    expect(body.files).toHaveLength(1);
    const file = body.files![0]!;
    expect(file.name).toBe('video.mp4');
    expect(file.data.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(field(body, 'Voice')).toBe('No');
    expect(field(body, 'Charged')).toBe('48 credits');
    expectDiscordAccepts(body);

    const delivered = kind.afterDelivery(
      { ...job },
      {
        attachments: [{ url: 'https://cdn.discordapp.com/attachments/1/2/video.mp4', filename: 'video.mp4' }],
      },
    );
    expect(asVideo(delivered).video?.discordUrl).toBe('https://cdn.discordapp.com/attachments/1/2/video.mp4');
  });

  it('speaks: audio -> video -> lip-sync, and charges audio + video from the API figures', async () => {
    const before = sim.credits();
    const { outcome, job, submitted } = await drive(
      videoJob({ avatarId: avatar.id, speech: SPEECH }, { id: 'jspeech1' }),
    );
    expect(submitted.filter((line) => line.startsWith('POST'))).toEqual([
      'POST /v1/audio/generate',
      'POST /v1/videos/from-image',
      expect.stringMatching(/^POST \/v1\/videos\/[^/]+\/add-audio$/),
    ]);
    if (outcome.status !== 'completed') throw new Error(JSON.stringify(outcome));
    const audio = await percify.getAudio(job.audioId ?? '');
    expect(audio.creditCost).toBe(audioCost(audio.durationSeconds ?? 0));
    expect(outcome.creditCost).toBe(48 + (audio.creditCost ?? NaN));
    expect(before - sim.credits()).toBe(outcome.creditCost);
    expect(job.video?.hasAudio).toBe(true);
    expect(job.percifyIds).toContain(job.audioId);
    expect(job.percifyIds).toContain(job.video?.videoId);
    const finished = await percify.getVideo(job.video?.videoId ?? '');
    expect(finished.hasAudio).toBe(true);

    const { body } = await kind.renderResult({ ...job, chargedCredits: outcome.creditCost });
    expect(field(body, 'Voice')).toBe('Yes');
    expectDiscordAccepts(body);
  });

  it('adds a voice to a finished video: audio -> lip-sync, charging the audio only', async () => {
    const plain = await drive(videoJob({ avatarId: avatar.id }, { id: 'jplain2' }));
    const videoId = plain.job.video?.videoId ?? '';
    const { outcome, job, submitted } = await drive(
      videoJob({ avatarId: avatar.id, speech: SPEECH, existingVideoId: videoId }, { id: 'jvoice2' }),
    );
    expect(submitted.filter((line) => line.startsWith('POST'))).toEqual([
      'POST /v1/audio/generate',
      `POST /v1/videos/${videoId}/add-audio`,
    ]);
    if (outcome.status !== 'completed') throw new Error(JSON.stringify(outcome));
    const audio = await percify.getAudio(job.audioId ?? '');
    expect(outcome.creditCost).toBe(audio.creditCost);
    expect(job.video?.hasAudio).toBe(true);
    const { body } = await kind.renderResult(job);
    expect(replyText(body)).toContain('### ✅ Voice added');
    // The video has a voice now: the next step offered replaces it.
    expect(replyButtons(body)[0]?.label).toBe('Replace voice');
  });

  it('fails in the video stage with the stage named, after the voice was made', async () => {
    const { outcome, job } = await drive(
      videoJob({ avatarId: avatar.id, speech: SPEECH }, { id: 'jfail3', reservedCredits: 58 }),
      {
        // The voice is made; the video render is the generation that fails.
        beforeSubmit: (current) => {
          if (current.audioId) sim.faults.failNextGenerations = 1;
        },
      },
    );
    expect(outcome).toMatchObject({ status: 'failed', stage: 'video' });
    if (outcome.status !== 'failed') return;
    expect(job.audioId).toBeDefined();
    // Why (a failed render, not a policy block), with the stage named in front by the renderer.
    const reason = createI18n().translator('en').render(outcome.reason);
    expect(reason).toMatch(/^Percify could not finish this one/);
    const body = kind.renderFailure(job, reason);
    expect(replyText(body)).toContain('The video could not be rendered (step 2 of 3).');
    expect(replyText(body)).toContain('Nothing was charged');
    expectDiscordAccepts(body);
  });

  it('refuses a missing avatar with words about the avatar, not a raw error', async () => {
    const outcome = await kind.submit(videoJob({ avatarId: 'avatar_doesnotexist' }, { id: 'jmissing' }));
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused')
      expect(createI18n().translator('en').render(outcome.reason)).toContain(
        "could not open this avatar's image",
      );
  });

  it('links a video over the upload limit instead of downloading it', async () => {
    const { job } = await drive(videoJob({ avatarId: avatar.id }, { id: 'jbig4' }));
    uploadLimit = 1_000;
    const before = sim.requests.length;
    const { body, job: shown } = await kind.renderResult(job);
    expect(body.files).toBeUndefined();
    const remote = await percify.getVideo(job.video?.videoId ?? '');
    expect(replyButtons(body).find((b) => b.label === 'Open video')?.url).toBe(remote.videoUrl);
    expect(galleries(body)).toEqual([[remote.thumbnailUrl]]);
    expect(replyText(body)).toContain('larger than this server');
    // Probed, never downloaded.
    const downloads = sim.requests
      .slice(before)
      .filter((entry) => entry.method === 'GET' && (remote.videoUrl ?? '').endsWith(entry.path));
    expect(downloads).toEqual([]);
    expectDiscordAccepts(body);
    const after = asVideo(kind.afterDelivery(shown, { attachments: [] }));
    expect(after.video?.linkedUrl).toBe(remote.videoUrl);
  });

  it('reconciles a lost submit: finds the video it created, and nothing when none was made', async () => {
    const job = videoJob({ avatarId: avatar.id, durationSeconds: 5 }, { id: 'jlost5', state: 'submitting' });
    expect(await kind.reconcile(job)).toEqual({ status: 'absent' });
    // The request reached Percify, but its answer never came back.
    const lost = await percify.createVideo({
      imageId: avatar.id,
      durationSeconds: 5,
      studioTier: 'basic',
      motionStyle: 'moderate',
      fps: 30,
      outputFormat: 'mp4',
      idempotencyKey: 'jlost5-video',
    });
    const found = await kind.reconcile(job);
    expect(found.status).toBe('found');
    if (found.status !== 'found') return;
    expect(found.job.percifyIds).toEqual([lost.id]);
    const { outcome } = await drive(asVideo(found.job), { accepted: true });
    expect(outcome).toMatchObject({ status: 'completed', creditCost: 30 });
  });
});
