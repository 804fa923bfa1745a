import type { Logger } from '../../logger.js';
import { legacyLedgerKey, storeKey } from '../store/store-keys.js';
import type { Store } from '../store.js';
import {
  MEMBER_VISIBLE,
  RECENT_KEPT,
  emptyMember,
  seqOfEntry,
  type GuildLedger,
  type JobLedger,
  type MemberLedger,
} from './ledger-records.js';
import type {
  LedgerEntry,
  PeriodCounter,
  Reservation,
  ReserveOutcome,
  SettleOutcome,
} from './ledger-types.js';

/**
 * Converts the v1 ledger (one document per guild with every member, hold and remembered outcome,
 * plus sealed chunks of its log and a job -> guild index) to the v2 layout of ledger-records.ts.
 *
 * Each guild moves in ONE transaction that writes every v2 key of the guild and deletes its v1 keys,
 * and that reads the v1 document and the v2 head: so a kill -9 at any moment leaves each guild
 * either wholly v1 or wholly v2, and a second process migrating at the same time finds the v1
 * document gone and skips it. Run before the bot serves anything; idempotent, so every start runs it.
 */

interface V1MemberRecord {
  day: string;
  allowanceUsed: number;
  spent: number;
  granted: number;
}

interface V1Document {
  version: 1;
  guildId: string;
  members: Record<string, V1MemberRecord>;
  holds: Record<string, Reservation>;
  guildDay: PeriodCounter;
  guildMonth: PeriodCounter;
  ops: Record<string, unknown>;
  sealedChunks: number;
  tail: LedgerEntry[];
  nextSeq: number;
}

const V1_DOCUMENT = /^v1:guild:([^:]+):ledger$/;

export interface MigrationHooks {
  /** Called after each guild's transaction committed (tests kill the process here). */
  afterGuild?: (guildId: string) => void | Promise<void>;
}

export async function migrateLedgerV1(
  store: Store,
  logger: Logger,
  hooks: MigrationHooks = {},
): Promise<number> {
  const guildIds = (await store.keys('v1:guild:'))
    .map((key) => V1_DOCUMENT.exec(key)?.[1])
    .filter((id): id is string => id !== undefined);
  let migrated = 0;
  for (const guildId of guildIds) {
    if (await migrateGuild(store, guildId)) {
      migrated += 1;
      logger.info({ guildId }, 'ledger of a guild migrated to the per-member layout');
    }
    await hooks.afterGuild?.(guildId);
  }
  return migrated;
}

async function migrateGuild(store: Store, guildId: string): Promise<boolean> {
  const documentKey = legacyLedgerKey.guildLedger(guildId);
  const headKey = storeKey.ledgerGuild(guildId);
  const doc = await store.get<V1Document>(documentKey);
  if (!doc) return false;
  const chunkKeys = Array.from({ length: doc.sealedChunks }, (_, index) =>
    legacyLedgerKey.guildLedgerEntries(guildId, index),
  );
  const chunks = await store.getMany<LedgerEntry[]>(chunkKeys);
  const entries: LedgerEntry[] = [];
  for (const [index, chunk] of chunks.entries()) {
    if (!chunk)
      throw new Error(`v1 ledger chunk ${chunkKeys[index]} is missing; not migrating guild ${guildId}`);
    entries.push(...chunk);
  }
  entries.push(...doc.tail);
  const converted = convert(doc, entries);
  return store.transact([documentKey, headKey], (read) => {
    const current = read<V1Document>(documentKey);
    if (!current) return { result: false };
    // Changed under us (an old release still running): try again at the next start.
    if (JSON.stringify(current) !== JSON.stringify(doc))
      throw new Error(`the v1 ledger of guild ${guildId} changed during its migration`);
    if (read(headKey) !== undefined) {
      throw new Error(
        `guild ${guildId} has both a v1 and a v2 ledger; refusing to merge them (no data was changed)`,
      );
    }
    return {
      set: converted.writes,
      delete: [documentKey, ...chunkKeys, ...converted.legacyIndex],
      result: true,
    };
  });
}

function convert(
  doc: V1Document,
  entries: readonly LedgerEntry[],
): { writes: Record<string, unknown>; legacyIndex: string[] } {
  const guildId = doc.guildId;
  const writes: Record<string, unknown> = {};
  entries.forEach((entry, seq) => {
    writes[storeKey.ledgerEntry(guildId, seq)] = entry;
  });
  const head: GuildLedger = {
    version: 2,
    guildId,
    day: doc.guildDay,
    month: doc.guildMonth,
    holds: {},
    nextSeq: doc.nextSeq,
  };
  const members = new Map<string, MemberLedger>();
  const member = (memberId: string): MemberLedger => {
    let record = members.get(memberId);
    if (!record) {
      const old = doc.members[memberId];
      record = old
        ? { ...emptyMember(old.day), ...old, version: 2, holds: {}, recentSeqs: [] }
        : emptyMember('');
      members.set(memberId, record);
    }
    return record;
  };
  for (const memberId of Object.keys(doc.members)) member(memberId);
  for (const hold of Object.values(doc.holds)) {
    member(hold.memberId).holds[hold.jobId] = hold;
    head.holds[hold.jobId] = { memberId: hold.memberId, amount: hold.amount, day: hold.day, at: hold.at };
  }
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index] as LedgerEntry;
    if (!MEMBER_VISIBLE.has(entry.kind)) continue;
    const record = member(entry.memberId);
    if (record.recentSeqs.length < RECENT_KEPT) record.recentSeqs.push(seqOfEntry(entry));
  }
  for (const [memberId, record] of members) writes[storeKey.ledgerMember(guildId, memberId)] = record;
  writes[storeKey.ledgerGuild(guildId)] = head;

  const jobs = new Map<string, JobLedger>();
  const job = (jobId: string): JobLedger => {
    let record = jobs.get(jobId);
    if (!record) {
      record = { guildId };
      jobs.set(jobId, record);
    }
    return record;
  };
  for (const hold of Object.values(doc.holds)) job(hold.jobId).memberId = hold.memberId;
  for (const [opKey, outcome] of Object.entries(doc.ops)) {
    const [kind, ...rest] = opKey.split(':');
    const id = rest.join(':');
    if (kind === 'reserve') {
      const reserve = outcome as ReserveOutcome;
      const record = job(id);
      record.reserve = reserve;
      if (reserve.ok) record.memberId = reserve.reservation.memberId;
    } else if (kind === 'settle') {
      const settle = outcome as SettleOutcome;
      const record = job(id);
      record.settle = settle;
      if (settle.status !== 'unknown') record.memberId = settle.reservation.memberId;
    } else if (kind === 'grant' || kind === 'revoke') {
      writes[storeKey.ledgerAdminOp(guildId, kind, id)] = outcome;
    }
  }
  for (const [jobId, record] of jobs) writes[storeKey.ledgerJob(jobId)] = record;
  return { writes, legacyIndex: [...jobs.keys()].map((jobId) => legacyLedgerKey.ledgerJob(jobId)) };
}
