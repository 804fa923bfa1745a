import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PercifyClient, PercifyError } from '../../src/services/percify/index.js';
import {
  API_KEY,
  fakeClock,
  hang,
  json,
  reset,
  type ScriptedServer,
  type Step,
  startScriptedServer,
} from './scripted-server.js';

let server: ScriptedServer;
let client: PercifyClient;
let logLines: string[];

beforeEach(async () => {
  server = await startScriptedServer();
  logLines = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const clock = fakeClock();
  client = new PercifyClient({
    baseUrl: server.url,
    apiKey: API_KEY,
    timeoutMs: 150,
    maxRetries: 1,
    sleep: clock.sleep,
    now: clock.now,
    logger: createLogger({ level: 'trace', destination }),
  });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

/** A server that echoes what it received, as a careless API might. */
const echoKey =
  (status: number): Step =>
  (request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        error: {
          code: status === 401 ? 'authentication_required' : 'weird_failure',
          message: `Bad key ${String(request.headers.authorization)}`,
          details: { seen: request.headers.authorization, nested: [{ key: API_KEY }] },
        },
      }),
    );
  };

function everythingAbout(error: unknown): string {
  const percify = error as PercifyError;
  return [
    String(error),
    percify.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(percify.details ?? null),
    String(percify.cause ?? ''),
    (percify.cause as Error | undefined)?.stack ?? '',
  ].join('\n');
}

describe('the API key never leaks', () => {
  it('is sent as a Bearer token', async () => {
    server.script(json(200, { balance: 10 }));
    await client.getCreditBalance();
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it.each([
    ['an error answer echoing the key', () => server.script(echoKey(401))],
    ['a 5xx echoing the key', () => (server.fallback = echoKey(500))],
    ['a 400 echoing the key', () => server.script(echoKey(400))],
    ['a reset', () => (server.fallback = reset())],
    ['a timeout', () => (server.fallback = hang())],
    ['a malformed answer', () => server.script(json(200, { nonsense: API_KEY }))],
  ])('not in the error or the logs after %s', async (_label, arrange) => {
    arrange();
    const errors: unknown[] = [];
    errors.push(await client.getAvatar('avatar_1').catch((error: unknown) => error));
    arrange();
    errors.push(await client.generateAvatar({ prompt: 'a knight' }).catch((error: unknown) => error));
    for (const error of errors) {
      expect(error).toBeInstanceOf(PercifyError);
      expect(everythingAbout(error)).not.toContain(API_KEY);
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(API_KEY);
  });

  it('is scrubbed from echoed messages but the rest of the message stays', async () => {
    server.script(echoKey(401));
    const error = await client.getAvatar('avatar_1').catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('Bad key Bearer [redacted]');
    expect((error as PercifyError).details).toMatchObject({ seen: 'Bearer [redacted]' });
  });

  it('leaves successful answers untouched, even when they contain the key text', async () => {
    const shortKeyClient = new PercifyClient({ baseUrl: server.url, apiKey: 'abc' });
    try {
      server.script(json(200, { id: 'avatar_xabcx', status: 'completed', prompt: 'abc abc' }));
      const avatar = await shortKeyClient.getAvatar('avatar_xabcx');
      expect(avatar).toMatchObject({ id: 'avatar_xabcx', prompt: 'abc abc' });
    } finally {
      await shortKeyClient.close();
    }
  });
});
