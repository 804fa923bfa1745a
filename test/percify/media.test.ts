import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  downloadMedia,
  MediaDownloadError,
  MediaOriginError,
  MediaTooLargeError,
  PercifyClient,
  probeMediaSize,
} from '../../src/services/percify/index.js';
import { API_KEY, type ScriptedServer, startScriptedServer } from './scripted-server.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(1000, 7)]);

let server: ScriptedServer;
let origin: string;
let streamAborted: boolean;

beforeAll(async () => {
  server = await startScriptedServer();
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  streamAborted = false;
  server.fallback = (request, response) => {
    const path = request.url;
    if (path === '/avatars/a.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
      response.end(request.method === 'HEAD' ? undefined : png);
    } else if (path === '/endless.mp4') {
      // Chunked, no content-length: only the streaming cap can stop it.
      response.writeHead(200, { 'content-type': 'video/mp4' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (response.write(chunk)) {
          if (response.destroyed) return;
        }
      };
      response.on('drain', pump);
      response.on('close', () => {
        streamAborted = !response.writableFinished;
      });
      pump();
    } else if (path === '/huge.mp4') {
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(500 * 1024 * 1024) });
      response.write(Buffer.alloc(10));
    } else if (path?.startsWith('/signed/')) {
      // A CDN URL signed for GET only: HEAD is refused with the status in the path.
      if (request.method === 'HEAD') response.writeHead(Number(path.slice('/signed/'.length))).end();
      else response.writeHead(200, { 'content-type': 'video/mp4' }).end(png);
    } else if (path === '/moved') {
      response.writeHead(302, { location: '/avatars/a.png' });
      response.end();
    } else if (path === '/escape') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('missing');
    }
  };
});

describe('downloadMedia', () => {
  it('downloads allowed media with its type and size', async () => {
    const media = await downloadMedia(`${origin}/avatars/a.png`, {
      maxBytes: 10_000,
      allowedOrigins: [origin],
    });
    expect(media.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(media.size).toBe(png.length);
    expect(media.contentType).toBe('image/png');
  });

  it('refuses origins not on the list without sending anything', async () => {
    const before = server.requests.length;
    const other = `http://localhost:${server.port}/avatars/a.png`;
    await expect(downloadMedia(other, { maxBytes: 10_000, allowedOrigins: [origin] })).rejects.toBeInstanceOf(
      MediaOriginError,
    );
    await expect(
      downloadMedia('file:///etc/passwd', { maxBytes: 10_000, allowedOrigins: [origin] }),
    ).rejects.toBeInstanceOf(MediaOriginError);
    await expect(
      downloadMedia('not a url', { maxBytes: 10, allowedOrigins: [origin] }),
    ).rejects.toBeInstanceOf(MediaOriginError);
    expect(server.requests.length).toBe(before);
  });

  it('stops a stream past the byte cap and aborts the transfer', async () => {
    const error = await downloadMedia(`${origin}/endless.mp4`, {
      maxBytes: 1_000_000,
      allowedOrigins: [origin],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MediaTooLargeError);
    await expect.poll(() => streamAborted, { timeout: 2_000 }).toBe(true);
  });

  it('refuses at once when content-length is over the cap', async () => {
    const started = performance.now();
    await expect(
      downloadMedia(`${origin}/huge.mp4`, { maxBytes: 8 * 1024 * 1024, allowedOrigins: [origin] }),
    ).rejects.toThrow(/limit 8388608/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('follows redirects only within the allowed origins', async () => {
    const media = await downloadMedia(`${origin}/moved`, { maxBytes: 10_000, allowedOrigins: [origin] });
    expect(media.size).toBe(png.length);
    await expect(
      downloadMedia(`${origin}/escape`, { maxBytes: 10_000, allowedOrigins: [origin] }),
    ).rejects.toBeInstanceOf(MediaOriginError);
  });

  it('reports a missing file as MediaDownloadError with the status', async () => {
    const error = await downloadMedia(`${origin}/nope.png`, {
      maxBytes: 100,
      allowedOrigins: [origin],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MediaDownloadError);
    expect((error as MediaDownloadError).status).toBe(404);
  });
});

describe('probeMediaSize', () => {
  it('reads content-length with a HEAD request', async () => {
    const before = server.requests.length;
    expect(await probeMediaSize(`${origin}/avatars/a.png`, { allowedOrigins: [origin] })).toBe(png.length);
    expect(server.requests[before]?.method).toBe('HEAD');
  });

  it.each([403, 404, 405, 500])(
    'gives no hint when HEAD answers %i, and the GET still works',
    async (status) => {
      const url = `${origin}/signed/${status}`;
      expect(await probeMediaSize(url, { allowedOrigins: [origin] })).toBeUndefined();
      const media = await downloadMedia(url, { maxBytes: 10_000, allowedOrigins: [origin] });
      expect(media.size).toBe(png.length);
    },
  );

  it('gives no hint when the host does not answer at all', async () => {
    const closed = 'http://127.0.0.1:9'; // the discard port: nothing listens there
    expect(await probeMediaSize(`${closed}/v.mp4`, { allowedOrigins: [closed] })).toBeUndefined();
  });

  it('still refuses an origin outside the list', async () => {
    const other = `http://localhost:${server.port}/avatars/a.png`;
    await expect(probeMediaSize(other, { allowedOrigins: [origin] })).rejects.toBeInstanceOf(
      MediaOriginError,
    );
  });
});

describe('client media helpers', () => {
  it('allow the API origin and never send the API key to the media host', async () => {
    const client = new PercifyClient({ baseUrl: `${origin}/v1`, apiKey: API_KEY });
    try {
      const before = server.requests.length;
      const media = await client.downloadMedia(`${origin}/avatars/a.png`, { maxBytes: 10_000 });
      expect(media.size).toBe(png.length);
      expect(await client.probeMediaSize(`${origin}/avatars/a.png`)).toBe(png.length);
      for (const request of server.requests.slice(before))
        expect(request.headers.authorization).toBeUndefined();
      await expect(
        client.downloadMedia(`http://localhost:${server.port}/avatars/a.png`, { maxBytes: 10_000 }),
      ).rejects.toBeInstanceOf(MediaOriginError);
    } finally {
      await client.close();
    }
  });
});
