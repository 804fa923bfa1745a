import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/logger.js';
import { GuildSettingsService } from '../../src/services/credits/guild-settings.js';
import { Ledger } from '../../src/services/credits/ledger.js';
import { createStore, type Store } from '../../src/services/store.js';

/** A real SQLite file in a temp folder, a Ledger over it and a clock the test moves by hand. */
export interface LedgerHarness {
  dir: string;
  databaseUrl: string;
  store: Store;
  settings: GuildSettingsService;
  ledger: Ledger;
  clock: { now: number };
  /** Closes the store (a crash, as far as the ledger can tell) and opens a new one on the same file. */
  restart(): Promise<void>;
  cleanup(): Promise<void>;
}

export const T0 = Date.UTC(2025, 10, 25, 12, 0, 0);

export async function createLedgerHarness(start = T0, entriesPerChunk?: number): Promise<LedgerHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'percify-ledger-'));
  const databaseUrl = `sqlite://${join(dir, 'bot.sqlite')}`;
  const clock = { now: start };
  const logger = silentLogger();
  const build = async () => {
    const store = await createStore(databaseUrl, { logger });
    const now = () => clock.now;
    const settings = new GuildSettingsService({ store, logger, now });
    return { store, settings, ledger: new Ledger({ store, settings, logger, now, entriesPerChunk }) };
  };
  const harness: LedgerHarness = {
    dir,
    databaseUrl,
    clock,
    ...(await build()),
    async restart() {
      await harness.store.close();
      Object.assign(harness, await build());
    },
    async cleanup() {
      await harness.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
