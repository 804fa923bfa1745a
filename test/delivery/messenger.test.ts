import { DiscordAPIError, type REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import {
  classifyRefusal,
  DeliveryFailedError,
  Messenger,
  type ReplyTarget,
} from '../../src/services/delivery/messenger.js';
import type { ReplyBody } from '../../src/services/delivery/reply-body.js';

// Which of Discord's answers end a delivery path, and what the messenger does next. Discord's
// permanent answers used to count as transient, so a job whose reply could never go out was retried
// for ever; the end-to-end side is in test/e2e/delivery-ends.test.ts.

function discordError(code: number, status: number): DiscordAPIError {
  return new DiscordAPIError({ code, message: `error ${code}` }, code, status, 'PATCH', '/x', {});
}

interface Sent {
  method: 'patch' | 'post';
  route: string;
  files: number;
}

/** A REST stand-in that answers each request with the next scripted outcome (an error or a message). */
function scriptedRest(outcomes: Array<Error | 'ok'>) {
  const sent: Sent[] = [];
  const answer = (method: Sent['method']) => (route: string, options: { files?: unknown[] }) => {
    sent.push({ method, route, files: options.files?.length ?? 0 });
    if (route === '/users/@me/channels') return Promise.resolve({ id: 'dm1' });
    const outcome = outcomes.shift() ?? 'ok';
    return outcome === 'ok'
      ? Promise.resolve({ id: `m${sent.length}`, attachments: [] })
      : Promise.reject(outcome);
  };
  const rest = { patch: answer('patch'), post: answer('post') } as unknown as REST;
  return { rest, sent };
}

const NOW = 1_000_000;
const target: ReplyTarget = {
  applicationId: 'app1',
  interactionToken: 'tok1',
  interactionCreatedAt: NOW - 60_000,
  channelId: 'chan1',
  messageId: 'msg1',
  ownerId: 'user1',
};
const upload: ReplyBody = {
  embeds: [{ title: '✅ Your video' }],
  components: [],
  files: [{ name: 'video.mp4', data: Buffer.alloc(10) }],
};
const linked: ReplyBody = {
  embeds: [{ title: '✅ Your video', url: 'https://cdn.percify.io/v.mp4' }],
  components: [],
};

function messenger(rest: REST) {
  return new Messenger(rest, silentLogger(), () => NOW);
}

describe('classifyRefusal', () => {
  it.each([
    [50035, 400, 'next-path'], // invalid form body
    [50001, 403, 'next-path'], // missing access
    [50013, 403, 'next-path'], // missing permissions
    [10003, 404, 'next-path'], // unknown channel
    [10008, 404, 'next-path'], // unknown message
    [50027, 401, 'next-path'], // invalid webhook token (the interaction token expired)
    [50006, 400, 'next-path'], // any other 4xx is as final
    [40005, 413, 'too-large'], // request entity too large
    [0, 500, 'transient'],
    [0, 503, 'transient'],
    [0, 429, 'transient'],
  ])('Discord %i (HTTP %i) is %s', (code, status, expected) => {
    expect(classifyRefusal(discordError(code, status))).toBe(expected);
  });

  it('takes anything that is not an answer from Discord (a reset, a timeout) as transient', () => {
    expect(classifyRefusal(new Error('socket hang up'))).toBe('transient');
  });
});

describe('Messenger.deliver', () => {
  it('moves on to the next path after an invalid form body', async () => {
    const { rest, sent } = scriptedRest([discordError(50035, 400)]);
    const delivered = await messenger(rest).deliver(target, upload);
    expect(delivered.path).toBe('channel');
    expect(sent.map((s) => s.route)).toEqual([
      '/webhooks/app1/tok1/messages/%40original',
      '/channels/chan1/messages/msg1',
    ]);
  });

  it('fails for good, not for now, when every path is refused', async () => {
    const { rest, sent } = scriptedRest([
      discordError(50035, 400),
      discordError(10008, 404),
      discordError(50013, 403),
      discordError(50001, 403),
    ]);
    const error = await messenger(rest)
      .deliver(target, upload)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeliveryFailedError);
    expect((error as DeliveryFailedError).transient).toBe(false);
    // Each path once: interaction, channel, mention, and the DM (its channel, then the message).
    expect(sent.map((s) => `${s.method} ${s.route}`)).toEqual([
      'patch /webhooks/app1/tok1/messages/%40original',
      'patch /channels/chan1/messages/msg1',
      'post /channels/chan1/messages',
      'post /users/@me/channels',
      'post /channels/dm1/messages',
    ]);
  });

  it('keeps the job for a later try when Discord has trouble', async () => {
    const { rest } = scriptedRest([discordError(0, 502)]);
    const error = await messenger(rest)
      .deliver(target, upload)
      .catch((caught: unknown) => caught);
    expect((error as DeliveryFailedError).transient).toBe(true);
  });

  it('sends the reply without its upload when Discord refuses the file as too large', async () => {
    const { rest, sent } = scriptedRest([discordError(40005, 413)]);
    const delivered = await messenger(rest).deliver(target, { ...upload, withoutUploads: linked });
    expect(delivered).toMatchObject({ path: 'interaction', withoutUploads: true });
    expect(sent).toEqual([
      { method: 'patch', route: '/webhooks/app1/tok1/messages/%40original', files: 1 },
      { method: 'patch', route: '/webhooks/app1/tok1/messages/%40original', files: 0 },
    ]);
  });

  it('ends at once when an upload is too large and there is nothing smaller to send', async () => {
    const { rest, sent } = scriptedRest([discordError(40005, 413)]);
    const error = await messenger(rest)
      .deliver(target, upload)
      .catch((caught: unknown) => caught);
    expect((error as DeliveryFailedError).transient).toBe(false);
    expect(sent).toHaveLength(1);
  });
});
