import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientRefusal, type EmulatedMessage, type OptionValue } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

// /quota end to end: an admin changes each setting through the real discord.js client and the
// emulator, `/quota view` shows it, and it really takes effect on members' commands.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({
    roles: [{ name: 'Patron' }, { name: 'Moderator', permissions: ['ManageGuild'] }],
    members: [
      { username: 'dora', globalName: 'Dora', roles: ['Patron'] },
      { username: 'max', globalName: 'Max (moderator)', roles: ['Moderator'] },
    ],
  });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function run(user: string, name: string, options: Record<string, OptionValue> = {}, channel = 'studio') {
  return h.emulator.driver.runCommand({ user, channel, name, options }).reply();
}

/** What Discord's client would never send, as a forged interaction or an Integrations override could. */
function forge(user: string, name: string, options: Record<string, OptionValue>) {
  return h.emulator.driver
    .runCommand({ user, channel: 'studio', name, options, skipClientChecks: true })
    .reply();
}

/** `/quota view` as the owner, as a map of field name -> value. */
async function viewFields(): Promise<Record<string, string>> {
  const reply = await run('ada', 'quota view');
  expect(reply.ephemeral).toBe(true);
  return Object.fromEntries((reply.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
}

function fieldsOf(message: EmulatedMessage): Record<string, string> {
  return Object.fromEntries((message.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
}

const id = (user: string) => h.emulator.driver.userId(user);
const channel = (name: string) => h.emulator.driver.channelId(name);
const settingsNow = () => h.app.context.settings.get(h.guild.id);

describe('/quota', () => {
  it('is registered for Manage Server only, and view shows the defaults of a new guild', async () => {
    const registered = h.emulator.driver.commands(h.guild.id).find((c) => c.name === 'quota');
    expect(registered?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(await viewFields()).toMatchObject({
      'Daily allowance': '50 credits per member',
      'Role allowances': 'None',
      'Server budget': 'None',
      'Jobs at a time': '2 per member',
      Variations: 'up to 4 per request',
      'Video length': 'up to 10 s',
      Models: 'flux, imagen3, reality4 (default flux)',
      'Video tiers': 'basic, reality-lab',
      'Confirm above': 'jobs costing more than 30 credits',
      Channels: 'Everywhere',
      Blocklist: 'Empty',
    });
  });

  it('is not offered to a member without Manage Server', () => {
    const offered = (user: string) =>
      h.emulator.driver.commands(h.guild.id, { as: user, channel: 'studio' }).map((c) => c.name);
    expect(offered('ben')).not.toContain('quota');
    expect(offered('ben')).toEqual(expect.arrayContaining(['avatar', 'animate', 'credits', 'help']));
    expect(offered('max')).toContain('quota');
    expect(() =>
      h.emulator.driver.runCommand({ user: 'ben', channel: 'studio', name: 'quota view' }),
    ).toThrow(ClientRefusal);
  });

  it('refuses every subcommand to a member without Manage Server, and changes nothing', async () => {
    const before = await settingsNow();
    const entriesBefore = (await h.app.context.ledger.entries(h.guild.id)).length;
    const attempts: Array<[string, Record<string, OptionValue>]> = [
      ['quota view', {}],
      ['quota allowance', { credits: 500 }],
      ['quota role', { role: h.guild.roles.Patron!, credits: 99 }],
      ['quota budget', { credits: 5, period: 'day', show: true }],
      ['quota limits', { models: 'flux', concurrent_jobs: 9 }],
      ['quota grant', { member: id('ben'), credits: 1000, reason: 'me' }],
      ['quota revoke', { member: id('cleo'), credits: 1 }],
      ['quota channels add', { channel: channel('general') }],
      ['quota channels remove', { channel: channel('general') }],
      ['quota channels clear', {}],
      ['quota blocklist add', { phrase: 'cat' }],
      ['quota blocklist remove', { phrase: 'cat' }],
      ['quota blocklist list', {}],
      ['quota usage', { period: 'week' }],
    ];
    for (const [name, options] of attempts) {
      // An admin can offer /quota to everyone in Server Settings → Integrations: the bot checks again.
      const reply = await forge('ben', name, options);
      expect(reply.ephemeral, name).toBe(true);
      expect(reply.content, name).toBe(
        '🔒 `/quota` is for server admins: it needs the **Manage Server** permission.',
      );
      expect(reply.embeds, name).toEqual([]);
      expect(reply.attachments, name).toEqual([]);
    }
    expect(await settingsNow()).toEqual(before);
    expect(await h.app.context.ledger.entries(h.guild.id)).toHaveLength(entriesBefore);
    const ben = await h.app.context.ledger.balance(h.guild.id, id('ben'), []);
    expect(ben.granted).toBe(0);
  });

  it('lets a moderator with Manage Server set the allowance, with before → after and an audit entry', async () => {
    const reply = await run('max', 'quota allowance', { credits: 3 });
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.title).toContain('daily allowance');
    expect(fieldsOf(reply)['Daily allowance']).toBe('50 credits per member\n→ 3 credits per member');
    expect((await viewFields())['Daily allowance']).toBe('3 credits per member');
    const audit = (await h.app.context.ledger.entries(h.guild.id)).filter((e) => e.kind === 'settings');
    expect(audit.at(-1)).toMatchObject({
      memberId: id('max'),
      actor: `admin:${id('max')}`,
      meta: { changes: { allowancePerDay: { before: 50, after: 3 } } },
    });

    // It takes effect: 2 flux variations cost 4 credits, more than today's 3.
    const refused = await run('cleo', 'avatar', { prompt: 'a lighthouse', model: 'flux', variations: 2 });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('Not enough credits');
    expect(h.percify.avatars().some((a) => a.prompt === 'a lighthouse')).toBe(false);

    await run('ada', 'quota allowance', { credits: 50 });
    expect((await settingsNow()).allowancePerDay).toBe(50);
  });

  it('refuses bad values that a forged interaction could send, without changing anything', async () => {
    const before = await settingsNow();
    const negative = await forge('ada', 'quota allowance', { credits: -5 });
    expect(negative.ephemeral).toBe(true);
    expect(negative.content).toContain('`credits` must be a whole number from 0');
    const unknownModel = await run('ada', 'quota limits', { models: 'flux, dalle' });
    expect(unknownModel.content).toContain('Unknown model: `dalle`');
    expect(unknownModel.content).toContain('flux, imagen3, reality4');
    const nothing = await run('ada', 'quota limits', {});
    expect(nothing.content).toContain('Pick at least one limit');
    const tooManyJobs = await forge('ada', 'quota limits', { concurrent_jobs: 500 });
    expect(tooManyJobs.content).toContain('`concurrent_jobs` must be a whole number from 1 to 20');
    expect(await settingsNow()).toEqual(before);
  });

  it('gives a role its own allowance, and 0 removes it', async () => {
    const patron = h.guild.roles.Patron!;
    const set = await run('ada', 'quota role', { role: patron, credits: 50 });
    expect(fieldsOf(set)['Role allowances']).toBe(`None\n→ <@&${patron}>: 50 credits a day`);
    expect((await viewFields())['Role allowances']).toBe(`<@&${patron}>: 50 credits a day`);
    const dora = await run('dora', 'credits');
    expect(dora.embeds[0]?.description).toBe('You can spend **50 credits** now.');
    const ben = await run('ben', 'credits');
    expect(ben.embeds[0]?.description).toBe('You can spend **50 credits** now.');

    await run('ada', 'quota role', { role: patron, credits: 0 });
    expect((await viewFields())['Role allowances']).toBe('None');
    expect((await run('dora', 'credits')).embeds[0]?.description).toBe('You can spend **50 credits** now.');
  });

  it('sets a monthly budget shown to members, and 0 removes it', async () => {
    const set = await run('ada', 'quota budget', { credits: 100, period: 'month', show: true });
    expect(fieldsOf(set)['Server budget']).toBe('None\n→ 100 credits a month · shown to members');
    expect((await viewFields())['Server budget']).toBe('100 credits a month · shown to members');
    const ben = fieldsOf(await run('ben', 'credits'));
    expect(ben["Server's monthly budget"]).toMatch(/^100 of 100 credits left · resets <t:\d+:R>$/);

    await run('ada', 'quota budget', { credits: 100, show: false });
    expect(fieldsOf(await run('ben', 'credits'))["Server's monthly budget"]).toBeUndefined();
    await run('ada', 'quota budget', { credits: 0 });
    expect((await viewFields())['Server budget']).toBe('None');
    expect((await settingsNow()).budget).toBeNull();
  });

  it('sets limits, which /avatar then enforces', async () => {
    const set = await run('ada', 'quota limits', {
      models: 'imagen3, flux',
      default_model: 'imagen3',
      max_variations: 2,
      concurrent_jobs: 1,
      max_video_seconds: 8,
      tiers: 'basic',
      confirm_above: 10,
    });
    expect(set.ephemeral).toBe(true);
    expect(fieldsOf(set).Models).toBe(
      'flux, imagen3, reality4 (default flux)\n→ flux, imagen3 (default imagen3)',
    );
    expect(await viewFields()).toMatchObject({
      'Jobs at a time': '1 per member',
      Variations: 'up to 2 per request',
      'Video length': 'up to 8 s',
      Models: 'flux, imagen3 (default imagen3)',
      'Video tiers': 'basic',
      'Confirm above': 'jobs costing more than 10 credits',
    });
    const reality = await run('ben', 'avatar', { prompt: 'a fox', model: 'reality4' });
    expect(reality.content).toContain('reality4 model is turned off');
    const many = await run('ben', 'avatar', { prompt: 'a fox', model: 'flux', variations: 3 });
    expect(many.content).toContain('up to 2 variations');
    expect(h.percify.avatars().some((a) => a.prompt === 'a fox')).toBe(false);

    // Turning off the default model moves the default to one still allowed.
    await run('ada', 'quota limits', { models: 'flux' });
    expect((await viewFields()).Models).toBe('flux (default flux)');
    await run('ada', 'quota limits', {
      models: 'all',
      max_variations: 4,
      concurrent_jobs: 2,
      tiers: 'basic,reality-lab',
    });
    expect((await settingsNow()).limits.allowedModels).toEqual(['flux', 'imagen3', 'reality4']);
  });

  it('keeps generation to the listed channels, and clear allows every channel again', async () => {
    const studio = channel('studio');
    const added = await run('ada', 'quota channels add', { channel: studio });
    expect(fieldsOf(added).Channels).toBe(`Everywhere\n→ <#${studio}>`);
    expect((await viewFields()).Channels).toBe(`<#${studio}>`);
    const elsewhere = await run('ben', 'avatar', { prompt: 'a moon', model: 'flux' }, 'general');
    expect(elsewhere.ephemeral).toBe(true);
    expect(elsewhere.content).toContain(`<#${studio}>`);
    expect(h.percify.avatars().some((a) => a.prompt === 'a moon')).toBe(false);

    const notListed = await run('ada', 'quota channels remove', { channel: channel('general') });
    expect(notListed.content).toContain('is not on the list');
    await run('ada', 'quota channels remove', { channel: studio });
    expect((await viewFields()).Channels).toBe('Everywhere');
    await run('ada', 'quota channels add', { channel: studio });
    await run('ada', 'quota channels clear');
    expect((await settingsNow()).channels).toEqual([]);
  });

  it('refuses a blocked phrase in a prompt before anything is spent', async () => {
    const added = await run('ada', 'quota blocklist add', { phrase: 'Dragon' });
    expect(fieldsOf(added).Blocklist).toBe('Empty\n→ `Dragon`');
    expect(fieldsOf(await run('ada', 'quota blocklist list')).Blocklist).toBe('`Dragon`');
    const balanceBefore = await h.app.context.ledger.balance(h.guild.id, id('cleo'), []);
    const refused = await run('cleo', 'avatar', { prompt: 'a red dragon at dusk', model: 'flux' });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('"Dragon"');
    expect(await h.app.context.ledger.balance(h.guild.id, id('cleo'), [])).toEqual(balanceBefore);
    expect(h.percify.avatars().some((a) => a.prompt.includes('dragon'))).toBe(false);

    await run('ada', 'quota blocklist remove', { phrase: 'dragon' });
    expect((await settingsNow()).blocklist).toEqual([]);
  });

  it('reports usage with totals, top members, models and a PNG chart', async () => {
    const first = await run('ben', 'avatar', { prompt: 'a teapot', model: 'flux', variations: 2 });
    await h.emulator.driver.waitForEdit(first.id, (m) => m.attachments.length === 2, 20_000);
    await vi.waitFor(async () => {
      const usage = await h.app.context.ledger.balance(h.guild.id, id('ben'), []);
      expect(usage.spentToday).toBe(4);
      // Charged just after the upload: on a loaded machine that can take more than waitFor's 1 s.
    }, 10_000);

    const handle = h.emulator.driver.runCommand({
      user: 'ada',
      channel: 'general',
      name: 'quota usage',
      options: { period: 'week' },
    });
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('📊 Usage · Last 7 days');
    expect(embed.description).toContain('**4 credits** charged for 1 job');
    expect(fieldsOf(reply)['Top members']).toBe(`1. <@${id('ben')}> · 4 credits`);
    expect(fieldsOf(reply)['By model']).toBe('1. flux · 4 credits');
    expect(embed.image?.url).toBe('attachment://usage.png');
    expect(reply.attachments).toHaveLength(1);
    const png = reply.attachments[0]!.bytes;
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBeGreaterThan(100);
  });
});
