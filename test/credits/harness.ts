import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/logger.js';
import { GuildSettingsService } from '../../src/services/credits/guild-settings.js';
import { Ledger } from '../../src/services/credits/ledger.js';
import { createStore, type Store } from '../../src/services/store.js';

/** One bot process's view of the database: its own connection, settings and ledger. */
export interface LedgerPeer {
  store: Store;
  settings: GuildSettingsService;
  ledger: Ledger;
}

/**
 * A real database (a SQLite file in a temp folder unless a URL is given), a Ledger over it and a
 * clock the test moves by hand.
 */
export interface LedgerHarness extends LedgerPeer {
  dir: string;
  databaseUrl: string;
  clock: { now: number };
  /** Closes the store (a crash, as far as the ledger can tell) and opens a new one on the same file. */
  restart(): Promise<void>;
  /** A second connection with its own Ledger on the same database, as another process would have. */
  openPeer(): Promise<LedgerPeer>;
  cleanup(): Promise<void>;
}

export const T0 = Date.UTC(2025, 10, 25, 12, 0, 0);

export async function createLedgerHarness(start = T0, databaseUrl?: string): Promise<LedgerHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'percify-ledger-'));
  const url = databaseUrl ?? `sqlite://${join(dir, 'bot.sqlite')}`;
  const clock = { now: start };
  const logger = silentLogger();
  const peers: LedgerPeer[] = [];
  const build = async (): Promise<LedgerPeer> => {
    const store = await createStore(url, { logger });
    const now = () => clock.now;
    const settings = new GuildSettingsService({ store, logger, now });
    return { store, settings, ledger: new Ledger({ store, settings, logger, now }) };
  };
  const harness: LedgerHarness = {
    dir,
    databaseUrl: url,
    clock,
    ...(await build()),
    async restart() {
      await harness.store.close();
      Object.assign(harness, await build());
    },
    async openPeer() {
      const peer = await build();
      peers.push(peer);
      return peer;
    },
    async cleanup() {
      await Promise.all([harness, ...peers].map((peer) => peer.store.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
