import { replyText } from '../support/reply-parts.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../src/services/jobs/job-kind.js';
import type { JobRecord, VideoJob } from '../../src/services/jobs/job-record.js';
import { VideoJobKind } from '../../src/services/jobs/video-kind.js';
import { PercifyClient } from '../../src/services/percify/index.js';
import { SPEECH, videoJob } from './fixtures.js';
import { startLipSyncServer, type LipSyncServer } from './lipsync-server.js';
import { createI18n } from '../../src/services/i18n/index.js';

/**
 * "Failed work costs nothing": when lip-sync fails after the video rendered, the member gets the
 * silent video and pays for the video alone; when there is no silent video to give, the job fails.
 */

let server: LipSyncServer;
let percify: PercifyClient;
let kind: VideoJobKind;

function asVideo(job: JobRecord): VideoJob {
  if (job.kind !== 'video') throw new Error('not a video job');
  return job;
}

/** Runs every stage to its end; each resource in this stand-in is done on its first look. */
async function run(start: VideoJob): Promise<{ outcome: CheckOutcome; job: VideoJob }> {
  let job = start;
  for (let stage = 0; stage < 4; stage++) {
    const accepted = await kind.submit(job);
    if (accepted.status !== 'accepted') throw new Error(JSON.stringify(accepted));
    job = asVideo(accepted.job);
    const outcome = await kind.check(job);
    if (outcome.status !== 'next-stage') return { outcome, job };
    job = asVideo(outcome.job);
  }
  throw new Error('too many stages');
}

beforeAll(async () => {
  server = await startLipSyncServer();
  percify = new PercifyClient({ baseUrl: server.url, apiKey: 'test', retryBaseMs: 1, retryMaxMs: 5 });
  kind = new VideoJobKind(percify, { i18n: createI18n(), uploadLimitBytes: () => 10 * 1024 * 1024 });
});

afterAll(async () => {
  await percify.close();
  await server.close();
});

describe('a failed lip-sync', () => {
  it('delivers the silent video and charges the video only', async () => {
    server.mode = 'new-video-fails';
    const { outcome, job } = await run(videoJob({ speech: SPEECH }, { reservedCredits: 56 }));
    expect(outcome).toMatchObject({ status: 'completed', creditCost: 48 });
    if (outcome.status !== 'completed') return;
    const delivered = asVideo(outcome.job);
    expect(delivered.video).toMatchObject({ hasAudio: false, creditCost: 48 });
    expect(delivered.video?.videoId).not.toBe(job.percifyIds.at(-1));
  });

  it('fails naming lip-sync when the video was re-rendered in place and is gone', async () => {
    server.mode = 'in-place-fails';
    const { outcome, job } = await run(videoJob({ speech: SPEECH }, { id: 'jinplace' }));
    expect(outcome).toMatchObject({ status: 'failed', stage: 'lipsync' });
    if (outcome.status !== 'failed') return;
    const reason = createI18n().translator('en').render(outcome.reason);
    expect(reason).toMatch(/^Percify could not finish this one.*Try again in a moment\.$/);
    expect(replyText(kind.renderFailure(job, reason))).toContain('Lip-sync failed');
  });

  it('fails naming lip-sync when a voice for an older video cannot be added', async () => {
    server.mode = 'new-video-fails';
    const plain = await run(videoJob({}, { id: 'jolder' }));
    if (plain.outcome.status !== 'completed') throw new Error('setup video failed');
    const videoId = asVideo(plain.outcome.job).video?.videoId ?? '';
    const { outcome } = await run(
      videoJob({ speech: SPEECH, existingVideoId: videoId }, { id: 'jaddvoice' }),
    );
    expect(outcome).toMatchObject({ status: 'failed', stage: 'lipsync' });
  });
});
