import type { EntryMeta, JobUsage } from './ledger-types.js';

/** Checks on what callers hand the ledger: ids, whole credits, and the usage copied into entries. */

export interface AdminCreditChange {
  /** Idempotency key, e.g. the interaction id of the admin's command. */
  opId: string;
  guildId: string;
  adminId: string;
  memberId: string;
  amount: number;
  reason: string;
}

export function usageMeta(usage: JobUsage): EntryMeta {
  const meta: EntryMeta = { usageKind: usage.kind };
  if (usage.feature !== undefined) meta.feature = usage.feature;
  if (usage.model !== undefined) meta.model = usage.model;
  if (usage.tier !== undefined) meta.tier = usage.tier;
  if (usage.variations !== undefined) meta.variations = usage.variations;
  if (usage.videoSeconds !== undefined) meta.videoSeconds = usage.videoSeconds;
  return meta;
}

export function validateAdminChange(change: AdminCreditChange): AdminCreditChange {
  assertId(change.opId, 'opId');
  assertId(change.guildId, 'guildId');
  assertId(change.adminId, 'adminId');
  assertId(change.memberId, 'memberId');
  assertCredits(change.amount, 'amount');
  if (change.amount === 0) throw new RangeError('amount must be at least 1 credit');
  return change;
}

export function assertId(value: string, name: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`${name} must be a non-empty string`);
}

/** Credits are whole numbers (Percify's creditCost is an integer); anything else is a bug upstream. */
export function assertCredits(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of credits >= 0; got ${String(value)}`);
  }
}
