import type { Message } from '../i18n/catalog-types.js';
import { storeKey, type Store } from '../store.js';
import { adminActor, changeLedger } from './ledger-change.js';
import { validateAdminChange, type AdminCreditChange } from './ledger-input.js';
import type { GrantOutcome, RevokeOutcome } from './ledger-types.js';

/**
 * An admin's grant or revoke of a member's granted credits (`/quota grant`, `/quota revoke`): one
 * ledger transaction each, idempotent by the operation id the command carries, recorded as one log
 * entry whose amount is what actually moved.
 */

/** Adds to a member's granted balance (kept across days until spent or revoked). */
export function grantCredits(
  store: Store,
  now: () => number,
  change: AdminCreditChange,
): Promise<GrantOutcome> {
  return changeGranted<GrantOutcome>(store, now, change, 'grant', (_granted, amount) => ({
    delta: amount,
    meta: {},
    result: (grantedAfter) => ({ opId: change.opId, memberId: change.memberId, amount, grantedAfter }),
  }));
}

/** Takes granted credits back; never below zero: it takes what there is and says so. */
export function revokeCredits(
  store: Store,
  now: () => number,
  change: AdminCreditChange,
): Promise<RevokeOutcome> {
  return changeGranted<RevokeOutcome>(store, now, change, 'revoke', (granted, amount) => {
    const revoked = Math.min(amount, granted);
    const detail: Message =
      revoked === amount
        ? { key: 'quota.grants.revoked', vars: { count: amount } }
        : { key: 'quota.grants.partly', vars: { count: amount, revoked } };
    return {
      delta: -revoked,
      meta: { requested: amount },
      result: (grantedAfter) => ({
        opId: change.opId,
        memberId: change.memberId,
        requested: amount,
        revoked,
        grantedAfter,
        detail,
      }),
    };
  });
}

/**
 * An admin's change to a member's granted balance, idempotent by its operation id and recorded as
 * one entry whose amount is what actually moved.
 */
function changeGranted<R>(
  store: Store,
  now: () => number,
  change: AdminCreditChange,
  kind: 'grant' | 'revoke',
  plan: (
    granted: number,
    amount: number,
  ) => { delta: number; meta: Record<string, number>; result: (grantedAfter: number) => R },
): Promise<R> {
  const { opId, guildId, adminId, memberId, amount, reason } = validateAdminChange(change);
  const opKey = storeKey.ledgerAdminOp(guildId, kind, opId);
  return changeLedger<R>(store, guildId, [memberId], [opKey], (ledger, read) => {
    const remembered = read<R>(opKey);
    if (remembered !== undefined) return { changed: false, result: remembered };
    // Grants and revokes do not touch day counters, so the member's own day key stays.
    const record = ledger.member(memberId, '');
    const { delta, meta, result: outcome } = plan(record.granted, amount);
    record.granted += delta;
    ledger.append({
      at: now(),
      memberId,
      actor: adminActor(adminId),
      amount: Math.abs(delta),
      kind,
      reason,
      meta: { opId, ...meta },
    });
    const result = outcome(record.granted);
    ledger.put(opKey, result);
    return { changed: true, result };
  });
}
