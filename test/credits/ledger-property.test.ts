import fc from 'fast-check';
import { expect, it } from 'vitest';
import { dayKey } from '../../src/services/credits/ledger-clock.js';
import { describeEachBackend } from '../support/backends.js';
import { createLedgerHarness, T0, type LedgerHarness } from './harness.js';
import { replay, type ReplayRules } from './ledger-replay.js';

/**
 * Random interleavings of every ledger operation from concurrent callers in two processes (two
 * connections, each with its own Ledger) on one guild with a daily budget, with crashes of the
 * first (its store closed under in-flight operations, then a new Store and Ledger on the same
 * database) at random points, on each backend. After every batch the whole log is replayed and checked
 * (ledger-replay.ts), and the ledger's balances must equal what the log says.
 */

const GUILD = '100000000000000001';
const ADMIN = '300000000000000009';
const MEMBERS = [
  { id: 'm0', roles: [] as string[], allowance: 20 },
  { id: 'm1', roles: ['vip'], allowance: 40 },
  { id: 'm2', roles: ['other'], allowance: 20 },
  { id: 'm3', roles: ['muted', 'other'], allowance: 0 },
];
const RULES: ReplayRules = {
  allowanceOf: (memberId) => MEMBERS.find((member) => member.id === memberId)?.allowance ?? 20,
  budgetPerDay: 30,
  concurrentJobs: 3,
};

type Op =
  | { t: 'reserve'; member: number; amount: number; model: 'flux' | 'imagen3' }
  | { t: 'capture'; job: number; actual: number }
  | { t: 'release'; job: number }
  | { t: 'grant'; member: number; amount: number }
  | { t: 'revoke'; member: number; amount: number }
  | { t: 'repeat'; back: number };

interface Batch {
  /** Each op and whether the second process (its own connection and Ledger) runs it. */
  ops: Array<[Op, boolean]>;
  /** Close the store after this many event-loop turns of the batch (a crash), or never. */
  crashAfterTurns: number | null;
  advanceMinutes: number;
}

const member = fc.integer({ min: 0, max: MEMBERS.length - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('reserve' as const),
      member,
      amount: fc.integer({ min: 0, max: 25 }),
      model: fc.constantFrom('flux' as const, 'flux' as const, 'flux' as const, 'imagen3' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('capture' as const),
      job: fc.nat(40),
      actual: fc.integer({ min: 0, max: 30 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('release' as const), job: fc.nat(40) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('grant' as const),
      member,
      amount: fc.integer({ min: 1, max: 15 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('revoke' as const),
      member,
      amount: fc.integer({ min: 1, max: 20 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('repeat' as const), back: fc.nat(30) }) },
);
const batchArbitrary: fc.Arbitrary<Batch> = fc.record({
  ops: fc.array(fc.tuple(opArbitrary, fc.boolean()), { minLength: 1, maxLength: 10 }),
  crashAfterTurns: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null, freq: 3 }),
  advanceMinutes: fc.constantFrom(0, 0, 7, 300, 900),
});

/** One issued call: what it was, so it can be repeated word for word, and what it answered. */
interface Call {
  run: (h: LedgerHarness) => Promise<unknown>;
  kind: Op['t'];
  outcome?: unknown;
  crashed: boolean;
}

function turns(count: number): Promise<void> {
  let chain = Promise.resolve();
  for (let index = 0; index < count; index += 1)
    chain = chain.then(() => new Promise((resolve) => setImmediate(resolve)));
  return chain;
}

async function checkAgainstLog(h: LedgerHarness, calls: readonly Call[]): Promise<void> {
  const state = replay(await h.ledger.entries(GUILD), RULES);
  const today = dayKey(h.clock.now, 0);
  for (const { id, roles } of MEMBERS) {
    const balance = await h.ledger.balance(GUILD, id, roles);
    expect(balance.spendable).toBeGreaterThanOrEqual(0);
    expect(balance.allowanceLeft).toBeGreaterThanOrEqual(0);
    expect(balance.granted).toBe(state.granted.get(id) ?? 0);
    const holds = [...state.holds.values()].filter((hold) => hold.memberId === id);
    expect(balance.reservedNow).toBe(holds.reduce((total, hold) => total + hold.amount, 0));
    expect(balance.spentToday).toBe(state.spent.get(`${id}|${today}`) ?? 0);
  }
  const open = await h.ledger.openReservations();
  expect(open.map((hold) => hold.jobId).sort()).toEqual([...state.holds.keys()].sort());
  const budget = (await h.ledger.balance(GUILD, 'm0', [])).budget;
  expect(budget && budget.spent + budget.reserved).toBeLessThanOrEqual(RULES.budgetPerDay);
  // What callers were told must be what the log says.
  for (const call of calls) {
    if (call.crashed || call.outcome === undefined) continue;
    const outcome = call.outcome as {
      ok?: boolean;
      status?: string;
      reservation?: { jobId: string };
      jobId?: string;
    };
    if (call.kind === 'reserve' && outcome.ok)
      expect(state.reserved.has(outcome.reservation?.jobId ?? '')).toBe(true);
    if (outcome.status === 'captured') expect(state.settled.get(outcome.jobId ?? '')).toBe('capture');
    if (outcome.status === 'released') expect(state.settled.get(outcome.jobId ?? '')).toBe('release');
  }
}

describeEachBackend('ledger under concurrency and crashes (property)', (backend) => {
  it('keeps every money invariant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchArbitrary, { minLength: 1, maxLength: 5 }), async (batches) => {
        const h = await createLedgerHarness(T0, await backend.newUrl());
        // A second process on the same database, never crashed, racing the first one.
        const peer = await h.openPeer();
        try {
          await h.settings.update(
            GUILD,
            ADMIN,
            (s) => ({
              ...s,
              allowancePerDay: 20,
              roleAllowances: { vip: 40, muted: 0 },
              budget: { credits: RULES.budgetPerDay, period: 'day' },
              limits: { ...s.limits, concurrentJobs: RULES.concurrentJobs, allowedModels: ['flux'] },
            }),
            'property setup',
          );
          // Granted credits from the start, so that holds often draw on them.
          for (const { id } of MEMBERS) {
            await h.ledger.grant({
              opId: `seed-${id}`,
              guildId: GUILD,
              adminId: ADMIN,
              memberId: id,
              amount: 15,
              reason: 'seed',
            });
          }
          const calls: Call[] = [];
          let serial = 0;
          // Jobs reserved in earlier batches (most recent first) or in this one, so that captures and
          // releases mostly meet open holds; sometimes a job that never existed.
          const reservedJobs: string[] = [];
          const batchJobs: string[] = [];
          const pickJob = (index: number) => {
            const candidates = [...batchJobs, ...reservedJobs.slice(-6)];
            return candidates[index % (candidates.length + 1)] ?? 'job-none';
          };
          for (const batch of batches) {
            const issued: Call[] = [];
            for (const [op, viaPeer] of batch.ops) {
              const on = (hh: LedgerHarness) => (viaPeer ? peer.ledger : hh.ledger);
              serial += 1;
              const id = `${serial}`;
              let call: Call;
              if (op.t === 'repeat') {
                const original = calls[calls.length - 1 - (op.back % Math.max(1, calls.length))];
                if (!original) continue;
                call = { run: original.run, kind: original.kind, crashed: false };
                const first = original;
                issued.push(call);
                calls.push(call);
                // Checked after the batch: a repeat answers like the first call (when that one answered).
                call.outcome = undefined;
                (call as Call & { first?: Call }).first = first;
                continue;
              }
              if (op.t === 'reserve') {
                const who = MEMBERS[op.member] ?? MEMBERS[0]!;
                const jobId = `job-${id}`;
                batchJobs.push(jobId);
                const request = {
                  jobId,
                  guildId: GUILD,
                  memberId: who.id,
                  roleIds: who.roles,
                  amount: op.amount,
                  usage: { kind: 'avatar' as const, model: op.model },
                };
                call = { run: (hh) => on(hh).reserve(request), kind: 'reserve', crashed: false };
              } else if (op.t === 'capture') {
                const jobId = pickJob(op.job);
                call = { run: (hh) => on(hh).capture(jobId, op.actual), kind: 'capture', crashed: false };
              } else if (op.t === 'release') {
                const jobId = pickJob(op.job);
                call = { run: (hh) => on(hh).release(jobId, 'failed'), kind: 'release', crashed: false };
              } else {
                const who = MEMBERS[op.member] ?? MEMBERS[0]!;
                const change = {
                  opId: `op-${id}`,
                  guildId: GUILD,
                  adminId: ADMIN,
                  memberId: who.id,
                  amount: op.amount,
                  reason: op.t,
                };
                call = {
                  run: (hh) => (op.t === 'grant' ? on(hh).grant(change) : on(hh).revoke(change)),
                  kind: op.t,
                  crashed: false,
                };
              }
              issued.push(call);
              calls.push(call);
            }
            // Every call of the batch starts at once; a crash may land anywhere inside them.
            const running = issued.map((call) =>
              call.run(h).then(
                (outcome) => {
                  call.outcome = outcome;
                },
                () => {
                  call.crashed = true;
                },
              ),
            );
            if (batch.crashAfterTurns !== null) {
              await turns(batch.crashAfterTurns);
              const closing = h.store.close();
              await Promise.all(running);
              await closing;
              await h.restart();
              // Callers retry what failed, with the same ids.
              for (const call of issued.filter((c) => c.crashed)) {
                call.outcome = await call.run(h);
                call.crashed = false;
              }
            } else {
              await Promise.all(running);
            }
            for (const call of issued) {
              const first = (call as Call & { first?: Call }).first;
              const firstOutcome = first?.outcome as { status?: string } | undefined;
              if (
                first &&
                firstOutcome &&
                firstOutcome.status !== 'unknown' &&
                issued.indexOf(first) === -1
              ) {
                expect(call.outcome).toEqual(firstOutcome);
              }
            }
            expect(issued.every((call) => !call.crashed)).toBe(true);
            for (const call of issued) {
              const outcome = call.outcome as { ok?: boolean; reservation?: { jobId: string } } | undefined;
              if (call.kind === 'reserve' && outcome?.ok && outcome.reservation)
                reservedJobs.push(outcome.reservation.jobId);
            }
            batchJobs.length = 0;
            await checkAgainstLog(h, calls);
            h.clock.now += batch.advanceMinutes * 60_000;
          }
        } finally {
          await h.cleanup();
        }
      }),
      // Fewer runs against a server: each one creates a database.
      { numRuns: backend.kind === 'sqlite' ? 60 : 8 },
    );
  }, 240_000);
});
