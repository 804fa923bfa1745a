import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { GuildSettingsService } from '../../src/services/credits/guild-settings.js';
import { Ledger } from '../../src/services/credits/ledger.js';
import { createStore } from '../../src/services/store.js';
import { describeEachBackend } from '../support/backends.js';
import { replay } from './ledger-replay.js';

/**
 * Two OS processes on one database (a rolling deploy, two replicas), each making 150 reserve ->
 * capture attempts of 1 credit, 8 in flight, for one member granted 100 credits with no allowance:
 * exactly 100 succeed, nothing beyond the grant, every capture recorded, no hold left, and the log
 * adds up to the balance. Then the same with one process killed -9 mid-run and restarted.
 */

const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const CHILD = new URL('./race-child.ts', import.meta.url).pathname;
const GUILD = '100000000000000001';
const MEMBER = '200000000000000001';
const ADMIN = '300000000000000001';
const logger = silentLogger();

interface ChildRun {
  lines: string[];
  killed: boolean;
}

function runChild(url: string, prefix: string, killAfterLines?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, CHILD, url, prefix, '150', '8', GUILD, MEMBER],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts);
      if (killAfterLines !== undefined && lines.length >= killAfterLines) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ lines, killed: true });
      else if (code === 0) resolve({ lines, killed: false });
      else reject(new Error(`race child ${prefix} failed (${code}): ${stderr}`));
    });
  });
}

async function setUp(url: string) {
  const store = await createStore(url, { logger });
  const settings = new GuildSettingsService({ store, logger });
  const ledger = new Ledger({ store, settings, logger });
  await settings.update(
    GUILD,
    ADMIN,
    (s) => ({ ...s, allowancePerDay: 0, limits: { ...s.limits, concurrentJobs: 20 } }),
    'race: grant only',
  );
  await ledger.grant({
    opId: 'race-grant',
    guildId: GUILD,
    adminId: ADMIN,
    memberId: MEMBER,
    amount: 100,
    reason: 'race',
  });
  return { store, ledger };
}

async function expectExactBooks(ledger: Ledger): Promise<void> {
  const entries = await ledger.entries(GUILD);
  const captures = entries.filter((entry) => entry.kind === 'capture');
  expect(captures).toHaveLength(100);
  expect(new Set(captures.map((entry) => entry.jobId)).size).toBe(100);
  expect(entries.filter((entry) => entry.kind === 'reserve')).toHaveLength(100);
  expect(entries.filter((entry) => entry.kind === 'release')).toHaveLength(0);
  const balance = await ledger.balance(GUILD, MEMBER, []);
  expect(balance).toMatchObject({ granted: 0, reservedNow: 0, spendable: 0 });
  expect(await ledger.openReservations()).toEqual([]);
  // The log, replayed on its own, says the same.
  const state = replay(entries, {
    allowanceOf: () => 0,
    budgetPerDay: Number.POSITIVE_INFINITY,
    concurrentJobs: 100,
  });
  expect(state.granted.get(MEMBER)).toBe(0);
  expect(state.holds.size).toBe(0);
}

describeEachBackend('two processes racing for one member’s credits', (backend) => {
  it('hands out exactly the grant: 100 of 300 attempts, every one charged', async () => {
    const url = await backend.newUrl();
    const { store, ledger } = await setUp(url);
    try {
      const [a, b] = await Promise.all([runChild(url, 'a'), runChild(url, 'b')]);
      const succeeded = [...a.lines, ...b.lines].filter((line) => line.startsWith('ok '));
      expect(succeeded).toHaveLength(100);
      await expectExactBooks(ledger);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('stays exact when one process is killed -9 mid-run and restarted', async () => {
    const url = await backend.newUrl();
    const { store, ledger } = await setUp(url);
    try {
      const [killed, b] = await Promise.all([runChild(url, 'a', 40), runChild(url, 'b')]);
      expect(killed.killed).toBe(true);
      const restarted = await runChild(url, 'a');
      const succeeded = new Set(
        [...restarted.lines, ...b.lines]
          .filter((line) => line.startsWith('ok '))
          .map((line) => line.slice(3)),
      );
      expect(succeeded.size).toBe(100);
      await expectExactBooks(ledger);
    } finally {
      await store.close();
    }
  }, 120_000);
});
