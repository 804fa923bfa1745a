import { scrapeEventLoopDelay, type EventLoopDelay } from './event-loop.js';
import { checkBalance, deliveryOverheads, percifyCallsPerJob } from './measures.js';
import type { ProductionBot } from './production-bot.js';
import { percentile, spread, type Spread } from './stats.js';
import { runWorkload, stillWorking, waitUntilQuiet, type WorkloadOptions } from './workload.js';
import type { BenchWorld } from './world.js';

/**
 * One measured phase: a workload against bot processes that are already up, then everything the
 * table reports about it. The bots are stopped at the end (SIGTERM, as a deploy would), so the
 * books can be audited with no process writing.
 */

export interface ProcessMemory {
  /** RSS once connected, before the load. */
  idle: number;
  /** Median RSS while the load ran. */
  underLoad: number;
  /** VmHWM: the highest RSS of the process's life. */
  peak: number;
  /** RSS a few seconds after every job was delivered: what the process keeps. */
  after: number;
}

export interface LoadResult {
  acks: Spread;
  delivery: Spread;
  /** Mean plan-slot use while more jobs were outstanding than slots; NaN when no line formed. */
  utilisation: number;
  utilisationSamples: number;
  percifyCallsPerJob: number;
  webhooksOk: number;
  webhooksSent: number;
  unanswered: number;
  started: number;
  jobs: number;
  /** Unfinished jobs in the store after the stop, plus 1 when replies still said "working". */
  lost: number;
  /** Replies that still said a job was working when the wait for quiet ended (none when all settled). */
  stillWorking: string[];
  outOfBalance: number;
  /** Per bot process, in the order given. */
  eventLoop: EventLoopDelay[];
  memory: ProcessMemory[];
  exitCodes: (number | null)[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureLoad(
  world: BenchWorld,
  bots: readonly ProductionBot[],
  databaseUrl: string,
  workload: WorkloadOptions,
): Promise<LoadResult> {
  const idle = bots.map((bot) => bot.memory().rss);
  // A scrape resets prom-client's event-loop histogram: the next one covers only the load.
  await Promise.all(bots.map((bot) => scrapeEventLoopDelay(bot.metricsUrl)));
  const requestsBefore = world.percify.requests.length;
  const webhooksBefore = world.percify.webhookDeliveries().length;
  const since = Date.now();
  const samplesBefore = bots.map((bot) => bot.rssSamples().length);

  const run = await runWorkload(world, workload);
  const quiet = await waitUntilQuiet(world, 180_000);
  const working = stillWorking(world);

  const eventLoop = await Promise.all(bots.map((bot) => scrapeEventLoopDelay(bot.metricsUrl)));
  const underLoad = bots.map((bot, i) => percentile(bot.rssSamples().slice(samplesBefore[i]), 50));
  await sleep(3_000);
  const memory = bots.map((bot, i) => ({
    idle: idle[i]!,
    underLoad: underLoad[i]!,
    peak: bot.memory().peak,
    after: bot.memory().rss,
  }));
  const delivery = spread(deliveryOverheads(world, since));
  const exitCodes = await Promise.all(bots.map((bot) => bot.stop()));

  const deliveries = world.percify.webhookDeliveries().slice(webhooksBefore);
  const balance = await checkBalance(world, databaseUrl);
  return {
    acks: spread(run.acks),
    delivery,
    utilisation:
      run.utilisation.length === 0
        ? Number.NaN
        : run.utilisation.reduce((sum, u) => sum + u, 0) / run.utilisation.length,
    utilisationSamples: run.utilisation.length,
    percifyCallsPerJob: percifyCallsPerJob(world, requestsBefore, balance.jobs),
    webhooksOk: deliveries.filter((d) => typeof d.status === 'number' && d.status < 300).length,
    webhooksSent: deliveries.length,
    unanswered: run.unanswered,
    started: run.started,
    jobs: balance.jobs,
    lost: balance.lost + (quiet ? 0 : 1),
    stillWorking: working,
    outOfBalance: balance.outOfBalance,
    eventLoop,
    memory,
    exitCodes,
  };
}
