import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatedMessage, OptionValue } from '../../sandbox/discord/index.js';
import { describeEachBackend } from '../support/backends.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { avatarToTheEnd } from '../support/job-runs.js';

// /credits end to end, and the admins' grant and revoke that change it: what a member sees through
// the real discord.js client, the emulator, the simulator and the ledger, on each database.

let h: BotHarness;

describeEachBackend('credits end to end', (backend) => {
  beforeAll(async () => {
    h = await startBotHarness({ env: { DATABASE_URL: await backend.newUrl() } });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  function run(user: string, name: string, options: Record<string, OptionValue> = {}) {
    return h.emulator.driver.runCommand({ user, channel: 'studio', name, options }).reply();
  }

  function fieldsOf(message: EmulatedMessage): Record<string, string> {
    return Object.fromEntries((message.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
  }

  const id = (user: string) => h.emulator.driver.userId(user);
  const DAY_MS = 86_400_000;

  describe('/credits', () => {
    it("shows a new member's full allowance, privately, and when it resets", async () => {
      const reply = await run('cleo', 'credits');
      expect(reply.ephemeral).toBe(true);
      const embed = reply.embeds[0]!;
      expect(embed.title).toBe('💳 Your credits');
      expect(embed.description).toBe('You can spend **50 credits** now.');
      const fields = fieldsOf(reply);
      expect(fields["Today's allowance"]).toBe('50 of 50 credits left · 0 spent · 0 reserved');
      expect(fields.Granted).toBe('0 credits (kept until spent)');
      const nextMidnight = Math.floor(h.app.context.now() / DAY_MS) * DAY_MS + DAY_MS;
      expect(fields['Allowance resets']).toBe(`<t:${nextMidnight / 1000}:R>`);
      expect(fields['Recent charges and refunds']).toBe('Nothing yet. Try `/avatar`!');
    });

    it('shows the charge of a finished /avatar in the balance and the recent list', async () => {
      const first = await run('ben', 'avatar', { prompt: 'a paper crane', model: 'flux', variations: 2 });
      await h.emulator.driver.waitForEdit(first.id, (m) => m.attachments.length === 2, 20_000);
      await vi.waitFor(async () => {
        const balance = await h.app.context.ledger.balance(h.guild.id, id('ben'), []);
        expect(balance.spentToday).toBe(4);
      });
      const reply = await run('ben', 'credits');
      expect(reply.embeds[0]?.description).toBe('You can spend **46 credits** now.');
      const fields = fieldsOf(reply);
      expect(fields["Today's allowance"]).toBe('46 of 50 credits left · 4 spent · 0 reserved');
      expect(fields['Recent charges and refunds']).toMatch(/^\*\*−4\*\* · 2 flux avatars · <t:\d+:R>$/);
    });

    it('reflects a grant and a revoke by an admin, each confirmed with before → after', async () => {
      const granted = await run('ada', 'quota grant', {
        member: id('cleo'),
        credits: 10,
        reason: 'contest winner',
      });
      expect(granted.ephemeral).toBe(true);
      expect(granted.embeds[0]?.description).toBe(
        `Gave <@${id('cleo')}> **10 credits**. Granted balance: 0 → 10 credits.`,
      );
      let cleo = await run('cleo', 'credits');
      expect(cleo.embeds[0]?.description).toBe('You can spend **60 credits** now.');
      expect(fieldsOf(cleo).Granted).toBe('10 credits (kept until spent)');
      expect(fieldsOf(cleo)['Recent charges and refunds']).toMatch(
        /^\*\*\+10\*\* granted · contest winner · /,
      );

      const revoked = await run('ada', 'quota revoke', { member: id('cleo'), credits: 15 });
      expect(revoked.embeds[0]?.description).toContain('Only 10 of 15 credits could be revoked');
      expect(revoked.embeds[0]?.description).toContain('granted balance: 10 → 0 credits');
      cleo = await run('cleo', 'credits');
      expect(cleo.embeds[0]?.description).toBe('You can spend **50 credits** now.');
      const lines = fieldsOf(cleo)['Recent charges and refunds']!.split('\n');
      expect(lines[0]).toMatch(/^\*\*−10\*\* revoked · revoked by ada · /);
      expect(lines[1]).toMatch(/^\*\*\+10\*\* granted · contest winner · /);

      const audit = (await h.app.context.ledger.entries(h.guild.id)).filter((e) => e.memberId === id('cleo'));
      expect(audit.map((e) => [e.kind, e.amount, e.actor])).toEqual([
        ['grant', 10, `admin:${id('ada')}`],
        ['revoke', 10, `admin:${id('ada')}`],
      ]);
    });

    it("lets an admin see another member's credits, and refuses a member who tries", async () => {
      const refused = await run('cleo', 'credits', { member: id('ben') });
      expect(refused.ephemeral).toBe(true);
      expect(refused.content).toContain('Manage Server');
      expect(refused.embeds).toEqual([]);

      const own = await run('cleo', 'credits', { member: id('cleo') });
      expect(own.embeds[0]?.title).toBe('💳 Your credits');

      const seen = await run('ada', 'credits', { member: id('ben') });
      expect(seen.ephemeral).toBe(true);
      expect(seen.embeds[0]?.title).toBe('💳 Credits');
      expect(seen.embeds[0]?.description).toBe(`<@${id('ben')}> can spend **46 credits** now.`);
    });

    it('shows the server budget to members only when the admins chose to', async () => {
      await run('ada', 'quota budget', { credits: 50, period: 'day' });
      const hidden = fieldsOf(await run('ben', 'credits'));
      expect(hidden["Server's daily budget"]).toBeUndefined();
      // Admins always see it.
      expect(fieldsOf(await run('ada', 'credits'))["Server's daily budget"]).toMatch(
        /^46 of 50 credits left/,
      );

      await run('ada', 'quota budget', { credits: 50, show: true });
      expect(fieldsOf(await run('ben', 'credits'))["Server's daily budget"]).toMatch(
        /^46 of 50 credits left · resets <t:\d+:R>$/,
      );
    });

    it('explains a refund in words, without the failure code', async () => {
      h.percify.faults.failNextGenerations = 1;
      const { job } = await avatarToTheEnd(h, 'ben', 'a storm that will fail');
      expect(job.state).toBe('failed');
      await vi.waitFor(async () => {
        const recent = fieldsOf(await run('ben', 'credits'))['Recent charges and refunds'] ?? '';
        expect(recent.split('\n')[0]).toMatch(
          /^\*\*\+2\*\* refunded · Percify's content policy refused the prompt · <t:\d+:R>$/,
        );
      });
    });
  });
});
