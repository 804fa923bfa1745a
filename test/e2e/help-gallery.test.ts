import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

// /help and /gallery end to end: the real discord.js client through the emulator, real /avatar jobs on
// the Percify simulator feeding the gallery through the job runner's finish callback.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
  const admin = h.emulator.driver.userId('ada');
  // A server-specific allowance, so /help's numbers come from this server's settings.
  await h.app.context.settings.update(h.guild.id, admin, (s) => ({ ...s, allowancePerDay: 30 }), 'test');
}, 60_000);
afterAll(async () => {
  await h?.close();
});

interface Made {
  prompt: string;
  avatarIds: string[];
  thumbnailUrl: string;
}

/** Runs /avatar for ben and waits until the result is delivered and recorded in his history. */
async function makeAvatar(prompt: string): Promise<Made> {
  const driver = h.emulator.driver;
  const first = await driver
    .runCommand({ user: 'ben', channel: 'studio', name: 'avatar', options: { prompt, model: 'flux' } })
    .reply();
  const done = await driver.waitForEdit(first.id, (m) => m.attachments.length === 1, 20_000);
  const benId = driver.userId('ben');
  await vi.waitFor(async () => {
    const { items } = await h.app.context.history.list(h.guild.id, benId, { limit: 100 });
    expect(items.some((item) => item.prompt === prompt)).toBe(true);
  });
  const avatarIds = h.percify
    .avatars()
    .filter((a) => a.prompt === prompt)
    .map((a) => a.id);
  return { prompt, avatarIds, thumbnailUrl: done.attachments[0]!.url };
}

function buttons(message: EmulatedMessage): APIButtonComponent[] {
  return (message.components as APIActionRowComponent<APIButtonComponent>[]).flatMap((row) => row.components);
}

function button(message: EmulatedMessage, label: string): APIButtonComponent & { custom_id: string } {
  const found = buttons(message).find((b) => 'label' in b && b.label === label);
  if (!found || !('custom_id' in found)) throw new Error(`no ${label} button on the gallery`);
  return found;
}

const shown = (embeds: APIEmbed[]) => embeds.map((e) => e.title ?? '');

describe('/gallery', () => {
  it('tells a member with no creations where they come from, privately', async () => {
    const reply = await h.emulator.driver
      .runCommand({ user: 'cleo', channel: 'studio', name: 'gallery' })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('empty');
    expect(reply.content).toContain('/avatar');
    expect(reply.embeds).toHaveLength(0);
  });

  const made: Made[] = [];

  it('lists two avatars newest first, with their Percify ids and Discord thumbnails', async () => {
    made.push(await makeAvatar('gallery one: a lighthouse keeper'));
    made.push(await makeAvatar('gallery two: a desert nomad'));
    const reply = await h.emulator.driver
      .runCommand({ user: 'ben', channel: 'studio', name: 'gallery' })
      .reply();
    expect(reply.ephemeral).toBe(false);
    expect(reply.content).toContain('2 creations');
    expect(shown(reply.embeds)).toEqual([
      '🖼️ gallery two: a desert nomad',
      '🖼️ gallery one: a lighthouse keeper',
    ]);
    for (const [index, item] of [made[1]!, made[0]!].entries()) {
      const embed = reply.embeds[index]!;
      expect(item.avatarIds).toHaveLength(1);
      expect(embed.description).toContain(`\`${item.avatarIds[0]}\``);
      expect(embed.thumbnail?.url).toBe(item.thumbnailUrl);
    }
    // One page: no paging buttons to click.
    expect(reply.components).toHaveLength(0);
    // Nobody is pinged by the owner's mention in the header.
    expect(reply.content).toContain(`<@${h.emulator.driver.userId('ben')}>`);
    expect(reply.api.mentions ?? []).toHaveLength(0);
  });

  it('pages with ▶ and ◀ past five creations, and refuses other members the buttons', async () => {
    for (let i = 3; i <= 6; i++) made.push(await makeAvatar(`gallery ${i}: portrait number ${i}`));
    const driver = h.emulator.driver;
    const first = await driver.runCommand({ user: 'ben', channel: 'studio', name: 'gallery' }).reply();
    expect(first.content).toContain('6 creations');
    expect(first.content).toContain('page 1 of 2');
    const newestFive = made.slice(1).reverse();
    expect(shown(first.embeds)).toEqual(newestFive.map((m) => `🖼️ ${m.prompt}`));
    expect(button(first, '◀').disabled).toBe(true);
    expect(button(first, '▶').disabled).toBe(false);

    // Someone else clicking is told no, and the gallery does not move.
    const refused = await driver
      .clickButton({ message: first.id, customId: button(first, '▶').custom_id, user: 'cleo' })
      .reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain("someone else's gallery");
    expect(shown(driver.message(first.id)!.embeds)).toEqual(newestFive.map((m) => `🖼️ ${m.prompt}`));

    const second = await driver
      .clickButton({ message: first.id, customId: button(first, '▶').custom_id, user: 'ben' })
      .reply();
    expect(second.id).toBe(first.id);
    expect(second.content).toContain('page 2 of 2');
    expect(shown(second.embeds)).toEqual([`🖼️ ${made[0]!.prompt}`]);
    expect(second.embeds[0]!.description).toContain(made[0]!.avatarIds[0]!);
    expect(button(second, '▶').disabled).toBe(true);
    expect(button(second, '◀').disabled).toBe(false);

    const back = await driver
      .clickButton({ message: first.id, customId: button(second, '◀').custom_id, user: 'ben' })
      .reply();
    expect(shown(back.embeds)).toEqual(newestFive.map((m) => `🖼️ ${m.prompt}`));
    expect(back.content).toContain('page 1 of 2');
  });

  it("refuses a member another member's gallery, and shows it privately to an admin", async () => {
    const driver = h.emulator.driver;
    const refused = await driver
      .runCommand({ user: 'cleo', channel: 'studio', name: 'gallery', options: { member: 'ben' } })
      .reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('manage this server');
    expect(refused.embeds).toHaveLength(0);

    const forAdmin = await driver
      .runCommand({ user: 'ada', channel: 'studio', name: 'gallery', options: { member: 'ben' } })
      .reply();
    expect(forAdmin.ephemeral).toBe(true);
    expect(forAdmin.content).toContain(`<@${driver.userId('ben')}>`);
    expect(forAdmin.content).toContain('6 creations');
    const next = await driver
      .clickButton({ message: forAdmin.id, customId: button(forAdmin, '▶').custom_id, user: 'ada' })
      .reply();
    expect(shown(next.embeds)).toEqual([`🖼️ ${made[0]!.prompt}`]);
  });
});

/** /help's embed fields by name. */
function fieldsOf(reply: EmulatedMessage): Record<string, string> {
  return Object.fromEntries((reply.embeds[0]!.fields ?? []).map((f) => [f.name, f.value]));
}

/** Cleo's /help, by field. */
async function helpFields(): Promise<Record<string, string>> {
  return fieldsOf(
    await h.emulator.driver.runCommand({ user: 'cleo', channel: 'general', name: 'help' }).reply(),
  );
}

describe('/help', () => {
  it('shows, only to the member, every price from the price list and their own balance', async () => {
    const driver = h.emulator.driver;
    const reply = await driver.runCommand({ user: 'cleo', channel: 'general', name: 'help' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds).toHaveLength(1);
    const fields = fieldsOf(reply);
    expect(fields['Commands']).toContain('`/avatar`');
    expect(fields['Commands']).toContain('`/gallery`');
    expect(fields['Commands']).toContain('`/help`');
    expect(fields['Avatars']).toContain('**flux** · Fast: 2 credits per image');
    expect(fields['Avatars']).toContain('**imagen3** · High quality: 5 credits per image');
    expect(fields['Avatars']).toContain('**reality4** · Ultra realistic: 5 credits per image');
    expect(fields['Videos']).toContain(
      '**Basic**: 30 credits up to 5 s, then +6 per second · 3–10 s · 720p, 24/30 fps',
    );
    // Reality Lab renders up to 30 s, but a new server allows 10: /help says what this one allows.
    expect(fields['Videos']).toContain(
      '**Reality Lab**: 20 credits up to 5 s, then +4 per second · 3–10 s · 1080p, 24/30/60 fps',
    );
    expect(fields['Avatars']).toContain('Up to 4 per /avatar');
    expect(fields['Voice']).toContain('5 credits + 1 per second');
    // This server's allowance of 30, untouched by cleo.
    expect(fields['Your balance']).toContain('**30 credits** to spend now');
    expect(fields['Getting more credits']).toContain('daily allowance of 30 credits');
    expect(fields['Getting more credits']).toMatch(/refills <t:\d+:R>/);
    expect(fields['Getting more credits']).toContain('admin');
  });

  it("advertises this server's limits as its admins change them", async () => {
    const admin = h.emulator.driver.userId('ada');
    const before = await h.app.context.settings.get(h.guild.id);
    await h.app.context.settings.update(
      h.guild.id,
      admin,
      (s) => ({
        ...s,
        defaultModel: 'flux',
        limits: {
          ...s.limits,
          maxVideoSeconds: 20,
          maxVariations: 2,
          allowedTiers: ['reality-lab'],
          allowedModels: ['flux'],
        },
      }),
      'test',
    );
    try {
      const fields = await helpFields();
      expect(fields['Videos']).toContain('· 3–20 s · 1080p');
      expect(fields['Videos']).toContain(
        '~~**Basic**: 30 credits up to 5 s, then +6 per second~~ · off on this server',
      );
      expect(fields['Avatars']).toContain(
        '~~**imagen3** · High quality: 5 credits per image~~ · off on this server',
      );
      expect(fields['Avatars']).toContain('Up to 2 per /avatar');
    } finally {
      await h.app.context.settings.update(h.guild.id, admin, () => before, 'test');
    }
  });

  it('prices photo avatars and voice clones, each marked off where the server has it off', async () => {
    const admin = h.emulator.driver.userId('ada');
    // A new server: photo avatars on, voice cloning off.
    const fresh = await helpFields();
    expect(fresh['Avatars']).toContain('**From your photo** (`/avatar photo:`): 10 credits');
    expect(fresh['Avatars']).not.toContain('~~**From your photo**');
    expect(fresh['Voice']).toContain(
      '~~**Your own voice** (`/voice clone`): 5 credits once per voice~~ · off on this server',
    );
    const before = await h.app.context.settings.get(h.guild.id);
    await h.app.context.settings.update(
      h.guild.id,
      admin,
      (s) => ({ ...s, features: { photoAvatars: false, voiceCloning: true } }),
      'test',
    );
    try {
      const changed = await helpFields();
      expect(changed['Avatars']).toContain('~~**From your photo** (`/avatar photo:`): 10 credits~~ · off');
      expect(changed['Voice']).toContain('**Your own voice** (`/voice clone`): 5 credits once per voice');
      expect(changed['Voice']).not.toContain('~~**Your own voice**');
    } finally {
      await h.app.context.settings.update(h.guild.id, admin, () => before, 'test');
    }
  });

  it("shows what a member's spending left them", async () => {
    // ben made six flux avatars above: 6 × 2 credits of his 30.
    const reply = await h.emulator.driver
      .runCommand({ user: 'ben', channel: 'general', name: 'help' })
      .reply();
    const balance = reply.embeds[0]!.fields?.find((f) => f.name === 'Your balance')?.value;
    expect(balance).toContain('**18 credits** to spend now');
    expect(balance).toContain("18 of today's 30 allowance left");
  });
});
