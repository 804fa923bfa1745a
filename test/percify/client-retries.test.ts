import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  NetworkError,
  OutcomeUnknownError,
  PercifyClient,
  type PercifyClientOptions,
  RateLimitedError,
  type RequestInfo,
  ServerError,
  TierLimitError,
  TimeoutError,
} from '../../src/services/percify/index.js';
import {
  API_KEY,
  avatarJson,
  fakeClock,
  hang,
  json,
  reset,
  type ScriptedServer,
  startScriptedServer,
} from './scripted-server.js';

let server: ScriptedServer;
let client: PercifyClient;
let clock: ReturnType<typeof fakeClock>;
let attempts: RequestInfo[];

function makeClient(overrides: Partial<PercifyClientOptions> = {}): PercifyClient {
  return new PercifyClient({
    baseUrl: server.url,
    apiKey: API_KEY,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    retryBaseMs: 100,
    retryMaxMs: 1_000,
    onRequest: (info) => attempts.push(info),
    ...overrides,
  });
}

beforeEach(async () => {
  server = await startScriptedServer();
  clock = fakeClock();
  attempts = [];
  client = makeClient();
});

afterEach(async () => {
  await client.close();
  await server.close();
});

const serverError = json(500, { error: { code: 'internal_error', message: 'boom' } });
const rateLimited = (retryAfter: number) =>
  json(429, { error: { code: 'rate_limit_exceeded', message: 'slow down', details: { retryAfter } } });

describe('retries for reads', () => {
  it('retries a GET on 500 and succeeds, with capped exponential full-jitter waits', async () => {
    server.script(serverError, serverError, json(200, avatarJson({ status: 'completed' })));
    const avatar = await client.getAvatar('avatar_abc123');
    expect(avatar.status).toBe('completed');
    expect(server.requests).toHaveLength(3);
    // random() = 0.5 → half of min(1000, 100 × 2^n)
    expect(clock.waits).toEqual([50, 100]);
    expect(attempts.map((info) => [info.attempt, info.status, info.route])).toEqual([
      [1, 500, '/avatars/:id'],
      [2, 500, '/avatars/:id'],
      [3, 200, '/avatars/:id'],
    ]);
  });

  it('gives up after maxRetries and throws the last ServerError', async () => {
    await client.close();
    client = makeClient({ maxRetries: 2, random: () => 0.999 });
    server.fallback = serverError;
    const failure = client.getAvatar('avatar_abc123');
    await expect(failure).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
    expect(clock.waits).toEqual([99, 199]);
  });

  it('never waits longer than retryMaxMs between attempts', async () => {
    await client.close();
    client = makeClient({ maxRetries: 6, random: () => 0.999, retryBaseMs: 500, retryMaxMs: 2_000 });
    server.fallback = serverError;
    await expect(client.getVideo('video_1')).rejects.toBeInstanceOf(ServerError);
    expect(clock.waits).toEqual([499, 999, 1998, 1998, 1998, 1998]);
  });

  it('retries a GET when the connection is reset, then succeeds', async () => {
    server.script(reset(), json(200, avatarJson()));
    await expect(client.getAvatar('avatar_abc123')).resolves.toMatchObject({ id: 'avatar_abc123' });
    expect(server.requests).toHaveLength(2);
    expect(attempts[0]?.errorCode).toBe('network_error');
  });

  it('retries a GET on 429 and waits at least Retry-After (header) seconds', async () => {
    server.script(
      json(429, { error: 'Too Many Requests' }, { 'retry-after': '3' }),
      json(200, avatarJson({ status: 'completed' })),
    );
    await client.getAvatar('avatar_abc123');
    expect(server.requests).toHaveLength(2);
    expect(clock.waits).toEqual([3000]);
  });

  it('honours details.retryAfter in the body', async () => {
    server.script(rateLimited(2), rateLimited(1), json(200, avatarJson()));
    await client.getAvatar('avatar_abc123');
    expect(clock.waits).toEqual([2000, 1000]);
  });

  it('hands a very long Retry-After to the caller instead of blocking', async () => {
    server.script(rateLimited(600));
    const error = await client.getAvatar('avatar_abc123').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(600);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging GET, retries, and reports TimeoutError', async () => {
    await client.close();
    client = makeClient({ timeoutMs: 150, maxRetries: 1 });
    server.fallback = hang();
    const started = performance.now();
    const error = await client.getAvatar('avatar_abc123').catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('does not retry a 4xx answer', async () => {
    server.script(json(404, { error: { code: 'avatar_not_found', message: 'Avatar not found' } }));
    await expect(client.getAvatar('avatar_missing')).rejects.toMatchObject({ code: 'avatar_not_found' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('generation POSTs are never resent blindly', () => {
  it('a timeout after sending is OutcomeUnknownError after exactly one request', async () => {
    await client.close();
    client = makeClient({ timeoutMs: 150 });
    server.fallback = hang();
    const error = await client
      .generateAvatar({ prompt: 'a knight', idempotencyKey: 'job-42' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ method: 'POST', path: '/v1/avatars/generate', idempotencyKey: 'job-42' });
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('a reset after sending is OutcomeUnknownError after exactly one request', async () => {
    server.script(reset());
    const error = await client
      .createVideo({ imageId: 'avatar_1', durationSeconds: 5 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(server.requests).toHaveLength(1);
  });

  it('a 500 is OutcomeUnknownError: the server may have accepted the job', async () => {
    server.script(serverError);
    const error = await client
      .generateAudio({ text: 'hello', voiceId: 'preset-narrator' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('is retried on 429 and 503 with the same Idempotency-Key', async () => {
    server.script(
      rateLimited(1),
      json(503, { error: { code: 'service_unavailable', message: 'busy' } }),
      json(200, avatarJson({ model: 'flux', creditCost: 2 })),
    );
    const result = await client.generateAvatar({
      prompt: 'a knight',
      model: 'flux',
      idempotencyKey: 'job-7',
    });
    expect(result.avatars).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'job-7',
      'job-7',
      'job-7',
    ]);
    expect(clock.waits[0]).toBeGreaterThanOrEqual(1000);
  });

  it('is not retried when a 429 carries a final answer (tier_limit_reached)', async () => {
    server.script(json(429, { error: { code: 'tier_limit_reached', message: 'Daily video limit reached' } }));
    const error = await client
      .createVideo({ imageId: 'avatar_1', durationSeconds: 5 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TierLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it('is retried when the connection was refused before anything was sent', async () => {
    // Find a free port, leave it closed for the first attempt, and open it during the backoff.
    const port = await freePort();
    let late: ScriptedServer | undefined;
    await client.close();
    client = makeClient({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      sleep: async (ms) => {
        clock.waits.push(ms);
        late ??= await startScriptedServer(port);
        late.script(json(200, avatarJson({ model: 'flux', creditCost: 2 })));
      },
    });
    try {
      const result = await client.generateAvatar({ prompt: 'a knight', model: 'flux' });
      expect(result.avatars[0]?.id).toBe('avatar_abc123');
      expect(attempts.map((info) => info.errorCode ?? info.status)).toEqual(['network_error', 200]);
      expect(late?.requests).toHaveLength(1);
    } finally {
      await late?.close();
    }
  });

  it('reports a refused connection on a read as NetworkError after the retries', async () => {
    const port = await freePort();
    await client.close();
    client = makeClient({ baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 2 });
    const error = await client.getAvatar('avatar_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeDefined();
    expect(attempts).toHaveLength(3);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
