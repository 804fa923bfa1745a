import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAvailable, startServer, type TestServer } from '../sandbox/local-servers.js';
import { silentLogger } from '../src/logger.js';
import { GuildSettingsService } from '../src/services/credits/guild-settings.js';
import { Ledger } from '../src/services/credits/ledger.js';
import { emptyGuild, seqOfEntry, type MemberLedger } from '../src/services/credits/ledger-records.js';
import type { LedgerEntry } from '../src/services/credits/ledger-types.js';
import { createStore, storeKey, type Store } from '../src/services/store.js';
import { spread } from './stats.js';

/**
 * The ledger's cost against the size of a guild: one reserve + capture in a guild where 100, 1,000
 * or 10,000 members have already spent, on each database that is installed here. The members are
 * written straight into the v2 layout (a member record with its newest entries, two log entries
 * each, the guild head's sequence past them), as that many real operations would have left them;
 * then `ops` real reserve + capture pairs run one after another on random members.
 */

export interface LedgerBenchRow {
  backend: 'sqlite' | 'postgres' | 'redis';
  members: number;
  p50: number;
  p99: number;
}

const GUILD = '100000000000000001';
const SIZES = [100, 1_000, 10_000];

export async function benchLedger(ops = 200): Promise<LedgerBenchRow[]> {
  const rows: LedgerBenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'percify-bench-ledger-'));
  try {
    for (const backend of ['sqlite', 'postgres', 'redis'] as const) {
      let server: TestServer | undefined;
      if (backend !== 'sqlite') {
        if (!serverAvailable(backend)) continue;
        server = await startServer(backend);
      }
      try {
        for (const members of SIZES) {
          const url = server
            ? await server.newDatabaseUrl()
            : `sqlite://${join(dir, `ledger-${members}.sqlite`)}`;
          const store = await createStore(url, { logger: silentLogger() });
          try {
            rows.push({ backend, members, ...(await measure(store, members, ops)) });
          } finally {
            await store.close();
          }
        }
      } finally {
        await server?.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function measure(store: Store, members: number, ops: number): Promise<{ p50: number; p99: number }> {
  const logger = silentLogger();
  const settings = new GuildSettingsService({ store, logger });
  const ledger = new Ledger({ store, settings, logger });
  await seed(store, members);
  const timings: number[] = [];
  // The first operations warm up the JIT and the connections; they are not counted.
  const warmUp = 20;
  for (let index = 0; index < ops + warmUp; index += 1) {
    const memberId = memberIdOf(Math.floor(Math.random() * members));
    const jobId = `bench-${index}`;
    const started = performance.now();
    const reserved = await ledger.reserve({
      jobId,
      guildId: GUILD,
      memberId,
      roleIds: [],
      amount: 1,
      usage: { kind: 'avatar', model: 'flux', variations: 1 },
    });
    if (!reserved.ok) throw new Error(`bench reserve refused: ${reserved.error.limitedBy}`);
    await ledger.capture(jobId, 1);
    if (index >= warmUp) timings.push(performance.now() - started);
  }
  const { p50, p99 } = spread(timings);
  return { p50, p99 };
}

function memberIdOf(index: number): string {
  return `2${String(index).padStart(17, '0')}`;
}

async function seed(store: Store, members: number): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  const at = Date.now() - 60_000;
  const head = emptyGuild(GUILD);
  for (let start = 0; start < members; start += 500) {
    const writes: Record<string, unknown> = {};
    for (let index = start; index < Math.min(members, start + 500); index += 1) {
      const memberId = memberIdOf(index);
      const jobId = `seed-${index}`;
      const entry = (kind: 'reserve' | 'capture'): LedgerEntry => {
        const seq = head.nextSeq++;
        const full: LedgerEntry = {
          id: `${GUILD}.${seq}`,
          at,
          guildId: GUILD,
          memberId,
          actor: `job:${jobId}`,
          amount: 4,
          kind,
          reason: kind === 'reserve' ? 'avatar job' : 'avatar job finished',
          jobId,
          meta: { usageKind: 'avatar', model: 'flux', variations: 1, fromAllowance: 4, fromGranted: 0, day },
        };
        writes[storeKey.ledgerEntry(GUILD, seq)] = full;
        return full;
      };
      entry('reserve');
      const capture = entry('capture');
      const record: MemberLedger = {
        version: 2,
        day,
        allowanceUsed: 4,
        spent: 4,
        granted: 0,
        holds: {},
        recentSeqs: [seqOfEntry(capture)],
      };
      writes[storeKey.ledgerMember(GUILD, memberId)] = record;
      writes[storeKey.ledgerJob(jobId)] = { guildId: GUILD, memberId };
    }
    head.day = { key: day, spent: 4 * Math.min(members, start + 500) };
    head.month = { key: day.slice(0, 7), spent: head.day.spent };
    await store.transact([], () => ({
      set: { ...writes, [storeKey.ledgerGuild(GUILD)]: head },
      result: undefined,
    }));
  }
}
