import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { signWebhookBody, startWebhookServer } from '../../src/services/webhooks/index.js';
import {
  deliver,
  guideEnvelope,
  request,
  SECRET,
  startTestListener,
  WEBHOOK_PATH,
  type TestListener,
} from './harness.js';

const MIB = 1024 * 1024;

describe('webhook listener: size limit, methods and paths', () => {
  let listener: TestListener;

  beforeAll(async () => {
    listener = await startTestListener();
  });
  afterAll(async () => {
    await listener.server.close();
  });

  it('answers 413 to a 2 MiB body', async () => {
    const huge = guideEnvelope('avatar.completed', 'evt_huge', {
      avatarId: 'a',
      padding: 'x'.repeat(2 * MIB),
    });
    const answer = await deliver(listener.server.url, huge);
    expect(answer.status).toBe(413);
  });

  it('refuses a declared 2 MiB body before any of it is sent', async () => {
    const { status } = await new Promise<{ status: number | undefined }>((resolve, reject) => {
      const outgoing = httpRequest(listener.server.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(2 * MIB) },
      });
      outgoing.on('response', (response) => {
        response.resume();
        resolve({ status: response.statusCode });
        outgoing.destroy();
      });
      outgoing.on('error', reject);
      outgoing.flushHeaders(); // headers only: the body is never written
    });
    expect(status).toBe(413);
  });

  it('answers 413 to Expect: 100-continue with a 2 MiB Content-Length without inviting the body', async () => {
    const result = await new Promise<{ status: number | undefined; invited: boolean }>((resolve, reject) => {
      let invited = false;
      const outgoing = httpRequest(listener.server.url, {
        method: 'POST',
        headers: { 'Content-Length': String(2 * MIB), Expect: '100-continue' },
      });
      outgoing.on('continue', () => {
        invited = true;
      });
      outgoing.on('response', (response) => {
        response.resume();
        resolve({ status: response.statusCode, invited });
        outgoing.destroy();
      });
      outgoing.on('error', reject);
      outgoing.flushHeaders();
    });
    expect(result).toEqual({ status: 413, invited: false });
  });

  it('invites and accepts a small body sent with Expect: 100-continue', async () => {
    const before = listener.recorder.events.length;
    const body = guideEnvelope('avatar.completed', 'evt_continue', { avatarId: 'avatar_continue' });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const outgoing = httpRequest(listener.server.url, {
        method: 'POST',
        headers: {
          'Content-Length': String(Buffer.byteLength(body)),
          Expect: '100-continue',
          'X-Percify-Signature': signWebhookBody(body, SECRET),
        },
      });
      outgoing.on('continue', () => outgoing.end(body));
      outgoing.on('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      outgoing.on('error', reject);
      outgoing.flushHeaders();
    });
    expect(status).toBe(200);
    await listener.recorder.waitFor(before + 1);
  });

  it('stops reading a chunked body as soon as it passes 1 MiB, without waiting for the rest', async () => {
    // The client sends 1 MiB + 64 KiB and then waits: a server that buffered the whole body before
    // answering would never answer, and this test would time out.
    const result = await new Promise<{ status: number | undefined; socketClosed: boolean }>(
      (resolve, reject) => {
        const outgoing = httpRequest(listener.server.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        });
        outgoing.on('error', () => undefined); // the server hangs up on the unread rest: expected
        outgoing.on('response', (response) => {
          response.resume();
          const status = response.statusCode;
          // The server must also drop the connection rather than keep reading the body.
          const socket = outgoing.socket;
          if (!socket || socket.destroyed) return resolve({ status, socketClosed: true });
          const timer = setTimeout(() => resolve({ status, socketClosed: false }), 2_000);
          socket.once('close', () => {
            clearTimeout(timer);
            resolve({ status, socketClosed: true });
          });
        });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        for (let sent = 0; sent <= MIB; sent += chunk.length) outgoing.write(chunk);
        setTimeout(() => reject(new Error('no answer while the body was still open')), 5_000).unref();
      },
    );
    expect(result).toEqual({ status: 413, socketClosed: true });
  });

  it('accepts a body just under the limit', async () => {
    const before = listener.recorder.events.length;
    const base = guideEnvelope('avatar.completed', 'evt_big_ok', { avatarId: 'avatar_big', padding: '' });
    const padding = 'p'.repeat(MIB - Buffer.byteLength(base));
    const body = guideEnvelope('avatar.completed', 'evt_big_ok', { avatarId: 'avatar_big', padding });
    expect(Buffer.byteLength(body)).toBe(MIB);
    expect((await deliver(listener.server.url, body)).status).toBe(200);
    await listener.recorder.waitFor(before + 1);
  });

  it('answers 405 with Allow: POST to other methods on the webhook path', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await request(listener.server.url, { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
    }
  });

  it('answers 404 to unknown paths, including near misses of the webhook path', async () => {
    for (const path of ['/', '/webhooks', `${WEBHOOK_PATH}/extra`, '/webhooks/percify2']) {
      const answer = await request(`${listener.origin}${path}`, { method: 'POST', body: '{}' });
      expect(answer.status, path).toBe(404);
    }
  });

  it('routes the webhook path when a query string is present', async () => {
    const answer = await deliver(`${listener.server.url}?source=test`, '{}');
    expect(answer.status).toBe(400); // reached the handler: signed, but not an envelope
  });
});

describe('webhook listener: start-up', () => {
  it('refuses to start without a secret and names PERCIFY_WEBHOOK_SECRET', async () => {
    for (const secret of [undefined, '']) {
      await expect(
        startWebhookServer({
          host: '127.0.0.1',
          port: 0,
          path: WEBHOOK_PATH,
          secret,
          logger: silentLogger(),
          onEvent: () => 'handled',
        }),
      ).rejects.toThrow(/PERCIFY_WEBHOOK_SECRET/);
    }
  });

  it('reports a busy port as a start-up error', async () => {
    const first = await startTestListener();
    try {
      await expect(startTestListener({ port: first.server.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.server.close();
    }
  });

  it('stops answering after close()', async () => {
    const temporary = await startTestListener();
    await temporary.server.close();
    await expect(fetch(temporary.server.url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
