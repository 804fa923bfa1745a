import type { LedgerEntry } from '../src/services/credits/index.js';
import type { BenchWorld } from './world.js';
import { withBotStore } from './world.js';

/**
 * Delivery overhead: from the authoritative look that saw a job completed (the bot's last GET of
 * the avatar at Percify) to the result's edit arriving at Discord. It includes downloading the PNG
 * over loopback (a few ms at this size); nothing else of the media transfer, because the edit is
 * timed when its request starts.
 */
export function deliveryOverheads(world: BenchWorld, since: number): number[] {
  const { driver } = world.emulator;
  const byToken = new Map(driver.interactions().map((i) => [i.token, i]));
  const overheads: number[] = [];
  for (const entry of driver.restLog) {
    if (entry.at < since || entry.method !== 'PATCH' || (entry.files?.length ?? 0) === 0) continue;
    const token = entry.path.split('/')[3];
    const interaction = token ? byToken.get(token) : undefined;
    const data = interaction?.payload.data;
    const options = data && 'options' in data ? data.options : undefined;
    const prompt = options?.find((o) => o.name === 'prompt');
    if (!prompt || !('value' in prompt)) continue;
    const ids = new Set(
      world.percify
        .avatars()
        .filter((a) => a.prompt === prompt.value)
        .map((a) => a.id),
    );
    const looks = world.percify.requests.filter(
      (r) => r.method === 'GET' && r.at <= entry.at && ids.has(r.path.split('/')[3]?.split('?')[0] ?? ''),
    );
    const last = looks.at(-1);
    if (last) overheads.push(entry.at - last.at);
  }
  return overheads;
}

/** Percify API calls (media downloads aside) per job, over the requests from index `from`. */
export function percifyCallsPerJob(world: BenchWorld, from: number, jobs: number): number {
  const calls = world.percify.requests.slice(from).filter((r) => !r.path.startsWith('/media')).length;
  return jobs === 0 ? Number.NaN : calls / jobs;
}

export interface Balance {
  jobs: number;
  lost: number;
  outOfBalance: number;
}

/** After the bot stopped: every reserved job settled exactly once, and no job left unfinished. */
export async function checkBalance(world: BenchWorld, databaseUrl: string): Promise<Balance> {
  return withBotStore(databaseUrl, async ({ ledger, jobs }) => {
    let count = 0;
    let outOfBalance = 0;
    for (const guild of world.guilds) {
      const byJob = new Map<string, LedgerEntry[]>();
      for (const entry of await ledger.entries(guild.id)) {
        if (entry.jobId) byJob.set(entry.jobId, [...(byJob.get(entry.jobId) ?? []), entry]);
      }
      for (const entries of byJob.values()) {
        count++;
        const reserves = entries.filter((e) => e.kind === 'reserve').length;
        const settles = entries.filter((e) => e.kind === 'capture' || e.kind === 'release').length;
        if (reserves !== 1 || settles !== 1) outOfBalance++;
      }
    }
    const lost = (await jobs.openIds()).length;
    return { jobs: count, lost, outOfBalance: outOfBalance + (await ledger.openReservations()).length };
  });
}
