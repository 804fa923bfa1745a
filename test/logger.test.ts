import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-part_of.the-token';

/** A logger writing JSON lines into an array, as the bot writes them to stdout. */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('log lines', () => {
  it('never carry a token, key or secret, at any depth or case', () => {
    const { logger, lines } = capture();
    const logged = {
      jobId: 'j1',
      token: TOKEN,
      interaction: { interactionToken: TOKEN, createdAt: 5 },
      request: { headers: { Authorization: `Bot ${TOKEN}`, accept: 'json' } },
      config: { nested: { deeper: { PERCIFY_API_KEY: 'pk_live_1', PERCIFY_WEBHOOK_SECRET: 'whsec' } } },
      list: [{ apiKey: 'k' }, 'plain'],
    };
    logger.info(logged, 'something happened');
    const text = JSON.stringify(lines);
    for (const secret of [TOKEN, 'pk_live_1', 'whsec', '"k"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      msg: 'something happened',
      jobId: 'j1',
      token: '[redacted]',
      interaction: { interactionToken: '[redacted]', createdAt: 5 },
      request: { headers: { Authorization: '[redacted]', accept: 'json' } },
      config: { nested: { deeper: { PERCIFY_API_KEY: '[redacted]' } } },
      list: [{ apiKey: '[redacted]' }, 'plain'],
    });
    // The caller's object is left as it was.
    expect(logged.token).toBe(TOKEN);
    expect(logged.request.headers.Authorization).toBe(`Bot ${TOKEN}`);
  });

  it('keeps a line without secrets exactly as given', () => {
    const { logger, lines } = capture();
    logger.info(
      { jobId: 'j2', guildId: '1', attempts: 3, ok: true, ids: ['a', 'b'], at: { day: 'x' } },
      'fine',
    );
    expect(lines[0]).toEqual({
      level: 30,
      time: expect.any(Number),
      jobId: 'j2',
      guildId: '1',
      attempts: 3,
      ok: true,
      ids: ['a', 'b'],
      at: { day: 'x' },
      msg: 'fine',
    });
  });

  it("censors the interaction token in a Discord error's URL and logs uploads by size", () => {
    const { logger, lines } = capture();
    const url = `https://discord.com/api/v10/webhooks/1234567890/${TOKEN}/messages/@original`;
    const error = new DiscordAPIError({ code: 10008, message: 'Unknown Message' }, 10008, 404, 'PATCH', url, {
      files: [{ name: 'files[0]', data: Buffer.alloc(2048) }],
      body: { content: 'x' },
    });
    logger.warn({ jobId: 'j3', err: error }, 'edit failed');
    const text = JSON.stringify(lines);
    expect(text).not.toContain(TOKEN);
    const err = lines[0]?.err as Record<string, unknown>;
    expect(err).toMatchObject({
      type: 'DiscordAPIError',
      message: 'Unknown Message',
      code: 10008,
      url: 'https://discord.com/api/v10/webhooks/1234567890/[redacted]/messages/@original',
    });
    expect(err.stack).toEqual(expect.stringContaining('Unknown Message'));
    expect(JSON.stringify(err.requestBody)).toContain('[2048 bytes]');
  });

  it('censors interaction callback URLs in any string', () => {
    const { logger, lines } = capture();
    logger.info({ route: `POST /interactions/998877/${TOKEN}/callback` }, 'sent');
    expect(lines[0]?.route).toBe('POST /interactions/998877/[redacted]/callback');
  });
});
