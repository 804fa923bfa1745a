import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InteractionHandle } from '../../sandbox/discord/index.js';
import { INSTALL_HINT, serverAvailable, startRedis, type TestServer } from '../../sandbox/local-servers.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import type { RunningApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { jobIdOf } from '../support/job-runs.js';

// Two bot processes on one Redis, both connected to Discord (a rolling deploy, or two replicas): like
// Discord, the emulator dispatches every interaction to both gateway sessions. Exactly one of them
// may answer and start the job; the other must do nothing at all.

const MEMBERS = ['ben', 'cleo', 'dan', 'eve', 'finn'];
// Needs a real redis-server; under CI its absence is a failure, not a skip.
const RUN = serverAvailable('redis') || process.env.CI === 'true';
if (!RUN) console.warn(`two-processes test skipped: ${INSTALL_HINT.redis}`);

let redis: TestServer;
let stack: Stack;
let bots: RunningApp[];
beforeAll(async () => {
  if (!RUN) return;
  redis = await startRedis();
  stack = await startStack({
    botToken: 'two-processes-token',
    guilds: [
      {
        name: 'Studio',
        channels: [{ name: 'studio' }],
        members: [
          { username: 'ada', admin: true, owner: true },
          ...MEMBERS.map((username) => ({ username })),
        ],
      },
    ],
    commands: 'first-guild',
    percify: { speed: 2000, plan: 'pro', mediaScale: 0.25 },
  });
  const env = {
    DATABASE_URL: await redis.newDatabaseUrl(),
    PERCIFY_RATE_LIMIT_PER_MINUTE: '100000',
    WEBHOOKS_DISABLED: 'true',
  };
  const start = () =>
    stack.startBot({
      env,
      logger: silentLogger(),
      percifySpeed: 2000,
      progressIntervalMs: 50,
      retryDelayMs: () => 100,
    });
  bots = [await start(), await start()];
  await vi.waitFor(() => expect(stack.emulator.gatewayStats().identifies).toBe(2), { timeout: 20_000 });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  await redis?.stop();
});

describe.skipIf(!RUN)('two bot processes on one database', () => {
  it('answer each interaction once and start one job per command', async () => {
    const sent: InteractionHandle[] = [];
    for (let n = 0; n < 10; n++) {
      const user = MEMBERS[n % MEMBERS.length]!;
      sent.push(
        stack.emulator.driver.runCommand({
          user,
          channel: 'studio',
          name: 'avatar',
          options: { prompt: `${user}'s twin job ${n}`, model: 'flux', seed: n },
        }),
      );
    }
    const replies = await Promise.all(sent.map((handle) => handle.reply()));
    const jobs = await Promise.all(
      replies.map((reply) =>
        vi.waitFor(
          async () => {
            const job = await bots[0]!.context.jobs.get(jobIdOf(reply));
            expect(job?.state).toBe('done');
            return job!;
          },
          { timeout: 20_000, interval: 50 },
        ),
      ),
    );
    expect(sent.map((handle) => handle.record.initialResponses)).toEqual(sent.map(() => 1));
    // One Percify generation per command, never two.
    for (let n = 0; n < 10; n++) {
      const made = stack.percify.avatars().filter((avatar) => avatar.prompt.endsWith(`twin job ${n}`));
      expect(made, `command ${n}`).toHaveLength(1);
    }
    // Credits exact: each member paid for their own two jobs, once.
    const guildId = stack.guilds[0]!.id;
    for (const user of MEMBERS) {
      const memberId = stack.emulator.driver.userId(user);
      const paid = jobs
        .filter((job) => job.ownerId === memberId)
        .reduce((sum, job) => sum + (job.chargedCredits ?? 0), 0);
      const balance = await bots[1]!.context.ledger.balance(guildId, memberId, []);
      expect(balance.spentToday, user).toBe(paid);
      expect(balance.reservedNow, user).toBe(0);
    }
  }, 60_000);
});
