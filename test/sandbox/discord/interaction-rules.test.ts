import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator, SeededGuild } from '../../../sandbox/discord/index.js';
import { startHarness, type Harness } from './harness.js';
import type { TestBot } from './test-bot.js';

// Discord's interaction rules (3 s, one acknowledgement, 15-minute tokens, which answer fits which
// interaction, autocomplete and modal limits), met by the real discord.js client or by raw REST misuse.

let harness: Harness;
let emulator: DiscordEmulator;
let bot: TestBot;
let guild: SeededGuild;
const api: Harness['api'] = (...args) => harness.api(...args);
const callback = (id: string, token: string, body: unknown) => harness.callback(id, token, body);

beforeAll(async () => {
  harness = await startHarness('interaction-rules-token', {
    name: 'Interaction rules',
    channels: [{ name: 'general' }],
    members: [{ username: 'ben' }],
  });
  ({ emulator, bot, guild } = harness);
  // A command the bot leaves unanswered, so the test can answer it by hand.
  const put = await api('PUT', `/applications/${emulator.applicationId}/guilds/${guild.id}/commands`, [
    {
      name: 'ignored',
      description: 'Nobody answers',
      options: [{ type: 3, name: 'q', description: 'q', autocomplete: true }],
    },
  ]);
  expect(put.status).toBe(200);
});

afterAll(async () => {
  await harness?.close();
});

async function botError(command: string, code: number): Promise<void> {
  await expect
    .poll(() => bot.errors.find((e) => e.command === command && e.code === code), {
      timeout: 5000,
      interval: 20,
    })
    .toBeDefined();
}

describe('interaction rules', () => {
  it('answers a second acknowledgement with 40060', async () => {
    const handle = emulator.driver.runCommand({ user: 'ben', channel: 'general', name: 'hello' });
    await handle.reply();
    const again = await callback(handle.id, handle.token, { type: 4, data: { content: 'again' } });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ code: 40060, message: 'Interaction has already been acknowledged.' });
  });

  it('times an answer from its dispatch to the arrival of the callback Discord accepted', async () => {
    const before = performance.now();
    const handle = emulator.driver.runCommand({ user: 'ben', channel: 'general', name: 'ignored' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    // A refused callback is no answer: the member still waits.
    const refused = await callback(handle.id, handle.token, { type: 4, data: { content: '' } });
    expect(refused.status).toBe(400);
    expect(handle.answeredInMs).toBeUndefined();
    const accepted = await callback(handle.id, handle.token, { type: 4, data: { content: 'hi' } });
    const elapsed = performance.now() - before;
    expect(accepted.status).toBe(204);
    expect(handle.answeredInMs).toBeGreaterThanOrEqual(40);
    expect(handle.answeredInMs).toBeLessThanOrEqual(elapsed);
  });

  it('answers a first response after the 3 s deadline with 10062', async () => {
    const release = bot.hold('before');
    const handle = emulator.driver.runCommand({
      user: 'ben',
      channel: 'general',
      name: 'gated',
      options: { action: 'reply' },
    });
    emulator.clock.advance(3_500);
    release();
    await botError('gated', 10062);
    expect(handle.record.acknowledged).toBe(false);
    expect(emulator.driver.messages('general').some((m) => m.content === 'Late answer')).toBe(false);
  });

  it('refuses the token after 15 minutes with 50027', async () => {
    const release = bot.hold('after-defer');
    const handle = emulator.driver.runCommand({
      user: 'ben',
      channel: 'general',
      name: 'gated',
      options: { action: 'defer-then-edit' },
    });
    expect((await handle.response()).type).toBe(5);
    emulator.clock.advance(15 * 60 * 1000 + 1000);
    release();
    await botError('gated', 50027);
    expect(emulator.driver.message(handle.record.originalMessageId ?? '')?.loading).toBe(true);
  });

  it('allows update types only for components and modals only as a first answer', async () => {
    const handle = emulator.driver.runCommand({ user: 'ben', channel: 'general', name: 'ignored' });
    const update = await callback(handle.id, handle.token, { type: 7, data: { content: 'x' } });
    expect(update.json).toMatchObject({
      code: 50035,
      errors: { type: { _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID' }] } },
    });
    const badModal = await callback(handle.id, handle.token, {
      type: 9,
      data: {
        custom_id: 'm',
        title: 'x'.repeat(46),
        components: [{ type: 1, components: [{ type: 4, custom_id: 'a', style: 1, label: 'A' }] }],
      },
    });
    expect(badModal.status).toBe(400);
    expect(badModal.json).toMatchObject({
      code: 50035,
      errors: { data: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    const modal = await callback(handle.id, handle.token, {
      type: 9,
      data: {
        custom_id: 'm',
        title: 'Ok',
        components: [{ type: 1, components: [{ type: 4, custom_id: 'a', style: 1, label: 'A' }] }],
      },
    });
    expect(modal.status).toBe(204);
    const submit = emulator.driver.submitModal({ interaction: handle, fields: { a: 'typed' } });
    expect(submit.interaction.data).toMatchObject({
      custom_id: 'm',
      components: [{ type: 1, components: [{ custom_id: 'a', value: 'typed' }] }],
    });
    const modalAgain = await callback(submit.id, submit.token, modal.json);
    expect(modalAgain.json).toMatchObject({ code: 50035 });
    const reply = await callback(submit.id, submit.token, { type: 4, data: { content: 'thanks' } });
    expect(reply.status).toBe(204);
  });

  it('caps autocomplete at 25 choices of at most 100 characters', async () => {
    const handle = emulator.driver.autocomplete({
      user: 'ben',
      channel: 'general',
      name: 'ignored',
      focused: 'q',
      options: { q: 'a' },
    });
    expect((handle.interaction.data as { options: unknown[] }).options).toEqual([
      { type: 3, name: 'q', value: 'a', focused: true },
    ]);
    const tooMany = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` }));
    const refused = await callback(handle.id, handle.token, { type: 8, data: { choices: tooMany } });
    expect(refused.json).toMatchObject({
      code: 50035,
      errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    const long = await callback(handle.id, handle.token, {
      type: 8,
      data: { choices: [{ name: 'ok', value: 'v'.repeat(101) }] },
    });
    expect(long.json).toMatchObject({ code: 50035, errors: { data: { choices: { '0': { value: {} } } } } });
    const ok = await callback(handle.id, handle.token, { type: 8, data: { choices: tooMany.slice(0, 25) } });
    expect(ok.status).toBe(204);
    expect((await handle.response()).choices).toHaveLength(25);
  });

  it('answers with_response=true with the interaction and the created message', async () => {
    const handle = emulator.driver.runCommand({ user: 'ben', channel: 'general', name: 'ignored' });
    const answer = await api(
      'POST',
      `/interactions/${handle.id}/${handle.token}/callback?with_response=true`,
      { type: 4, data: { content: 'hi' } },
      false,
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      interaction: { id: handle.id, type: 2, response_message_ephemeral: false },
      resource: { type: 4, message: { content: 'hi', channel_id: guild.channels.general } },
    });
  });
});
