import { galleries, replyButtons, replyText } from '../support/reply-parts.js';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VideoJob } from '../../src/services/jobs/job-record.js';
import { VideoJobKind } from '../../src/services/jobs/video-kind.js';
import { createI18n } from '../../src/services/i18n/index.js';
import { PercifyClient } from '../../src/services/percify/index.js';
import {
  API_KEY,
  type RecordedRequest,
  type ScriptedServer,
  startScriptedServer,
} from '../percify/scripted-server.js';
import { videoJob } from './fixtures.js';

/**
 * Where a finished video's size comes from: Percify's `fileSize` first, a HEAD only as a hint when
 * the answer has none, and the GET capped at the upload limit as the last word. The media host here
 * refuses HEAD the way CDN URLs signed for GET only do.
 */

const CLIP = Buffer.alloc(4_000, 7);

let server: ScriptedServer;
let percify: PercifyClient;
let fileSize: number | undefined;
let uploadLimit: number;
let kind: VideoJobKind;

const origin = () => new URL(server.url).origin;

function videoAnswer(response: ServerResponse) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      id: 'video_size1',
      status: 'completed',
      videoUrl: `${origin()}/media/video_size1.mp4`,
      thumbnailUrl: `${origin()}/media/video_size1_thumb.jpg`,
      durationSeconds: 5,
      format: 'mp4',
      ...(fileSize === undefined ? {} : { fileSize }),
    }),
  );
}

function answer(request: RecordedRequest, response: ServerResponse) {
  if (request.url.startsWith('/v1/videos/')) return videoAnswer(response);
  if (request.url === '/media/video_size1.mp4') {
    // Signed for GET only, and no content-length: only the streaming cap can tell the size.
    if (request.method === 'HEAD') return response.writeHead(403).end();
    response.writeHead(200, { 'content-type': 'video/mp4', 'transfer-encoding': 'chunked' });
    return response.end(CLIP);
  }
  response.writeHead(404).end();
}

function delivering(): VideoJob {
  return videoJob(
    { durationSeconds: 5 },
    {
      state: 'delivering',
      video: { videoId: 'video_size1', durationSeconds: 5, format: 'mp4', hasAudio: false, creditCost: 30 },
    },
  );
}

const mediaRequests = () =>
  server.requests.filter((r) => r.url.startsWith('/media/')).map((r) => `${r.method} ${r.url}`);

beforeAll(async () => {
  server = await startScriptedServer();
  server.fallback = answer;
  percify = new PercifyClient({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
  kind = new VideoJobKind(percify, { i18n: createI18n(), uploadLimitBytes: () => uploadLimit });
});

afterAll(async () => {
  await percify.close();
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  fileSize = undefined;
  uploadLimit = 10_000;
});

describe('the size of a video to deliver', () => {
  it('takes a refused HEAD as no hint and uploads what the capped GET brought', async () => {
    const { body } = await kind.renderResult(delivering());
    expect(body.files?.[0]?.data.equals(CLIP)).toBe(true);
    expect(mediaRequests()).toEqual(['HEAD /media/video_size1.mp4', 'GET /media/video_size1.mp4']);
  });

  it('links the video with its poster when the capped GET runs past the limit', async () => {
    uploadLimit = 1_000;
    const { body } = await kind.renderResult(delivering());
    expect(body.files).toBeUndefined();
    expect(replyButtons(body).find((b) => b.label === 'Open video')?.url).toBe(
      `${origin()}/media/video_size1.mp4`,
    );
    expect(galleries(body)).toEqual([[`${origin()}/media/video_size1_thumb.jpg`]]);
    expect(replyText(body)).toContain('larger than this server');
  });

  it("trusts Percify's fileSize: no HEAD, and no download of a file over the limit", async () => {
    fileSize = 50_000;
    const { body } = await kind.renderResult(delivering());
    expect(body.files).toBeUndefined();
    expect(replyText(body)).toMatch(/This video \(0\.0 MB\) is larger/);
    expect(mediaRequests()).toEqual([]);
  });

  it('downloads straight away when fileSize says it fits', async () => {
    fileSize = CLIP.length;
    const { body } = await kind.renderResult(delivering());
    expect(body.files?.[0]?.data.length).toBe(CLIP.length);
    expect(mediaRequests()).toEqual(['GET /media/video_size1.mp4']);
  });
});
