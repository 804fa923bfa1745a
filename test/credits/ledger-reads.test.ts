import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { Ledger } from '../../src/services/credits/ledger.js';
import type { ReserveRequest } from '../../src/services/credits/ledger-types.js';
import type { Store } from '../../src/services/store.js';
import { describeEachBackend } from '../support/backends.js';
import { createLedgerHarness, T0, type LedgerHarness, type LedgerPeer } from './harness.js';

/**
 * What a ledger operation reads, and when: a reserve obeys the settings in force when it commits,
 * and a job this process reserved is settled without a read before its transaction, yet correctly
 * when another process got there first.
 */

const GUILD = '100000000000000001';
const ALICE = '200000000000000001';
const ADMIN = '300000000000000001';

let h: LedgerHarness;
let peer: LedgerPeer;
let jobCounter = 0;

function avatar(amount: number): ReserveRequest {
  jobCounter += 1;
  return {
    jobId: `reads-${jobCounter}`,
    guildId: GUILD,
    memberId: ALICE,
    roleIds: [],
    amount,
    usage: { kind: 'avatar', model: 'flux', variations: 1 },
  };
}

/** The store with `before` run ahead of every transaction, and a count of plain reads. */
function watched(store: Store, before: () => Promise<void> = async () => undefined) {
  const counts = { reads: 0, transactions: 0 };
  const proxy = new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === 'get' || property === 'getMany')
        return (...args: unknown[]) => {
          counts.reads += 1;
          return method.apply(target, args);
        };
      if (property === 'transact')
        return async (...args: unknown[]) => {
          counts.transactions += 1;
          await before();
          return method.apply(target, args);
        };
      return method.bind(target);
    },
  });
  return { store: proxy, counts };
}

function ledgerOver(store: Store): Ledger {
  return new Ledger({ store, settings: h.settings, logger: silentLogger(), now: () => h.clock.now });
}

describeEachBackend('what ledger operations read', (backend) => {
  beforeEach(async () => {
    h = await createLedgerHarness(T0, await backend.newUrl());
    peer = await h.openPeer();
    await h.settings.update(GUILD, ADMIN, (s) => ({ ...s, allowancePerDay: 20 }), 'test setup');
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('refuses a reserve under settings another process changed just before it committed', async () => {
    let changed = false;
    const { store } = watched(h.store, async () => {
      if (changed) return;
      changed = true;
      await peer.settings.update(GUILD, ADMIN, (s) => ({ ...s, allowancePerDay: 0 }), 'turned off');
    });
    const outcome = await ledgerOver(store).reserve(avatar(4));
    expect(outcome).toMatchObject({ ok: false, error: { limitedBy: 'allowance', available: 0 } });
    expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 0, reservedNow: 0 });
  });

  it('reserves and captures in one transaction each, with no read before either', async () => {
    const { store, counts } = watched(h.store);
    const ledger = ledgerOver(store);
    const request = avatar(4);
    expect((await ledger.reserve(request)).ok).toBe(true);
    expect(await ledger.capture(request.jobId, 3)).toMatchObject({ status: 'captured', charged: 3 });
    expect(counts).toEqual({ reads: 0, transactions: 2 });
  });

  it('answers a capture with the first outcome when another process released the job first', async () => {
    const request = avatar(4);
    expect((await h.ledger.reserve(request)).ok).toBe(true);
    const released = await peer.ledger.release(request.jobId, 'cancelled elsewhere');
    expect(released).toMatchObject({ status: 'released', released: 4 });
    expect(await h.ledger.capture(request.jobId, 4)).toEqual(released);
    expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 20, spentToday: 0 });
    const kinds = (await h.ledger.entries(GUILD)).filter((e) => e.jobId === request.jobId).map((e) => e.kind);
    expect(kinds).toEqual(['reserve', 'release']);
  });

  it('settles a job reserved by another process through its job record', async () => {
    const request = avatar(4);
    expect((await peer.ledger.reserve(request)).ok).toBe(true);
    expect(await h.ledger.capture(request.jobId, 4)).toMatchObject({ status: 'captured', charged: 4 });
    expect(await peer.ledger.release(request.jobId, 'late')).toMatchObject({ status: 'captured' });
    expect(await h.ledger.balance(GUILD, ALICE, [])).toMatchObject({ spendable: 16, spentToday: 4 });
  });
});
