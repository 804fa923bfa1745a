import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { componentIds, detail, visibleText } from '../support/messages.js';

// The modal path and every button under an avatar result, as members use them.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function finished(message: EmulatedMessage): Promise<EmulatedMessage> {
  return h.emulator.driver.waitForEdit(message.id, (m) => m.attachments.length > 0, 20_000);
}

async function avatarResult(user: string, options: Record<string, string | number>) {
  const reply = await h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options })
    .reply();
  return finished(reply);
}

describe('/avatar without a prompt', () => {
  it('opens a form for a long prompt and keeps the other options', async () => {
    const handle = h.emulator.driver.runCommand({
      user: 'ben',
      channel: 'studio',
      name: 'avatar',
      options: { model: 'imagen3', seed: 7, negative_prompt: 'blurry' },
    });
    const response = await handle.response();
    expect(response.modal?.title).toBe('Describe your avatar');
    const prompt = 'a lighthouse keeper at dawn, '.repeat(30).trim();
    const submitted = h.emulator.driver.submitModal({
      interaction: handle,
      fields: { prompt, negative_prompt: 'blurry, dark' },
    });
    const done = await finished(await submitted.reply());
    expect(detail(done, 'Model')).toBe('imagen3 · High quality');
    const sent = h.percify.avatars().find((a) => a.prompt === prompt);
    expect(sent).toMatchObject({ model: 'imagen3', seed: 7, negativePrompt: 'blurry, dark' });
  });
});

describe('avatar result buttons', () => {
  it('rerolls with the same options and a new seed', async () => {
    const first = await avatarResult('ben', { prompt: 'a red fox astronaut', seed: 1000 });
    const reroll = await h.emulator.driver
      .clickButton({ message: first, customId: componentIds(first)['Reroll']!, user: 'ben' })
      .reply();
    const second = await finished(reroll);
    expect(second.id).not.toBe(first.id);
    const seeds = h.percify
      .avatars()
      .filter((a) => a.prompt === 'a red fox astronaut')
      .map((a) => a.seed);
    expect(seeds).toHaveLength(2);
    expect(seeds[1]).not.toBe(1000);
  });

  it('makes four variations with seeds next to the chosen image', async () => {
    const first = await avatarResult('ben', { prompt: 'a paper crane', seed: 500 });
    const reply = await h.emulator.driver
      .clickButton({ message: first, customId: componentIds(first)['Vary']!, user: 'ben' })
      .reply();
    const done = await finished(reply);
    expect(done.attachments).toHaveLength(4);
    const seeds = h.percify
      .avatars()
      .filter((a) => a.prompt === 'a paper crane')
      .map((a) => a.seed)
      .sort((a, b) => a - b);
    expect(seeds).toEqual([500, 501, 502, 503, 504]);
  });

  it('renders HD with the same seed on a premium model and charges its price', async () => {
    const first = await avatarResult('cleo', { prompt: 'a glass owl', seed: 77, model: 'flux' });
    const reply = await h.emulator.driver
      .clickButton({ message: first, customId: componentIds(first)['HD']!, user: 'cleo' })
      .reply();
    const done = await finished(reply);
    expect(detail(done, 'Charged')).toBe('5 credits');
    const hd = h.percify.avatars().filter((a) => a.prompt === 'a glass owl');
    expect(hd.map((a) => [a.model, a.seed])).toEqual([
      ['flux', 77],
      ['imagen3', 77],
    ]);
  });

  it('acts on the image a numbered button names, under four variations in one grid', async () => {
    const first = await avatarResult('ada', { prompt: 'four tin soldiers', seed: 900, variations: 4 });
    expect(first.flags & (1 << 15)).not.toBe(0);
    const gallery = (
      first.components[0] as { components: Array<{ type: number; items?: unknown[] }> }
    ).components.find((c) => c.type === 12);
    expect(gallery?.items).toHaveLength(4);
    const ids = componentIds(first);
    expect(Object.keys(ids)).toEqual([
      ...[1, 2, 3, 4].map((n) => `Animate ${n}`),
      ...[1, 2, 3, 4].map((n) => `Vary ${n}`),
      ...[1, 2, 3, 4].map((n) => `HD ${n}`),
      'Reroll',
      'Delete',
    ]);
    // HD 3: the third image's seed (902) on the premium model.
    const hd = await finished(
      await h.emulator.driver.clickButton({ message: first, customId: ids['HD 3']!, user: 'ada' }).reply(),
    );
    expect(detail(hd, 'Seed')).toBe('`902`');
    // Vary 2: four images seeded next to the second image's seed (901).
    const varied = await finished(
      await h.emulator.driver.clickButton({ message: first, customId: ids['Vary 2']!, user: 'ada' }).reply(),
    );
    expect(detail(varied, 'Seeds')).toBe('`902` · `903` · `904` · `905`');
    // Animate 4: the panel for the fourth image.
    const panel = await h.emulator.driver
      .clickButton({ message: first, customId: ids['Animate 4']!, user: 'ada' })
      .reply();
    // The card's last line lists the images' ids in gallery order.
    const avatarIds =
      visibleText(first)
        .split('\n')
        .at(-1)
        ?.match(/avatar_\w+/g) ?? [];
    expect(avatarIds).toHaveLength(4);
    expect(JSON.stringify(panel)).toContain(avatarIds[3]);
  });

  it("refuses another member's click and changes nothing", async () => {
    const first = await avatarResult('ada', { prompt: 'a bronze lion' });
    const before = h.percify.avatars().length;
    const reply = await h.emulator.driver
      .clickButton({ message: first, customId: componentIds(first)['Reroll']!, user: 'cleo' })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("someone else's result");
    expect(h.percify.avatars()).toHaveLength(before);
  });

  it('deletes the message and the avatar at Percify', async () => {
    const first = await avatarResult('ada', { prompt: 'a moss golem' });
    const avatarId = h.percify.avatars().find((a) => a.prompt === 'a moss golem')!.id;
    await h.emulator.driver
      .clickButton({ message: first, customId: componentIds(first)['Delete']!, user: 'ada' })
      .response();
    await vi.waitFor(() => expect(h.emulator.driver.message(first.id)?.deleted).toBe(true));
    await vi.waitFor(() => expect(h.percify.avatars().some((a) => a.id === avatarId)).toBe(false));
  });

  it('answers a button whose job record is gone with a friendly line', async () => {
    const first = await avatarResult('cleo', { prompt: 'a tin robot' });
    const rerollId = componentIds(first)['Reroll']!;
    await h.app.context.store.delete(`v1:job:${rerollId.split(':')[2]}`);
    const reply = await h.emulator.driver
      .clickButton({ message: first, customId: rerollId, user: 'ben' })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('no longer available');
  });
});
