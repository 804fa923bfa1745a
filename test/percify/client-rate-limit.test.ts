import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSleep } from '../../src/services/percify/http.js';
import { ClientClosedError, PercifyClient } from '../../src/services/percify/index.js';
import { SlidingWindowLimiter } from '../../src/services/percify/rate-limiter.js';
import {
  API_KEY,
  avatarJson,
  json,
  fakeClock,
  type ScriptedServer,
  startScriptedServer,
} from './scripted-server.js';

let server: ScriptedServer;
let clock: ReturnType<typeof fakeClock>;
/** Fake-clock time at which each request reached the server, by avatar id. */
let arrivals: Array<{ id: string; at: number }>;

beforeEach(async () => {
  server = await startScriptedServer();
  clock = fakeClock();
  arrivals = [];
  server.fallback = (request, response) => {
    const id = decodeURIComponent(request.url.split('/').pop() ?? '');
    arrivals.push({ id, at: clock.now() });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(avatarJson({ id })));
  };
});

afterEach(async () => {
  await server.close();
});

describe('client-side rate limiter', () => {
  it('makes calls beyond the per-minute limit wait for a slot, in call order', async () => {
    // A clock that only moves when the test says so, to look at the state between slots.
    let time = 1_000_000;
    const sleepers: Array<{ until: number; wake: () => void }> = [];
    const advance = (ms: number) => {
      time += ms;
      for (const sleeper of sleepers.splice(0)) {
        if (sleeper.until <= time) sleeper.wake();
        else sleepers.push(sleeper);
      }
    };
    const client = new PercifyClient({
      baseUrl: server.url,
      apiKey: API_KEY,
      rateLimitPerMinute: 2,
      now: () => time,
      sleep: (ms) => new Promise<void>((wake) => sleepers.push({ until: time + ms, wake })),
    });
    clock = { ...clock, now: () => time };
    try {
      const ids = ['avatar_1', 'avatar_2', 'avatar_3', 'avatar_4', 'avatar_5'];
      const calls = ids.map((id) => client.getAvatar(id));
      // Two take the free slots at once; three wait.
      expect(client.pendingRequests()).toBe(3);
      await waitFor(() => arrivals.length === 2);
      advance(59_999);
      await settle();
      expect(arrivals).toHaveLength(2);
      expect(client.pendingRequests()).toBe(3);
      advance(1);
      await waitFor(() => arrivals.length === 4);
      expect(client.pendingRequests()).toBe(1);
      advance(60_000);
      const avatars = await Promise.all(calls);
      expect(avatars.map((avatar) => avatar.id)).toEqual(ids);
      expect(arrivals.map((arrival) => arrival.id)).toEqual(ids);
      expect(arrivals.map((arrival) => arrival.at - 1_000_000)).toEqual([0, 0, 60_000, 60_000, 120_000]);
      expect(client.pendingRequests()).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('frees a slot exactly one window after the request that took it', async () => {
    const client = new PercifyClient({
      baseUrl: server.url,
      apiKey: API_KEY,
      rateLimitPerMinute: 1,
      sleep: clock.sleep,
      now: clock.now,
    });
    try {
      await client.getAvatar('avatar_1');
      await clock.sleep(45_000); // time passes between calls
      await client.getAvatar('avatar_2');
      // Only the remaining 15 s of the window were waited.
      expect(clock.waits).toEqual([45_000, 15_000]);
    } finally {
      await client.close();
    }
  });

  it("holds requests until the server's reset time when it says the window is spent", async () => {
    const client = new PercifyClient({
      baseUrl: server.url,
      apiKey: API_KEY,
      sleep: clock.sleep,
      now: clock.now,
    });
    try {
      const resetAt = Math.floor(clock.now() / 1000) + 30;
      server.script(
        json(200, avatarJson({ id: 'avatar_1' }), {
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(resetAt),
        }),
      );
      await client.getAvatar('avatar_1');
      expect(clock.waits).toEqual([]);
      await client.getAvatar('avatar_2');
      expect(clock.waits).toHaveLength(1);
      expect(clock.now()).toBeGreaterThanOrEqual(resetAt * 1000);
      expect(clock.waits[0]).toBeLessThanOrEqual(30_000);
    } finally {
      await client.close();
    }
  });

  it('waits in real time (short window) without failing any call', async () => {
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 120, sleep: defaultSleep });
    const started = performance.now();
    const grantedAt: number[] = [];
    await Promise.all(
      [1, 2, 3].map(() => limiter.acquire().then(() => grantedAt.push(performance.now() - started))),
    );
    expect(grantedAt[0]).toBeLessThan(60);
    expect(grantedAt[1]).toBeLessThan(60);
    expect(grantedAt[2]).toBeGreaterThanOrEqual(110);
    limiter.close();
  });

  it('rejects waiting calls when the client closes, without sending them', async () => {
    const client = new PercifyClient({ baseUrl: server.url, apiKey: API_KEY, rateLimitPerMinute: 1 });
    const first = client.getAvatar('avatar_1');
    const second = client.getAvatar('avatar_2').catch((error: unknown) => error);
    await first;
    await client.close();
    expect(await second).toBeInstanceOf(ClientClosedError);
    await expect(client.getAvatar('avatar_3')).rejects.toBeInstanceOf(ClientClosedError);
    await client.close(); // closing twice is harmless
    expect(server.requests).toHaveLength(1);
  });
});

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30));
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
