/**
 * One bot process's share of the credit race: `count` jobs named `<prefix>-<n>`, each a reserve of 1
 * credit and, when it was granted, a capture of 1, with `inFlight` jobs at a time. Prints one line
 * per finished job (`ok` or `refused`), so the test can kill it mid-run; a restarted run repeats
 * every job with the same ids, and the ledger answers the ones already done with their outcome.
 */
import { silentLogger } from '../../src/logger.js';
import { GuildSettingsService } from '../../src/services/credits/guild-settings.js';
import { Ledger } from '../../src/services/credits/ledger.js';
import { createStore } from '../../src/services/store.js';

const [url, prefix, countText, inFlightText, guildId, memberId] = process.argv.slice(2);
if (!url || !prefix || !guildId || !memberId)
  throw new Error('usage: race-child URL PREFIX COUNT IN_FLIGHT GUILD MEMBER');
const count = Number(countText);
const inFlight = Number(inFlightText);
const logger = silentLogger();
const store = await createStore(url, { logger });
const settings = new GuildSettingsService({ store, logger });
const ledger = new Ledger({ store, settings, logger });

let next = 0;
async function worker(): Promise<void> {
  while (next < count) {
    const jobId = `${prefix}-${next}`;
    next += 1;
    const outcome = await ledger.reserve({
      jobId,
      guildId: guildId as string,
      memberId: memberId as string,
      roleIds: [],
      amount: 1,
      usage: { kind: 'avatar', model: 'flux', variations: 1 },
    });
    if (outcome.ok) await ledger.capture(jobId, 1);
    process.stdout.write(`${outcome.ok ? 'ok' : 'refused'} ${jobId}\n`);
  }
}
await Promise.all(Array.from({ length: inFlight }, () => worker()));
await store.close();
