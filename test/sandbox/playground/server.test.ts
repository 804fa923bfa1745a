import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../../sandbox/discord/index.js';
import { startPercifySimulator, type PercifySimulator } from '../../../sandbox/percify/index.js';
import { createPlaygroundHandler, type PlaygroundHandler } from '../../../sandbox/playground/server.js';

// The playground's own server side, over real HTTP on the emulator's origin: the page's files and the
// side panel's JSON endpoints reading and switching the in-process Percify simulator.

let emulator: DiscordEmulator;
let percify: PercifySimulator;
let playground: PlaygroundHandler;

beforeAll(async () => {
  playground = createPlaygroundHandler({ plan: 'pro', speed: 1000 });
  [emulator, percify] = await Promise.all([
    startDiscordEmulator({ serveOther: (req, res, url) => playground.handle(req, res, url) }),
    startPercifySimulator({ port: 0, speed: 1000, initialCredits: 500 }),
  ]);
});
afterAll(async () => {
  await emulator?.close();
  await percify?.close();
});

const panelUrl = () => `${emulator.origin}/_sandbox/percify`;
const post = (body: unknown) =>
  fetch(panelUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('playground server', () => {
  it('says the simulator is starting until it is attached, then reports the account', async () => {
    expect(await (await fetch(panelUrl())).json()).toMatchObject({ ready: false, plan: 'pro', speed: 1000 });
    expect((await post({ slow: true })).status).toBe(503);

    playground.attach(percify);
    const state = await (await fetch(panelUrl())).json();
    expect(state).toEqual({
      ready: true,
      plan: 'pro',
      speed: 1000,
      credits: 500,
      inFlight: 0,
      jobs: [],
      faults: { slow: false, errors: false, failures: false, dropWebhooks: false },
    });
  });

  it('flips the simulator’s faults and credits, and shows them back', async () => {
    const response = await post({
      slow: true,
      errors: true,
      failures: true,
      dropWebhooks: true,
      credits: 42,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      credits: 42,
      faults: { slow: true, errors: true, failures: true, dropWebhooks: true },
    });
    expect(percify.faults).toMatchObject({
      latencyMs: 2000,
      serverErrorRate: 0.3,
      generationFailureRate: 0.5,
      dropWebhooks: true,
    });
    expect(percify.credits()).toBe(42);

    await post({ slow: false, errors: false, failures: false, dropWebhooks: false });
    expect(percify.faults).toMatchObject({
      latencyMs: 0,
      serverErrorRate: 0,
      generationFailureRate: 0,
      dropWebhooks: false,
    });
  });

  it('lists a job the simulator is running', async () => {
    const created = await fetch(`${percify.url}/avatars/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: JSON.stringify({ prompt: 'a heron in the reeds' }),
    });
    expect(created.status).toBeLessThan(300);
    const state = (await (await fetch(panelUrl())).json()) as { jobs: { kind: string; label: string }[] };
    expect(state.jobs).toContainEqual(
      expect.objectContaining({ kind: 'avatar', label: 'a heron in the reeds' }),
    );
  });

  it('refuses bodies it cannot use, changing nothing', async () => {
    expect((await post({ slow: 'yes' })).status).toBe(400);
    expect(
      (
        await fetch(panelUrl(), {
          method: 'POST',
          body: '{not json',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect(percify.faults.latencyMs).toBe(0);
    expect((await fetch(panelUrl(), { method: 'DELETE' })).status).toBe(405);
  });

  it('serves the page and its modules with their types, and nothing outside its folder', async () => {
    const page = await fetch(`${emulator.origin}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<script type="module" src="/app.js"></script>');
    const script = await fetch(`${emulator.origin}/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${emulator.origin}/style.css`)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await fetch(`${emulator.origin}/nope.js`)).status).toBe(404);
    expect((await fetch(`${emulator.origin}/..%2f..%2f..%2feslint.config.js`)).status).toBe(404);
    expect((await fetch(`${emulator.origin}/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('leaves the emulator’s own routes to the emulator', async () => {
    const state = await fetch(`${emulator.origin}/_emulator/state`);
    expect(state.status).toBe(200);
    expect(await state.json()).toHaveProperty('guilds');
  });
});
