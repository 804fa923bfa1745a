import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INSTALL_HINT, serverAvailable, startRedis, type TestServer } from '../../sandbox/local-servers.js';
import { startTs } from '../../sandbox/processes.js';
import { silentLogger } from '../../src/logger.js';
import { BullmqJobQueue } from '../../src/services/jobs/bullmq-job-queue.js';
import type { QueuedItem } from '../../src/services/jobs/fair-queue.js';

// The shared line on a real Redis: two queue instances stand for two bot processes.
// Needs a real redis-server; under CI its absence is a failure, not a skip.
const RUN = serverAvailable('redis') || process.env.CI === 'true';
if (!RUN) console.warn(`BullMQ queue tests skipped: ${INSTALL_HINT.redis}`);

const HOLDER = new URL('./bullmq-holder-child.ts', import.meta.url).pathname;

let redis: TestServer;
let url: string;
let opened: BullmqJobQueue<QueuedItem>[] = [];
let run = 0;
let name = '';
beforeAll(async () => {
  if (!RUN) return;
  redis = await startRedis();
  url = await redis.newDatabaseUrl();
}, 30_000);
afterEach(async () => {
  await Promise.all(opened.map((queue) => queue.close()));
  opened = [];
});
afterAll(async () => {
  await redis?.stop();
});

/** A process's queue on this test's line; `onStart` is told which instance started the job. */
function openQueue(capacity: number, onStart: (item: QueuedItem, queue: BullmqJobQueue<QueuedItem>) => void) {
  const queue: BullmqJobQueue<QueuedItem> = new BullmqJobQueue<QueuedItem>({
    url,
    name,
    capacity,
    lockMs: 1_000,
    logger: silentLogger(),
    onStart: (item) => onStart(item, queue),
  });
  opened.push(queue);
  return queue;
}

const item = (id: string, memberId: string): QueuedItem => ({ id, memberId, weight: 1 });

/** Which process the line says holds a job: what an operator reads in Redis. */
async function holderOf(id: string): Promise<string | null> {
  const client = new Redis(url);
  try {
    return await client.hget(`bull:${name}:${id}`, 'pb');
  } finally {
    client.disconnect();
  }
}

describe.skipIf(!RUN)('the shared job line (BullMQ)', () => {
  it('never runs more jobs at once than the plan allows, across two processes', async () => {
    name = `concurrency-${run++}`;
    const running = new Set<string>();
    const started: string[] = [];
    let most = 0;
    const onStart = (job: QueuedItem, queue: BullmqJobQueue<QueuedItem>) => {
      started.push(job.id);
      running.add(job.id);
      most = Math.max(most, running.size);
      setTimeout(() => {
        running.delete(job.id);
        queue.finish(job.id);
      }, 40);
    };
    const [a, b] = [openQueue(2, onStart), openQueue(2, onStart)];
    await Promise.all([a.start(), b.start()]);
    for (let n = 0; n < 10; n++) await (n % 2 ? a : b).enqueue(item(`j${n}`, `member${n % 5}`));
    await vi.waitFor(() => expect(started).toHaveLength(10), { timeout: 15_000, interval: 20 });
    await delay(200);
    expect(new Set(started).size).toBe(10);
    expect(started).toHaveLength(10);
    expect(most).toBeLessThanOrEqual(2);
    expect(most).toBe(2);
  }, 30_000);

  it("serves another member's first job before one member's backlog", async () => {
    name = `fairness-${run++}`;
    const started: string[] = [];
    const queue = openQueue(1, (job, owner) => {
      started.push(job.id);
      setTimeout(() => owner.finish(job.id), 10);
    });
    for (let n = 1; n <= 6; n++) await queue.enqueue(item(`ben${n}`, 'ben'));
    await queue.enqueue(item('cleo1', 'cleo'));
    await queue.start();
    await vi.waitFor(() => expect(started).toHaveLength(7), { timeout: 15_000, interval: 20 });
    // Ben's first came first; Cleo's one job did not wait behind Ben's other five.
    expect(started.slice(0, 2)).toEqual(['ben1', 'cleo1']);
    expect(started.slice(2)).toEqual(['ben2', 'ben3', 'ben4', 'ben5', 'ben6']);
  }, 30_000);

  it('hands a stopping process’s jobs to another one at once', async () => {
    name = `hand-back-${run++}`;
    const startedBy: Array<{ id: string; by: string }> = [];
    const first = openQueue(1, (job) => startedBy.push({ id: job.id, by: 'first' }));
    await first.start();
    await first.enqueue(item('jdeploy', 'ben'));
    await vi.waitFor(() => expect(startedBy).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(first.owns('jdeploy')).toBe(true);
    const second = openQueue(1, (job) => startedBy.push({ id: job.id, by: 'second' }));
    await second.start();
    await first.close();
    await vi.waitFor(() => expect(startedBy).toHaveLength(2), { timeout: 10_000, interval: 20 });
    expect(startedBy[1]).toEqual({ id: 'jdeploy', by: 'second' });
    expect(second.owns('jdeploy')).toBe(true);
  }, 30_000);

  it('takes over the job of a process that was killed while it held it', async () => {
    name = `takeover-${run++}`;
    const holder = await startTs(HOLDER, { HOLDER_QUEUE_URL: url, HOLDER_QUEUE_NAME: name }, /^ready$/m);
    const startedHere: string[] = [];
    const survivor = openQueue(1, (job) => startedHere.push(job.id));
    await survivor.enqueue(item('jkilled', 'ben'));
    await vi.waitFor(() => expect(holder.output()).toContain('holding jkilled'), { timeout: 10_000 });
    await survivor.start();
    // The holder is alive and renews its lock: the slot is not free, the job is not started twice.
    await delay(2_500);
    expect(startedHere).toEqual([]);
    expect(await holderOf('jkilled')).toBe(`${hostname()}:${holder.child.pid}`);
    holder.child.kill('SIGKILL');
    await vi.waitFor(() => expect(startedHere).toEqual(['jkilled']), { timeout: 15_000, interval: 50 });
    expect(survivor.owns('jkilled')).toBe(true);
    expect(await holderOf('jkilled')).toBe(`${hostname()}:${process.pid}`);
  }, 40_000);
});
