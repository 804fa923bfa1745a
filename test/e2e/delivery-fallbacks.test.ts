import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import type { JobRecord } from '../../src/services/jobs/job-record.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { heading, visibleText } from '../support/messages.js';

// A result that finishes after the interaction token expired (15 minutes) still reaches the member:
// an edit through the channel; if the reply is gone, a new message mentioning them; if the channel
// refuses, a DM. Each path is forced in turn.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ speed: 10 });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const jobIdOf = (message: EmulatedMessage) => /Job (j\w+)/.exec(visibleText(message))?.[1] ?? '';

async function startThenExpire(user: string, prompt: string, force?: (reply: EmulatedMessage) => void) {
  const reply = await h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options: { prompt, model: 'flux' } })
    .reply();
  h.emulator.clock.advance(16 * 60_000); // the token dies while Percify works
  force?.(reply);
  const jobId = jobIdOf(reply);
  const job = await vi.waitFor(
    async () => {
      const current = await h.app.context.jobs.get(jobId);
      expect(current?.state).toBe('done');
      return current as JobRecord;
    },
    { timeout: 20_000, interval: 50 },
  );
  return { reply, job };
}

const isResult = (message: EmulatedMessage) => heading(message).includes('Your avatar');

describe('delivery after the interaction token expired', () => {
  it('edits the reply through the channel', async () => {
    const { reply, job } = await startThenExpire('ben', 'a late owl');
    expect(job.deliveredVia).toBe('channel');
    expect(isResult(h.emulator.driver.message(reply.id)!)).toBe(true);
  });

  it('posts a new message mentioning the member when the reply was deleted', async () => {
    const { job } = await startThenExpire('cleo', 'a vanished fox', (reply) =>
      h.emulator.driver.deleteMessage(reply.id),
    );
    expect(job.deliveredVia).toBe('mention');
    const posted = h.emulator.driver
      .messages('studio')
      .filter((m) => isResult(m) && visibleText(m).includes(`<@${h.emulator.driver.userId('cleo')}>`));
    expect(posted).toHaveLength(1);
  });

  it('sends a DM when the channel no longer lets the bot post', async () => {
    const { job } = await startThenExpire('ada', 'a locked tower', () =>
      h.emulator.driver.setBotChannelPermissions('studio', undefined, ['SendMessages', 'ViewChannel']),
    );
    h.emulator.driver.setBotChannelPermissions('studio', ['SendMessages', 'ViewChannel']);
    expect(job.deliveredVia).toBe('dm');
    const dm = await h.emulator.driver.waitForMessage((m) => m.guildId === null && isResult(m), 5000);
    expect(visibleText(dm)).toContain('a locked tower');
    const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId('ada'), []);
    expect(balance).toMatchObject({ spentToday: 2, reservedNow: 0 });
  });
});
