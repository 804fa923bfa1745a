import { checkBalance, percifyCallsPerJob } from './measures.js';
import { measureLoad, type LoadResult } from './load-phase.js';
import { spread, type Spread } from './stats.js';
import { runWorkload, waitUntilQuiet, type WorkloadOptions } from './workload.js';
import { openTheTaps, sendWebhooksTo, startBareBot, startRealBot, type BenchWorld } from './world.js';

/** The single-process phases of the benchmark, each on its own database in the world's folder. */

export interface LoadShape {
  members: number;
  seconds: number;
}

/** The realistic mix (commands, some Rerolls, a few animations) against one production process. */
export function mixOf(shape: LoadShape, tag: string): WorkloadOptions {
  return {
    commands: shape.members,
    seconds: shape.seconds,
    tag,
    rerollShare: 0.3,
    animateShare: 0.05,
    followUp: true,
  };
}

/** 1. The production process in webhook mode under the mix; `nodeFlags` e.g. to profile it. */
export async function webhookPhase(
  world: BenchWorld,
  shape: LoadShape,
  nodeFlags: string[] = [],
): Promise<LoadResult> {
  const databaseUrl = world.sqliteUrl('webhooks.sqlite');
  await openTheTaps(world, databaseUrl);
  const bot = await startRealBot(world, { webhooks: true, databaseUrl, name: 'bot-webhooks', nodeFlags });
  sendWebhooksTo(world, bot);
  return measureLoad(world, [bot], databaseUrl, mixOf(shape, 'bench'));
}

export interface PollingResult {
  percifyCallsPerJob: number;
  jobs: number;
  lost: number;
  outOfBalance: number;
}

/**
 * 2. Polling only: what a job costs in Percify calls without webhooks. The production process paces
 * its polls to Percify's documented times (it has no notion of the simulator's speed-up), so these
 * jobs wait longer than the simulator needs; the count of calls is what production would make.
 */
export async function pollingPhase(world: BenchWorld, jobs: number): Promise<PollingResult> {
  const databaseUrl = world.sqliteUrl('polling.sqlite');
  await openTheTaps(world, databaseUrl);
  const bot = await startRealBot(world, { webhooks: false, databaseUrl, name: 'bot-polling' });
  sendWebhooksTo(world, undefined);
  const from = world.percify.requests.length;
  await runWorkload(world, {
    commands: jobs,
    seconds: Math.max(3, jobs / 5),
    tag: 'poll',
    rerollShare: 0,
    animateShare: 0,
    followUp: true,
  });
  const quiet = await waitUntilQuiet(world, 120_000);
  await bot.stop();
  const balance = await checkBalance(world, databaseUrl);
  return {
    percifyCallsPerJob: percifyCallsPerJob(world, from, balance.jobs),
    jobs: balance.jobs,
    lost: balance.lost + (quiet ? 0 : 1),
    outOfBalance: balance.outOfBalance,
  };
}

export interface BareResult {
  acks: Spread;
  unanswered: number;
  peakRss: number;
}

/** 3. The bare discord.js bot at the same command rate: the floor for ACK latency on this machine. */
export async function barePhase(world: BenchWorld, shape: LoadShape): Promise<BareResult> {
  const bare = await startBareBot(world);
  world.onClose(() => bare.stop());
  const result = await runWorkload(world, {
    commands: shape.members,
    seconds: shape.seconds,
    tag: 'bare',
    rerollShare: 0,
    animateShare: 0,
    followUp: false,
  });
  const peakRss = bare.peakRss();
  await bare.stop();
  return { acks: spread(result.acks), unanswered: result.unanswered, peakRss };
}
