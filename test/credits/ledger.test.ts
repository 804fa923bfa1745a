import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuildSettings } from '../../src/services/credits/guild-settings.js';
import type { MemberLedger } from '../../src/services/credits/ledger-records.js';
import type { ReserveRequest } from '../../src/services/credits/ledger-types.js';
import { storeKey } from '../../src/services/store.js';
import { describeEachBackend } from '../support/backends.js';
import { createLedgerHarness, T0, type LedgerHarness } from './harness.js';
import { createI18n } from '../../src/services/i18n/index.js';

const english = createI18n().translator('en');
const GUILD = '100000000000000001';
const ALICE = '200000000000000001';
const BOB = '200000000000000002';
const ADMIN = '300000000000000001';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let h: LedgerHarness;
let jobCounter = 0;

function avatar(memberId: string, amount: number, extra: Partial<ReserveRequest> = {}): ReserveRequest {
  jobCounter += 1;
  return {
    jobId: `job-${jobCounter}`,
    guildId: GUILD,
    memberId,
    roleIds: [],
    amount,
    usage: { kind: 'avatar', model: 'flux', variations: 1 },
    ...extra,
  };
}

async function configure(change: (settings: GuildSettings) => GuildSettings): Promise<void> {
  await h.settings.update(GUILD, ADMIN, change, 'test setup');
}

async function reserveOk(request: ReserveRequest) {
  const outcome = await h.ledger.reserve(request);
  if (!outcome.ok) throw new Error(`expected a reservation, got ${english.render(outcome.error.detail)}`);
  return outcome;
}

describeEachBackend('the ledger', (backend) => {
  beforeEach(async () => {
    h = await createLedgerHarness(T0, await backend.newUrl());
    // The arithmetic below is written for an allowance of 20, whatever the default for new servers is.
    await configure((s) => ({ ...s, allowancePerDay: 20 }));
  });
  afterEach(async () => {
    await h.cleanup();
  });

  describe('balances and the spending rule', () => {
    it("gives a new member the server's 20 credits, resetting at the next UTC midnight", async () => {
      const balance = await h.ledger.balance(GUILD, ALICE, []);
      expect(balance).toMatchObject({
        spendable: 20,
        allowance: 20,
        spentToday: 0,
        reservedNow: 0,
        granted: 0,
      });
      expect(balance.resetsAt).toBe(Date.UTC(2025, 10, 26));
      expect(balance.budget).toBeUndefined();
    });

    it('reserves, captures the API figure, and shows the balance after', async () => {
      const request = avatar(ALICE, 5);
      const reserved = await reserveOk(request);
      expect(reserved.balanceAfter).toBe(15);
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 15, reservedNow: 5 });
      const captured = await h.ledger.capture(request.jobId, 5);
      expect(captured).toMatchObject({ status: 'captured', charged: 5, released: 0, absorbed: 0 });
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({
        spendable: 15,
        spentToday: 5,
        reservedNow: 0,
      });
    });

    it('charges less when the API figure is lower and gives the rest of the hold back', async () => {
      const request = avatar(ALICE, 10);
      await reserveOk(request);
      expect(await h.ledger.capture(request.jobId, 6)).toMatchObject({ charged: 6, released: 4 });
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 14, spentToday: 6 });
    });

    it('never charges a member more than reserved: the excess is a topup entry paid by the operator', async () => {
      await configure((s) => ({ ...s, allowancePerDay: 100 }));
      const request = avatar(ALICE, 30, { usage: { kind: 'video', tier: 'basic', videoSeconds: 5 } });
      await reserveOk(request);
      const captured = await h.ledger.capture(request.jobId, 48);
      expect(captured).toMatchObject({ status: 'captured', charged: 30, absorbed: 18 });
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 70, spentToday: 30 });
      const entries = await h.ledger.entries(GUILD);
      const topup = entries.find((entry) => entry.kind === 'topup');
      expect(topup).toMatchObject({
        amount: 18,
        jobId: request.jobId,
        meta: { absorbed: 18, apiCharged: 48 },
      });
      const usage = await h.ledger.usage(GUILD, { from: T0 - DAY, to: T0 + DAY });
      expect(usage.totals).toMatchObject({ credits: 30, absorbed: 18 });
    });

    it('releases a failed job in full, and a reservation settles exactly once', async () => {
      const request = avatar(ALICE, 8);
      await reserveOk(request);
      const released = await h.ledger.release(request.jobId, 'percify failed');
      expect(released).toMatchObject({ status: 'released', released: 8 });
      expect(await h.ledger.capture(request.jobId, 8)).toEqual(released);
      expect(await h.ledger.release(request.jobId, 'again')).toEqual(released);
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 20, spentToday: 0 });
      const kinds = (await h.ledger.entries(GUILD))
        .filter((e) => e.jobId === request.jobId)
        .map((e) => e.kind);
      expect(kinds).toEqual(['reserve', 'release']);
    });

    it('treats a repeated reserve or capture as the first one, and unknown jobs as no-ops', async () => {
      const request = avatar(ALICE, 4);
      const first = await h.ledger.reserve(request);
      expect(await h.ledger.reserve(request)).toEqual(first);
      const captured = await h.ledger.capture(request.jobId, 4);
      expect(await h.ledger.capture(request.jobId, 2)).toEqual(captured);
      expect(await h.ledger.capture('never-reserved', 4)).toEqual({
        status: 'unknown',
        jobId: 'never-reserved',
      });
      expect(await h.ledger.release('never-reserved', 'x')).toEqual({
        status: 'unknown',
        jobId: 'never-reserved',
      });
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 16, spentToday: 4 });
      expect((await h.ledger.entries(GUILD)).filter((e) => e.kind !== 'settings')).toHaveLength(2);
    });

    it('uses the highest role allowance when any role has one', async () => {
      await configure((s) => ({ ...s, roleAllowances: { booster: 50, vip: 100, muted: 2 } }));
      expect((await h.ledger.balance(GUILD, ALICE, ['booster', 'vip'])).allowance).toBe(100);
      expect((await h.ledger.balance(GUILD, ALICE, ['booster', 'other'])).allowance).toBe(50);
      expect((await h.ledger.balance(GUILD, ALICE, ['other'])).allowance).toBe(20);
      expect((await h.ledger.balance(GUILD, ALICE, ['muted'])).allowance).toBe(2);
      expect((await h.ledger.reserve(avatar(ALICE, 60, { roleIds: ['booster'] }))).ok).toBe(false);
      expect((await h.ledger.reserve(avatar(ALICE, 60, { roleIds: ['vip'] }))).ok).toBe(true);
    });

    it('spends today’s allowance first, then granted credits, which last across days', async () => {
      await h.ledger.grant({
        opId: 'g1',
        guildId: GUILD,
        adminId: ADMIN,
        memberId: ALICE,
        amount: 30,
        reason: 'event prize',
      });
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 50, granted: 30 });
      const request = avatar(ALICE, 25);
      const reserved = await reserveOk(request);
      expect(reserved.reservation).toMatchObject({ fromAllowance: 20, fromGranted: 5 });
      await h.ledger.capture(request.jobId, 25);
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({
        spendable: 25,
        allowanceLeft: 0,
        granted: 25,
      });
      h.clock.now += DAY;
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({
        spendable: 45,
        allowanceLeft: 20,
        granted: 25,
      });
    });

    it('gives unused granted credits of a hold back on a smaller capture', async () => {
      await h.ledger.grant({
        opId: 'g1',
        guildId: GUILD,
        adminId: ADMIN,
        memberId: ALICE,
        amount: 10,
        reason: 'x',
      });
      const request = avatar(ALICE, 28);
      await reserveOk(request);
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 2, granted: 2 });
      await h.ledger.capture(request.jobId, 22);
      // 20 from the allowance, 2 of the 8 granted credits held; 6 come back.
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({
        spendable: 8,
        granted: 8,
        spentToday: 22,
      });
    });

    it('revokes never take the granted balance below zero, and say so', async () => {
      await h.ledger.grant({
        opId: 'g1',
        guildId: GUILD,
        adminId: ADMIN,
        memberId: BOB,
        amount: 10,
        reason: 'x',
      });
      const revoke = {
        opId: 'r1',
        guildId: GUILD,
        adminId: ADMIN,
        memberId: BOB,
        amount: 25,
        reason: 'abuse',
      };
      const outcome = await h.ledger.revoke(revoke);
      expect(outcome).toMatchObject({ requested: 25, revoked: 10, grantedAfter: 0 });
      expect(english.render(outcome.detail)).toMatch(/Only 10 of 25/);
      expect(await h.ledger.revoke(revoke)).toEqual(outcome);
      expect(await h.ledger.balance(GUILD, BOB, [])).toMatchObject({ granted: 0, spendable: 20 });
      const recent = await h.ledger.recentEntries(GUILD, BOB, 10);
      expect(recent.map((entry) => [entry.kind, entry.amount, entry.actor])).toEqual([
        ['revoke', 10, `admin:${ADMIN}`],
        ['grant', 10, `admin:${ADMIN}`],
      ]);
    });
  });

  describe('limits: each reason of InsufficientCredits', () => {
    beforeEach(async () => {
      await configure((s) => ({
        ...s,
        allowancePerDay: 100,
        limits: {
          ...s.limits,
          allowedModels: ['flux'],
          allowedTiers: ['basic'],
          maxVariations: 2,
          maxVideoSeconds: 8,
        },
      }));
    });

    it.each([
      ['model', { kind: 'avatar', model: 'imagen3' }, /imagen3 model is turned off/],
      ['tier', { kind: 'video', tier: 'reality-lab', videoSeconds: 5 }, /reality-lab tier/],
      ['variations', { kind: 'avatar', model: 'flux', variations: 4 }, /at most 2 variations/],
      ['duration', { kind: 'video', tier: 'basic', videoSeconds: 10 }, /at most 8 seconds/],
    ] as const)('refuses by %s', async (limitedBy, usage, detail) => {
      const outcome = await h.ledger.reserve(avatar(ALICE, 5, { usage }));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error).toMatchObject({ limitedBy, required: 5, available: 100 });
      expect(english.render(outcome.error.detail)).toMatch(detail);
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 100, reservedNow: 0 });
    });

    it('refuses by concurrency: open holds count, settled ones do not', async () => {
      const first = avatar(ALICE, 2);
      await reserveOk(first);
      await reserveOk(avatar(ALICE, 2));
      const third = await h.ledger.reserve(avatar(ALICE, 2));
      expect(third).toMatchObject({ ok: false, error: { limitedBy: 'concurrency' } });
      expect((await h.ledger.reserve(avatar(BOB, 2))).ok).toBe(true);
      await h.ledger.capture(first.jobId, 2);
      expect((await h.ledger.reserve(avatar(ALICE, 2))).ok).toBe(true);
    });

    it('refuses by allowance with what is available', async () => {
      const outcome = await h.ledger.reserve(avatar(ALICE, 101));
      expect(outcome).toMatchObject({
        ok: false,
        error: { limitedBy: 'allowance', required: 101, available: 100 },
      });
    });

    it('refuses by budget: spent plus reserved across the server', async () => {
      await configure((s) => ({ ...s, budget: { credits: 50, period: 'day' } }));
      await reserveOk(avatar(ALICE, 30));
      const bob = await h.ledger.reserve(avatar(BOB, 25));
      expect(bob).toMatchObject({ ok: false, error: { limitedBy: 'budget', required: 25, available: 20 } });
      if (!bob.ok) expect(english.render(bob.error.detail)).toMatch(/daily budget has 20 left/);
      expect((await h.ledger.balance(GUILD, BOB, [])).budget).toMatchObject({
        credits: 50,
        period: 'day',
        spent: 0,
        reserved: 30,
        left: 20,
      });
    });
  });

  describe('periods with a controlled clock', () => {
    it('rolls the day over at 00:00 UTC', async () => {
      h.clock.now = Date.UTC(2025, 10, 25, 23, 0);
      const request = avatar(ALICE, 20);
      await reserveOk(request);
      await h.ledger.capture(request.jobId, 20);
      h.clock.now = Date.UTC(2025, 10, 25, 23, 59, 59, 999);
      expect((await h.ledger.balance(GUILD, ALICE, [])).spendable).toBe(0);
      h.clock.now = Date.UTC(2025, 10, 26, 0, 0);
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 20, spentToday: 0 });
    });

    it('rolls the day over at the guild’s UTC offset', async () => {
      await configure((s) => ({ ...s, utcOffsetMinutes: 120 }));
      h.clock.now = Date.UTC(2025, 10, 25, 21, 0); // 23:00 local
      const request = avatar(ALICE, 20);
      await reserveOk(request);
      await h.ledger.capture(request.jobId, 20);
      const balance = await h.ledger.balance(GUILD, ALICE, []);
      expect(balance.spendable).toBe(0);
      expect(balance.resetsAt).toBe(Date.UTC(2025, 10, 25, 22, 0));
      h.clock.now = Date.UTC(2025, 10, 25, 22, 0); // local midnight
      expect((await h.ledger.balance(GUILD, ALICE, [])).spendable).toBe(20);
    });

    it('counts a hold captured after midnight for the day it was reserved on', async () => {
      await configure((s) => ({ ...s, budget: { credits: 30, period: 'day' } }));
      h.clock.now = Date.UTC(2025, 10, 25, 23, 59);
      const late = avatar(ALICE, 20);
      await reserveOk(late);
      h.clock.now = Date.UTC(2025, 10, 26, 0, 1);
      expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 20, reservedNow: 20 });
      await h.ledger.capture(late.jobId, 20);
      const balance = await h.ledger.balance(GUILD, ALICE, []);
      expect(balance).toMatchObject({ spendable: 20, spentToday: 0 });
      expect(balance.budget).toMatchObject({ spent: 0, left: 30 });
      expect((await h.ledger.reserve(avatar(BOB, 20))).ok).toBe(true);
    });

    it('caps the server by a monthly budget that resets on the 1st (local)', async () => {
      await configure((s) => ({ ...s, allowancePerDay: 100, budget: { credits: 50, period: 'month' } }));
      h.clock.now = Date.UTC(2025, 10, 3, 10);
      const first = avatar(ALICE, 30);
      await reserveOk(first);
      await h.ledger.capture(first.jobId, 30);
      h.clock.now = Date.UTC(2025, 10, 20, 10);
      expect(await h.ledger.reserve(avatar(BOB, 21))).toMatchObject({
        ok: false,
        error: { limitedBy: 'budget', available: 20 },
      });
      const budget = (await h.ledger.balance(GUILD, BOB, [])).budget;
      expect(budget).toMatchObject({ period: 'month', spent: 30, left: 20, resetsAt: Date.UTC(2025, 11, 1) });
      h.clock.now = Date.UTC(2025, 11, 1, 0, 0);
      expect((await h.ledger.reserve(avatar(BOB, 50))).ok).toBe(true);
    });
  });

  describe('reads and restart', () => {
    it("lists a member's newest entries from a record that keeps them in full, and rewrites it small", async () => {
      const grant = (index: number) =>
        h.ledger.grant({
          opId: `old-${index}`,
          guildId: GUILD,
          adminId: ADMIN,
          memberId: BOB,
          amount: 1,
          reason: `#${index}`,
        });
      for (let index = 0; index < 3; index += 1) await grant(index);
      const before = await h.ledger.recentEntries(GUILD, BOB, 10);
      expect(before.map((entry) => entry.reason)).toEqual(['#2', '#1', '#0']);
      // The record as versions before issue 19 wrote it: the entries themselves, no positions.
      const key = storeKey.ledgerMember(GUILD, BOB);
      const { recentSeqs: _positions, ...record } = (await h.store.get<MemberLedger>(key)) as MemberLedger;
      await h.store.set(key, { ...record, recent: before });
      expect(await h.ledger.recentEntries(GUILD, BOB, 2)).toEqual(before.slice(0, 2));
      expect(await h.ledger.balance(GUILD, BOB, [])).toMatchObject({ granted: 3 });

      for (let index = 3; index < 40; index += 1) await grant(index);
      const after = await h.ledger.recentEntries(GUILD, BOB, 25);
      expect(after.map((entry) => entry.reason)).toEqual(
        Array.from({ length: 20 }, (_, index) => `#${39 - index}`),
      );
      const stored = (await h.store.get<MemberLedger>(key)) as MemberLedger;
      expect(stored.recent).toBeUndefined();
      // What every hold reads and writes stays small however much the member has done.
      expect(JSON.stringify(stored).length).toBeLessThan(400);
    });

    it('finds open reservations after a restart, and settles them exactly once', async () => {
      const a = avatar(ALICE, 3);
      const b = avatar(BOB, 4);
      await reserveOk(a);
      await reserveOk(b);
      await h.ledger.capture(a.jobId, 3);
      await h.restart();
      const open = await h.ledger.openReservations();
      expect(open.map((hold) => [hold.jobId, hold.amount])).toEqual([[b.jobId, 4]]);
      expect(await h.ledger.release(b.jobId, 'restart')).toMatchObject({ status: 'released' });
      expect(await h.ledger.openReservations()).toEqual([]);
      expect(await h.ledger.capture(a.jobId, 3)).toMatchObject({ status: 'captured', charged: 3 });
    });

    it('keeps the whole log across sealed chunks, newest first for a member', async () => {
      for (let index = 0; index < 230; index += 1) {
        h.clock.now += 1000;
        await h.ledger.grant({
          opId: `g${index}`,
          guildId: GUILD,
          adminId: ADMIN,
          memberId: index % 2 ? ALICE : BOB,
          amount: 1,
          reason: `#${index}`,
        });
      }
      await h.restart();
      // Leaves out the setup's allowance change.
      const all = (await h.ledger.entries(GUILD)).filter((entry) => entry.kind !== 'settings');
      expect(all).toHaveLength(230);
      expect(new Set(all.map((entry) => entry.id)).size).toBe(230);
      expect(all.map((entry) => entry.reason)).toEqual(
        Array.from({ length: 230 }, (_, index) => `#${index}`),
      );
      const recent = await h.ledger.recentEntries(GUILD, BOB, 3);
      expect(recent.map((entry) => entry.reason)).toEqual(['#228', '#226', '#224']);
      expect((await h.ledger.balance(GUILD, BOB, [])).granted).toBe(115);
    });

    it('reports usage by member, model, tier and day', async () => {
      await configure((s) => ({ ...s, allowancePerDay: 200, limits: { ...s.limits, concurrentJobs: 5 } }));
      const jobs = [
        avatar(ALICE, 2),
        avatar(ALICE, 5, { usage: { kind: 'avatar', model: 'imagen3' } }),
        avatar(BOB, 48, { usage: { kind: 'video', tier: 'basic', videoSeconds: 8 } }),
      ];
      for (const job of jobs) await reserveOk(job);
      for (const job of jobs) await h.ledger.capture(job.jobId, job.amount);
      h.clock.now += DAY;
      const failed = avatar(BOB, 2);
      await reserveOk(failed);
      await h.ledger.release(failed.jobId, 'failed');
      const next = avatar(BOB, 2);
      await reserveOk(next);
      await h.ledger.capture(next.jobId, 2);
      const report = await h.ledger.usage(GUILD, {
        from: Date.UTC(2025, 10, 24),
        to: Date.UTC(2025, 10, 27),
      });
      expect(report.totals).toEqual({ credits: 57, jobs: 4, refunds: 1, refunded: 2, absorbed: 0 });
      expect(report.perMember).toEqual({ [ALICE]: 7, [BOB]: 50 });
      expect(report.perModel).toEqual({ flux: 4, imagen3: 5 });
      expect(report.perTier).toEqual({ basic: 48 });
      expect(report.perDay).toEqual([
        { day: '2025-11-24', credits: 0 },
        { day: '2025-11-25', credits: 55 },
        { day: '2025-11-26', credits: 2 },
      ]);
    });

    it('rejects amounts that are not whole credits', async () => {
      await expect(h.ledger.reserve(avatar(ALICE, 2.5))).rejects.toThrow(RangeError);
      await expect(h.ledger.reserve(avatar(ALICE, -1))).rejects.toThrow(RangeError);
      await expect(h.ledger.capture('job-x', Number.NaN)).rejects.toThrow(RangeError);
    });
  });
});
