import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { DEFAULT_GUILD_SETTINGS, GuildSettingsService } from '../../src/services/credits/guild-settings.js';
import { Ledger } from '../../src/services/credits/ledger.js';
import { migrateLedgerV1 } from '../../src/services/credits/ledger-migration.js';
import { JobStore, migrateOpenJobIndex } from '../../src/services/jobs/job-store.js';
import { createStore, storeKey, type Store } from '../../src/services/store.js';

/**
 * The fixture (test/fixtures/v1-database) was written by the v1 release; after migration every
 * balance, newest entry, log, usage report, setting, open hold and job record must read exactly as
 * the v1 code read them, and the ledger must go on working on the migrated data.
 */

const FIXTURE = new URL('../fixtures/v1-database/', import.meta.url);
const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const CHILD = new URL('./migration-child.ts', import.meta.url).pathname;

interface Expected {
  readAt: number;
  jobs: Array<{ id: string }>;
  openReservations: unknown[];
  guilds: Record<
    string,
    {
      members: Record<string, { roles: string[]; balance: unknown; recent: unknown[] }>;
      entries: unknown[];
      usage: unknown;
      settings: unknown;
    }
  >;
}

const expected = withTodaysDefaultAllowance(
  withFieldsAddedSince(JSON.parse(readFileSync(new URL('expected.json', FIXTURE), 'utf8')) as Expected),
);

/**
 * Fields added after the fixture was read: every guild's settings read the default features (photo
 * avatars on, voice cloning off), and usage reports count them per feature (none in the fixture).
 */
function withFieldsAddedSince(readings: Expected): Expected {
  for (const guild of Object.values(readings.guilds)) {
    const settings = guild.settings as Record<string, unknown>;
    settings.features ??= { ...DEFAULT_GUILD_SETTINGS.features };
    const usage = guild.usage as Record<string, unknown>;
    usage.perFeature ??= {};
  }
  return readings;
}

/**
 * The fixture's readings were taken when a new server's allowance was 20 a day; a guild that never set
 * its own now reads today's default (50), and so do the balances of members on it without a role
 * allowance. Everything else must read exactly the same.
 */
function withTodaysDefaultAllowance(readings: Expected): Expected {
  const OLD_DEFAULT = 20;
  const raise = DEFAULT_GUILD_SETTINGS.allowancePerDay - OLD_DEFAULT;
  for (const guild of Object.values(readings.guilds)) {
    const settings = guild.settings as { allowancePerDay: number };
    // Only a guild that stored nothing reads the defaults; one that set anything keeps its 20.
    const oldDefaults = { ...DEFAULT_GUILD_SETTINGS, allowancePerDay: OLD_DEFAULT };
    if (JSON.stringify(settings) !== JSON.stringify(oldDefaults)) continue;
    settings.allowancePerDay = DEFAULT_GUILD_SETTINGS.allowancePerDay;
    for (const member of Object.values(guild.members)) {
      const balance = member.balance as { allowance: number; allowanceLeft: number; spendable: number };
      if (balance.allowance !== OLD_DEFAULT) continue;
      balance.allowance += raise;
      balance.allowanceLeft += raise;
      balance.spendable += raise;
    }
  }
  return readings;
}
const logger = silentLogger();
const dirs: string[] = [];
const stores: Store[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'percify-migrate-'));
  dirs.push(dir);
  const file = join(dir, 'bot.sqlite');
  copyFileSync(new URL('bot.sqlite', FIXTURE), file);
  return `sqlite://${file}`;
}

async function open(url: string) {
  const store = await createStore(url, { logger });
  stores.push(store);
  const now = () => expected.readAt;
  const settings = new GuildSettingsService({ store, logger, now });
  return { store, settings, ledger: new Ledger({ store, settings, logger, now }) };
}

async function expectSameReadings(url: string): Promise<void> {
  const { store, settings, ledger } = await open(url);
  for (const [guildId, guild] of Object.entries(expected.guilds)) {
    for (const [memberId, member] of Object.entries(guild.members)) {
      expect(await ledger.balance(guildId, memberId, member.roles)).toEqual(member.balance);
      expect(await ledger.recentEntries(guildId, memberId, 5)).toEqual(member.recent);
    }
    expect(await ledger.entries(guildId)).toEqual(guild.entries);
    expect(await ledger.usage(guildId, { from: Date.UTC(2026, 10, 27, 9), to: expected.readAt })).toEqual(
      guild.usage,
    );
    expect(await settings.get(guildId)).toEqual(guild.settings);
  }
  expect(await ledger.openReservations()).toEqual(expected.openReservations);
  for (const job of expected.jobs) expect(await store.get(storeKey.job(job.id))).toEqual(job);
  expect(await store.keys('v1:guild:')).toEqual(
    expect.not.arrayContaining([expect.stringMatching(/:ledger/)]),
  );
  expect(await store.keys('v1:ledger-job:')).toEqual([]);
}

function runChild(
  url: string,
  pauseMs: number,
  killAfterGuilds?: number,
): Promise<{ migrated: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CHILD, url, String(pauseMs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let migrated = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      migrated += (chunk.toString().match(/^migrated /gm) ?? []).length;
      if (killAfterGuilds !== undefined && migrated >= killAfterGuilds) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ migrated, killed: true });
      else if (code === 0) resolve({ migrated, killed: false });
      else reject(new Error(`migration child failed (${code}): ${stderr}`));
    });
  });
}

describe('migrating a v1 database', () => {
  it('reads every balance, entry, report, setting, hold and job the same afterwards', async () => {
    const url = copyFixture();
    const { store } = await open(url);
    expect(await migrateLedgerV1(store, logger)).toBe(3);
    expect(await migrateLedgerV1(store, logger)).toBe(0);
    // The job left open by v1 is still found on a restart.
    expect(await migrateOpenJobIndex(store)).toBe(1);
    expect(await new JobStore(store).openIds()).toEqual(['jfix0004']);
    await expectSameReadings(url);
  });

  it('goes on working: an open v1 hold settles once, a repeat gets its v1 outcome', async () => {
    const url = copyFixture();
    const { store, ledger } = await open(url);
    await migrateLedgerV1(store, logger);
    const [hold] = expected.openReservations as Array<{ jobId: string; amount: number; guildId: string }>;
    if (!hold) throw new Error('the fixture has open holds');
    expect(await ledger.capture(hold.jobId, hold.amount)).toMatchObject({
      status: 'captured',
      charged: hold.amount,
    });
    expect(await ledger.release(hold.jobId, 'late')).toMatchObject({ status: 'captured' });
    // jfix0001 was captured for 4 by the v1 code: a repeat answers with that first outcome.
    expect(await ledger.capture('jfix0001', 1)).toMatchObject({ status: 'captured', charged: 4 });
    const entries = await ledger.entries(hold.guildId);
    expect(entries.at(-1)).toMatchObject({
      kind: 'capture',
      jobId: hold.jobId,
      id: `${hold.guildId}.${entries.length - 1}`,
    });
  });

  it('loses nothing when killed -9 between guilds, and finishes on the next start', async () => {
    const url = copyFixture();
    const first = await runChild(url, 5_000, 1);
    expect(first).toEqual({ migrated: 1, killed: true });
    const second = await runChild(url, 0);
    expect(second).toEqual({ migrated: 2, killed: false });
    await expectSameReadings(url);
  }, 60_000);

  it('loses nothing when killed -9 at any moment of the writing', async () => {
    for (const delayMs of [150, 300, 450]) {
      const url = copyFixture();
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', TSX_LOADER, CHILD, url, '0'], { stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        child.on('error', reject);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      await runChild(url, 0);
      await expectSameReadings(url);
      rmSync(new URL(url).pathname, { force: true });
    }
  }, 90_000);
});
