import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage, InteractionHandle } from '../../sandbox/discord/index.js';
import type { GuildSettings } from '../../src/services/credits/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { componentIds } from '../support/messages.js';

// Every way a member can start or extend a job, walked once with a blocked word and once from a
// channel the server does not allow: each is refused privately, and nothing is made or held.

let h: BotHarness;
/** An avatar whose prompt will be blocked, with its result message (Reroll, Variations, HD, Animate). */
let dragon: { id: string; result: EmulatedMessage };
/** An avatar with a harmless prompt, and a video of it with a spoken line that will be blocked. */
let knight: { id: string };
let video: EmulatedMessage;
/** Opened while everything was still allowed, used after the rules changed. */
let panel: EmulatedMessage;
let offer: EmulatedMessage;
let voiceForms: InteractionHandle[];

const driver = () => h.emulator.driver;
const ben = () => driver().userId('ben');
const BLOCKED_LINE = 'I am a dragon';

async function makeAvatar(prompt: string) {
  const reply = await driver()
    .runCommand({ user: 'ben', channel: 'studio', name: 'avatar', options: { prompt, seed: 5 } })
    .reply();
  const result = await driver().waitForEdit(reply.id, (m) => m.attachments.length === 1, 20_000);
  const id = h.percify.avatars().find((a) => a.prompt === prompt)!.id;
  await vi.waitFor(async () =>
    expect(await h.app.context.history.search(h.guild.id, ben(), id, 1)).toHaveLength(1),
  );
  return { id, result };
}

function setRules(change: (s: GuildSettings) => GuildSettings) {
  return h.app.context.settings.update(h.guild.id, driver().userId('ada'), change, 'tests');
}

function click(message: EmulatedMessage, label: string) {
  const customId = componentIds(message)[label];
  if (!customId) throw new Error(`no "${label}" on the message`);
  return driver().clickButton({ message, customId, user: 'ben' });
}

function command(name: string, options: Record<string, string | number>) {
  return driver().runCommand({ user: 'ben', channel: 'studio', name, options });
}

/** Every entry point, each yielding the member's answer. */
function entryPoints(): Array<[string, () => Promise<EmulatedMessage>]> {
  return [
    ['/avatar', () => command('avatar', { prompt: 'a dragon in the sky' }).reply()],
    [
      '/avatar negative_prompt',
      () => command('avatar', { prompt: 'a cat', negative_prompt: 'dragon' }).reply(),
    ],
    [
      '/avatar long-prompt form',
      async () => {
        const form = command('avatar', {});
        const opened = await form.response();
        // A refused channel is said before the form opens; otherwise the form's prompt is checked.
        if (!opened.modal) return form.reply();
        return driver()
          .submitModal({ interaction: form, fields: { prompt: 'a dragon rider', negative_prompt: '' } })
          .reply();
      },
    ],
    ['Reroll', () => click(dragon.result, 'Reroll').reply()],
    ['Vary', () => click(dragon.result, 'Vary').reply()],
    ['HD', () => click(dragon.result, 'HD').reply()],
    ['Animate', () => click(dragon.result, 'Animate').reply()],
    [
      '🎬 Render on the panel',
      () => {
        const render = Object.keys(componentIds(panel)).find((label) => label.startsWith('🎬 Render'))!;
        return click(panel, render).reply();
      },
    ],
    ['/animate speech', () => command('animate', { avatar: knight.id, speech: BLOCKED_LINE }).reply()],
    ['✅ Confirm', () => click(offer, '✅ Confirm').reply()],
    [
      'Replace voice',
      async () => {
        const button = click(video, 'Replace voice');
        const opened = await button.response();
        if (!opened.modal) return button.reply();
        return driver()
          .submitModal({ interaction: button, fields: { line: BLOCKED_LINE, voice: 'preset-narrator' } })
          .reply();
      },
    ],
    [
      'the voice form',
      () =>
        driver()
          .submitModal({
            interaction: voiceForms.pop()!,
            fields: { line: BLOCKED_LINE, voice: 'preset-narrator' },
          })
          .reply(),
    ],
    ['Re-render', () => click(video, 'Re-render').reply()],
  ];
}

/** Each entry point in turn, and whether its answer was a private refusal of the expected kind. */
async function walk(refusal: RegExp) {
  const outcomes: Array<{ name: string; privateRefusal: boolean }> = [];
  for (const [name, enter] of entryPoints()) {
    const answer = await enter();
    outcomes.push({ name, privateRefusal: answer.ephemeral && refusal.test(answer.content) });
  }
  return outcomes;
}

/** What was made or held so far: nothing of it may change while members are refused. */
async function footprint() {
  const balance = await h.app.context.ledger.balance(h.guild.id, ben(), []);
  return {
    avatars: h.percify.avatars().length,
    videos: h.percify.videos().length,
    audios: h.percify.audios().length,
    jobs: (await h.app.context.store.keys('v1:job:')).length,
    spent: balance.spentToday,
    held: balance.reservedNow,
  };
}

beforeAll(async () => {
  h = await startBotHarness();
  await setRules((s) => ({ ...s, allowancePerDay: 1000, limits: { ...s.limits, confirmAbove: 1000 } }));
  dragon = await makeAvatar('a red dragon');
  knight = await makeAvatar('a calm knight');
  const spoken = await command('animate', { avatar: knight.id, duration: 3, speech: BLOCKED_LINE }).reply();
  video = await driver().waitForEdit(spoken.id, (m) => m.attachments.length === 1, 30_000);
  panel = await click(dragon.result, 'Animate').reply();
  await setRules((s) => ({ ...s, limits: { ...s.limits, confirmAbove: 30 } }));
  offer = await command('animate', { avatar: knight.id, duration: 8, speech: BLOCKED_LINE }).reply();
  expect(componentIds(offer)['✅ Confirm']).toBeDefined();
  voiceForms = [];
  for (let i = 0; i < 2; i += 1) {
    const form = click(video, 'Replace voice');
    expect((await form.response()).modal).toBeDefined();
    voiceForms.push(form);
  }
}, 90_000);
afterAll(async () => {
  await h?.close();
});

describe('the policy gate', () => {
  it('refuses every entry point privately when member text has a blocked word, and makes nothing', async () => {
    await setRules((s) => ({ ...s, blocklist: ['dragon'] }));
    const before = await footprint();
    const refusal = /contains "dragon", which this server does not allow/;
    // Every answer first, then one comparison, so a failure lists every path that let it through.
    expect(await walk(refusal)).toEqual(entryPoints().map(([name]) => ({ name, privateRefusal: true })));
    expect(await footprint()).toEqual(before);
  }, 60_000);

  it('refuses every entry point privately outside the allowed channels, and makes nothing', async () => {
    await setRules((s) => ({ ...s, blocklist: [], channels: [driver().channelId('general')] }));
    const before = await footprint();
    const refusal = new RegExp(`are made in <#${driver().channelId('general')}> on this server`);
    expect(await walk(refusal)).toEqual(entryPoints().map(([name]) => ({ name, privateRefusal: true })));
    expect(await footprint()).toEqual(before);
  }, 60_000);
});
