import { startRedis } from '../sandbox/local-servers.js';
import { measureLoad, type LoadResult } from './load-phase.js';
import { mixOf, type LoadShape } from './phases.js';
import { openTheTaps, sendWebhooksTo, startRealBot, type BenchWorld } from './world.js';

/**
 * Two production processes on one real Redis (credits, jobs and the plan's slots shared through it),
 * both connected to the emulator's gateway like two replicas of a deploy: each interaction is answered
 * by whichever process claims it first. Percify has one webhook URL, so its events reach the first
 * process, which passes on those of the other's jobs through Redis. The Redis server is a throwaway
 * one on a free loopback port with its data in a temporary folder, stopped after.
 */
export async function twoProcessPhase(world: BenchWorld, shape: LoadShape): Promise<LoadResult> {
  const redis = await startRedis();
  try {
    const databaseUrl = await redis.newDatabaseUrl();
    await openTheTaps(world, databaseUrl);
    const first = await startRealBot(world, { webhooks: true, databaseUrl, name: 'bot-redis-1' });
    const second = await startRealBot(world, { webhooks: true, databaseUrl, name: 'bot-redis-2' });
    sendWebhooksTo(world, first);
    return await measureLoad(world, [first, second], databaseUrl, mixOf(shape, 'pair'));
  } finally {
    await redis.stop();
  }
}
