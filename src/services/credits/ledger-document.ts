import { storeKey, type Store } from '../store.js';
import type { LedgerEntry, Reservation } from './ledger-types.js';

/**
 * The per-guild ledger state document and its append-only entry log. See the invariant at the top of
 * ledger.ts for why this layout is crash safe.
 *
 * Log layout: the newest entries live in `tail` inside the document; when the tail passes
 * CHUNK_SIZE, its oldest CHUNK_SIZE entries are written to chunk key number `sealedChunks` FIRST and
 * only then does the document (with `sealedChunks + 1` and a shorter tail) get written. A crash in
 * between leaves an unreferenced chunk that the next seal overwrites with the same entries.
 */

export const CHUNK_SIZE = 100;
/** How many settled operation outcomes a guild remembers for idempotent repeats. */
export const MAX_REMEMBERED_OPS = 1000;

export interface MemberRecord {
  /** Local day the two counters belong to; a different day means both are 0 today. */
  day: string;
  /** Allowance consumed by captures of holds reserved on `day`. */
  allowanceUsed: number;
  /** Everything charged for holds reserved on `day` (allowance and granted parts). */
  spent: number;
  /** Granted balance not spent and not held. */
  granted: number;
}

export interface PeriodCounter {
  key: string;
  spent: number;
}

export interface LedgerDocument {
  version: 1;
  guildId: string;
  members: Record<string, MemberRecord>;
  /** Open reservations by job id. */
  holds: Record<string, Reservation>;
  /** Guild-wide charges for holds reserved in the current local day and month. */
  guildDay: PeriodCounter;
  guildMonth: PeriodCounter;
  /** First outcomes by operation key (`reserve:<job>`, `settle:<job>`, `grant:<op>`, …), oldest first. */
  ops: Record<string, unknown>;
  sealedChunks: number;
  tail: LedgerEntry[];
  /** Entry ids are `<guildId>.<seq>`. */
  nextSeq: number;
}

export function emptyLedgerDocument(guildId: string): LedgerDocument {
  return {
    version: 1,
    guildId,
    members: {},
    holds: {},
    guildDay: { key: '', spent: 0 },
    guildMonth: { key: '', spent: 0 },
    ops: {},
    sealedChunks: 0,
    tail: [],
    nextSeq: 0,
  };
}

export type NewEntry = Omit<LedgerEntry, 'id' | 'guildId'>;

export interface LedgerMutation<R> {
  /** Return `changed: false` when nothing happened (an idempotent repeat): no write at all. */
  changed: boolean;
  result: R;
}

/**
 * The only way the ledger document changes: one serialised read-modify-write of the guild's document
 * key. `fn` mutates the given copy and appends entries through `append`; the document and its entries
 * are committed together by one write of the document key.
 */
export async function mutateLedger<R>(
  store: Store,
  guildId: string,
  fn: (doc: LedgerDocument, append: (entry: NewEntry) => LedgerEntry) => Promise<LedgerMutation<R>>,
  chunkSize = CHUNK_SIZE,
): Promise<R> {
  let outcome: R | undefined;
  let decided = false;
  await store.update<LedgerDocument>(storeKey.guildLedger(guildId), async (current) => {
    // A copy: handing back `current` itself means "unchanged" to Store.update.
    const doc = current ? structuredClone(current) : emptyLedgerDocument(guildId);
    const append = (entry: NewEntry): LedgerEntry => {
      const full: LedgerEntry = { id: `${guildId}.${doc.nextSeq}`, guildId, ...entry };
      doc.nextSeq += 1;
      doc.tail.push(full);
      return full;
    };
    const { changed, result } = await fn(doc, append);
    outcome = result;
    decided = true;
    if (!changed) return current;
    while (doc.tail.length > chunkSize) {
      // Written before the document that references it (see the file comment).
      await store.set(storeKey.guildLedgerEntries(guildId, doc.sealedChunks), doc.tail.slice(0, chunkSize));
      doc.tail = doc.tail.slice(chunkSize);
      doc.sealedChunks += 1;
    }
    return doc;
  });
  if (!decided) throw new Error('ledger mutation did not run');
  return outcome as R;
}

export function rememberOp(doc: LedgerDocument, key: string, outcome: unknown): void {
  doc.ops[key] = outcome;
  const keys = Object.keys(doc.ops);
  for (let index = 0; index < keys.length - MAX_REMEMBERED_OPS; index += 1) {
    delete doc.ops[keys[index] as string];
  }
}

export async function readLedger(store: Store, guildId: string): Promise<LedgerDocument> {
  return (await store.get<LedgerDocument>(storeKey.guildLedger(guildId))) ?? emptyLedgerDocument(guildId);
}

/**
 * Entries newest first, chunk by chunk, until `keepGoing` says stop (it sees each chunk's entries,
 * newest first). Reading is lock-free: a document only references chunks that were written already.
 */
export async function* entriesNewestFirst(store: Store, doc: LedgerDocument): AsyncGenerator<LedgerEntry> {
  for (let index = doc.tail.length - 1; index >= 0; index -= 1) yield doc.tail[index] as LedgerEntry;
  for (let chunk = doc.sealedChunks - 1; chunk >= 0; chunk -= 1) {
    const key = storeKey.guildLedgerEntries(doc.guildId, chunk);
    const entries = await store.get<LedgerEntry[]>(key);
    // By the write order a referenced chunk always exists; a missing one means the database lost data.
    if (!entries) throw new Error(`ledger log chunk ${key} is missing`);
    for (let index = entries.length - 1; index >= 0; index -= 1) yield entries[index] as LedgerEntry;
  }
}
