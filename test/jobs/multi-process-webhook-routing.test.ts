import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INSTALL_HINT, serverAvailable, startRedis, type TestServer } from '../../sandbox/local-servers.js';
import { silentLogger } from '../../src/logger.js';
import { SharedWebhookRouting } from '../../src/services/webhooks/shared-routing.js';

// Percify's event reaches one process while the job runs in another: routing through a real Redis.
// Needs a real redis-server; under CI its absence is a failure, not a skip.
const RUN = serverAvailable('redis') || process.env.CI === 'true';
if (!RUN) console.warn(`webhook routing tests skipped: ${INSTALL_HINT.redis}`);

let redis: TestServer;
const routings: SharedWebhookRouting[] = [];
const heard: Array<{ by: string; resourceId: string }> = [];

async function processOn(url: string, by: string): Promise<SharedWebhookRouting> {
  const routing = new SharedWebhookRouting({
    url,
    logger: silentLogger(),
    onNudge: (resourceId) => heard.push({ by, resourceId }),
  });
  routings.push(routing);
  await routing.start();
  return routing;
}

beforeAll(async () => {
  if (RUN) redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await Promise.all(routings.map((routing) => routing.close()));
  await redis?.stop();
});

describe.skipIf(!RUN)('webhooks with several processes', () => {
  it('nudges the job in every process, and counts an event once whichever process gets it', async () => {
    const url = await redis.newDatabaseUrl();
    const [receiver, runner] = [await processOn(url, 'receiver'), await processOn(url, 'runner')];
    // Another deployment on the same server (another database) hears nothing of these.
    await processOn(await redis.newDatabaseUrl(), 'elsewhere');

    await receiver.nudge('av_123');
    await vi.waitFor(() => expect(heard.filter((h) => h.by === 'runner')).toHaveLength(1));
    expect(heard).toContainEqual({ by: 'runner', resourceId: 'av_123' });
    expect(heard.filter((h) => h.by === 'elsewhere')).toEqual([]);

    // Percify's retry of one event reaches the other process: it is a duplicate there.
    expect(await receiver.seenElsewhere('evt_1:avatar.completed')).toBe(false);
    expect(await runner.seenElsewhere('evt_1:avatar.completed')).toBe(true);
    expect(await runner.seenElsewhere('evt_2:avatar.completed')).toBe(false);
  });
});
