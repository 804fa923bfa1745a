import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startDiscordEmulator,
  type DiscordEmulator,
  type SeededGuild,
} from '../../../sandbox/discord/index.js';
import { startTestBot, type TestBot } from './test-bot.js';

// The real discord.js client, unchanged, against the emulator: every user-facing flow end to end.

let emulator: DiscordEmulator;
let bot: TestBot;
let guild: SeededGuild;

beforeAll(async () => {
  emulator = await startDiscordEmulator({ botToken: 'flows-token' });
  guild = emulator.driver.seedGuild({
    name: 'Flows',
    channels: [{ name: 'general' }, { name: 'studio' }],
    roles: [{ name: 'Supporter', permissions: [] }],
    members: [{ username: 'ada', admin: true }, { username: 'ben' }, { username: 'cleo' }],
  });
  bot = await startTestBot({ apiUrl: emulator.apiUrl, token: 'flows-token' });
});

afterAll(async () => {
  await bot?.destroy();
  await emulator?.close();
});

const run = (name: string, options: Record<string, string | number | boolean> = {}, user = 'ben') =>
  emulator.driver.runCommand({ user, channel: 'general', name, options });

describe('discord.js against the emulator', () => {
  it('connects, sees the seeded guild and registers its commands', () => {
    const cached = bot.client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe('Flows');
    expect(cached?.channels.cache.map((c) => c.name).sort()).toEqual(['general', 'studio']);
    expect(cached?.members.me?.id).toBe(emulator.botUserId);
    const names = emulator.driver.commands().map((c) => c.name);
    expect(names).toContain('quota');
    const quota = emulator.driver.commands().find((c) => c.name === 'quota');
    expect(quota?.default_member_permissions).toBe('32');
  });

  it('answers a command with a reply carrying an embed', async () => {
    const handle = run('hello');
    const response = await handle.response();
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const reply = await handle.reply();
    expect(reply.content).toBe('Hello, ben!');
    expect(reply.embeds[0]?.title).toBe('Welcome');
    expect(reply.embeds[0]?.description).toBe('You are in Flows');
    expect(reply.api.interaction_metadata?.user.id).toBe(emulator.driver.userId('ben'));
    expect(reply.api.webhook_id).toBe(emulator.applicationId);
  });

  it('defers, then edits the deferred reply', async () => {
    const handle = run('slow');
    const response = await handle.response();
    expect(response.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const original = response.message?.id ?? '';
    const edited = await emulator.driver.waitForEdit(original, (m) => !m.loading);
    expect(edited.content).toBe('Done after a while');
    const reply = await handle.reply();
    expect(reply.content).toBe('Done after a while');
    expect(reply.loading).toBe(false);
    expect(reply.history[0]?.flags).toBe(128);
  });

  it('keeps an ephemeral reply visible only to the user who ran the command', async () => {
    const reply = await run('secret', {}, 'cleo').reply();
    expect(reply.ephemeral).toBe(true);
    const channel = guild.channels.general ?? '';
    expect(emulator.driver.messages(channel, { as: 'cleo' }).map((m) => m.id)).toContain(reply.id);
    expect(emulator.driver.messages(channel, { as: 'ben' }).map((m) => m.id)).not.toContain(reply.id);
  });

  it('sends a follow-up after a reply made with_response', async () => {
    const handle = run('follow');
    const first = await handle.reply();
    const second = await emulator.driver.waitForMessage(
      (m) => m.interactionId === handle.id && m.id !== first.id,
    );
    // The bot read the first message's id from the with_response answer.
    expect(second.content).toBe(`Second, after ${first.id}`);
    expect(handle.followUps().map((m) => m.id)).toEqual([second.id]);
    expect(second.api.interaction_metadata?.original_response_message_id).toBe(first.id);
  });

  it('fetches and deletes its reply', async () => {
    const handle = run('temp');
    const first = await handle.reply();
    await expect.poll(() => emulator.driver.message(first.id)?.deleted).toBe(true);
    const followUp = handle.followUps()[0];
    expect(followUp?.content).toBe('Fetched Soon gone');
    expect(followUp?.ephemeral).toBe(true);
    expect(emulator.driver.messages('general').map((m) => m.id)).not.toContain(first.id);
  });

  it('opens a DM channel and sends to it', async () => {
    const reply = await run('dm', {}, 'cleo').reply();
    expect(reply.content).toBe('Sent a DM');
    const dm = await emulator.driver.waitForMessage((m) => m.content === 'psst');
    expect(dm.guildId).toBeNull();
    expect(dm.channelId).not.toBe(guild.channels.general);
  });

  it('fetches a member and the guild roles over REST', async () => {
    const reply = await run('whois', { user: 'ada' }).reply();
    expect(reply.content).toBe('ada: Admin of 4');
    expect(emulator.restLog.some((e) => e.route === '/guilds/:guild/members/:user' && e.status === 200)).toBe(
      true,
    );
    expect(emulator.restLog.some((e) => e.route === '/guilds/:guild/roles' && e.status === 200)).toBe(true);
  });

  it('updates the message when its button is clicked', async () => {
    const message = await run('counter').reply();
    const click = emulator.driver.clickButton({ message, customId: 'count:0', user: 'ben' });
    expect((await click.response()).type).toBe(InteractionResponseType.UpdateMessage);
    const updated = await click.reply();
    expect(updated.id).toBe(message.id);
    expect(updated.content).toBe('Count: 1');
    const again = await emulator.driver.clickButton({ message, customId: 'count:1', user: 'ada' }).reply();
    expect(again.content).toBe('Count: 2');
  });

  it('defers an update, then edits the clicked message', async () => {
    const message = await run('counter').reply();
    const click = emulator.driver.clickButton({ message, customId: 'later', user: 'ben' });
    expect((await click.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    const updated = await click.reply();
    expect(updated.id).toBe(message.id);
    expect(updated.content).toBe('Updated later');
    expect(updated.components).toEqual([]);
  });

  it('shows a modal and handles its submission', async () => {
    const handle = run('form');
    const response = await handle.response();
    expect(response.type).toBe(InteractionResponseType.Modal);
    expect(response.modal?.title).toBe('Describe your avatar');
    const submit = emulator.driver.submitModal({ interaction: handle, fields: { prompt: 'a fox in a hat' } });
    expect((await submit.reply()).content).toBe('Prompt received: a fox in a hat');
  });

  it('shows a modal built from labels and reads an optional field left empty', async () => {
    const handle = run('form-label', {}, 'cleo');
    const { modal } = await handle.response();
    expect(modal?.components.map((c) => c.type)).toEqual([18, 18]);
    expect(() => emulator.driver.submitModal({ interaction: handle, fields: { mood: 'happy' } })).toThrow(
      /"name" is required/,
    );
    const reply = await emulator.driver
      .submitModal({ interaction: handle, fields: { name: 'Cleo' } })
      .reply();
    expect(reply.content).toBe('Cleo feels none');
    expect(reply.ephemeralOwnerId).toBe(emulator.driver.userId('cleo'));
  });

  it('handles a select menu choice', async () => {
    const message = await run('pick').reply();
    const chosen = await emulator.driver
      .selectMenu({ message, customId: 'flavour', values: ['mint'], user: 'ben' })
      .reply();
    expect(chosen.content).toBe('You picked mint');
    expect(chosen.components).toEqual([]);
  });

  it('answers autocomplete with matching choices', async () => {
    const handle = emulator.driver.autocomplete({
      user: 'ben',
      channel: 'general',
      name: 'search',
      focused: 'style',
      options: { style: 'r' },
    });
    const response = await handle.response();
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(response.choices?.map((c) => c.name)).toEqual(['realistic', 'renaissance']);
  });

  it('passes subcommands and typed options through', async () => {
    const reply = await emulator.driver
      .runCommand({
        user: 'ada',
        channel: 'general',
        name: 'quota allowance',
        options: { credits: 40, role: 'Supporter' },
      })
      .reply();
    expect(reply.content).toBe('allowance: 40 credits for Supporter');
  });

  it('round-trips an uploaded file: the bot downloads it and sends the same bytes back', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8DAwMDAxMAAAA0jAQFXzM2PAAAAAElFTkSuQmCC',
      'base64',
    );
    const handle = emulator.driver.runCommand({
      user: 'ben',
      channel: 'general',
      name: 'echo',
      attachments: { file: { filename: 'tiny.png', bytes: png } },
    });
    const reply = await handle.reply();
    expect(reply.content).toBe(`Got tiny.png (${png.length} bytes, image/png)`);
    const attachment = reply.attachments[0];
    expect(attachment?.filename).toBe('echo-tiny.png');
    expect(attachment?.contentType).toBe('image/png');
    expect([attachment?.width, attachment?.height]).toEqual([2, 3]);
    expect(attachment?.bytes.equals(png)).toBe(true);
    const served = await fetch(attachment?.url ?? '');
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('lets the bot post to a channel through the bot-token routes', async () => {
    const handle = run('gated', { action: 'post' });
    await handle.reply();
    const posted = emulator.driver.messages('general').find((m) => m.content === 'Posted in a channel');
    expect(posted?.authorId).toBe(emulator.botUserId);
    expect(posted?.interactionId).toBeUndefined();
    const call = emulator.restLog.find(
      (e) => e.method === 'POST' && e.route === '/channels/:channel/messages',
    );
    expect(call?.status).toBe(200);
  });

  it('refuses to run a command the bot never registered', () => {
    expect(() => run('nope')).toThrow(/has not registered/);
  });

  it('accepted every body discord.js sent, and the bot saw no error', () => {
    const refused = emulator.restLog.filter((e) => !e.valid || e.status >= 400);
    expect(refused).toEqual([]);
    expect(bot.errors).toEqual([]);
  });
});
