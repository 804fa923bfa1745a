/**
 * Runs the v1 -> v2 ledger migration on DATABASE_URL (argv[2]) in its own process, printing
 * `migrated <guild>` after each guild and then pausing, so that a test can kill -9 it between two
 * guilds or while the next one is being written.
 */
import { silentLogger } from '../../src/logger.js';
import { migrateLedgerV1 } from '../../src/services/credits/ledger-migration.js';
import { createStore } from '../../src/services/store.js';

const url = process.argv[2];
if (!url) throw new Error('usage: migration-child.ts DATABASE_URL');
const pauseMs = Number(process.argv[3] ?? '0');
const store = await createStore(url, { logger: silentLogger() });
await migrateLedgerV1(store, silentLogger(), {
  afterGuild: async (guildId) => {
    process.stdout.write(`migrated ${guildId}\n`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  },
});
await store.close();
process.stdout.write('done\n');
