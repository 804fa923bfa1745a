import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { avatarToTheEnd } from '../support/job-runs.js';
import { sampleValue as value } from '../webhooks/harness.js';
import { visibleText } from '../support/messages.js';

// What an operator sees of real jobs: the metrics on their own listener, /livez and /readyz, and one
// info line per job step. Webhooks are on here, so every metric family has something to count.

const SECRET = 'whsec_operations';
const lines: Array<Record<string, unknown>> = [];
let h: BotHarness;

beforeAll(async () => {
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  h = await startBotHarness({
    logger,
    speed: 200,
    env: {
      WEBHOOKS_DISABLED: 'false',
      PERCIFY_WEBHOOK_SECRET: SECRET,
      WEBHOOK_HOST: '127.0.0.1',
      WEBHOOK_PORT: '0',
    },
  });
  h.percify.setWebhook(h.app.webhookUrl, SECRET);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${h.app.metricsUrl}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('operations', () => {
  it('counts a real job in every metric family, on the metrics listener', async () => {
    const { reply, job } = await avatarToTheEnd(h, 'ben', 'a lighthouse at dusk', 2);
    expect(job.state).toBe('done');
    // A second job whose reply is deleted while it renders: Discord refuses the edit (10008).
    const doomed = h.emulator.driver
      .runCommand({
        user: 'cleo',
        channel: 'studio',
        name: 'avatar',
        options: { prompt: 'a fox', model: 'flux' },
      })
      .reply();
    h.emulator.driver.deleteMessage((await doomed).id);
    await vi.waitFor(
      () =>
        expect(
          h.emulator.driver
            .messages('studio')
            .some((m) => visibleText(m).includes(`<@${h.emulator.driver.userId('cleo')}>`)),
        ).toBe(true),
      { timeout: 20_000 },
    );

    // The fallback post comes before the job's end is counted: wait for both jobs' ends.
    await vi.waitFor(async () => {
      const text = await scrape();
      expect(value(text, 'percify_bot_credits_total{op="captured"}')).toBe(4 + 2);
      expect(value(text, 'percify_bot_jobs_finished_total{kind="avatar",outcome="done"}')).toBe(2);
    });
    const text = await scrape();
    expect(value(text, 'percify_bot_credits_total{op="reserved"}')).toBe(6);
    expect(value(text, 'percify_bot_credits_total{op="released"}')).toBe(0);
    expect(value(text, 'percify_bot_job_queue_wait_seconds_count{kind="avatar",tier="flux"}')).toBe(2);
    expect(value(text, 'percify_bot_job_duration_seconds_count{kind="avatar",tier="flux"}')).toBe(2);
    expect(value(text, 'percify_bot_interactions_total{type="command",name="avatar"}')).toBe(2);
    expect(value(text, 'percify_bot_interaction_ack_seconds_count{type="command",name="avatar"}')).toBe(2);
    expect(value(text, 'percify_bot_interaction_ack_seconds_sum{type="command",name="avatar"}')).toBeLessThan(
      3,
    );
    expect(value(text, 'percify_bot_discord_errors_total{code="10008",status="404"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(value(text, 'percify_bot_percify_requests_total{route="/avatars/generate",status="200"}')).toBe(2);
    expect(value(text, 'percify_bot_webhook_deliveries_total{outcome="accepted"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'percify_bot_delivery_total{path="interaction"}')).toBe(1);
    expect(value(text, 'percify_bot_delivery_total{path="mention"}')).toBe(1);
    expect(value(text, 'percify_bot_queue_length')).toBe(0);
    // Node's own process metrics.
    expect(value(text, 'percify_bot_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('percify_bot_nodejs_eventloop_lag_seconds');
    expect(text).toContain('percify_bot_nodejs_heap_size_used_bytes');
    expect(reply.id).not.toBe('');
  });

  it('shows unfinished jobs by kind and state while they run', async () => {
    h.percify.faults.latencyMs = 300; // every look at the job takes a while
    const pending = h.emulator.driver
      .runCommand({
        user: 'ada',
        channel: 'studio',
        name: 'avatar',
        options: { prompt: 'a slow moon', model: 'flux' },
      })
      .reply();
    await pending;
    try {
      const text = await scrape();
      const open = text
        .split('\n')
        .filter((line) => line.startsWith('percify_bot_jobs{kind="avatar"'))
        .reduce((sum, line) => sum + Number(line.split(' ')[1]), 0);
      expect(open).toBe(1);
    } finally {
      h.percify.faults.latencyMs = 0;
    }
  });

  it('answers /livez and /readyz with each check, apart from the webhook port', async () => {
    expect(new URL(h.app.metricsUrl).port).not.toBe(new URL(h.app.webhookUrl!).port);
    const live = await fetch(`${h.app.metricsUrl}/livez`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${h.app.metricsUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      checks: { store: { ok: true }, gateway: { ok: true }, percify: { ok: true } },
    });
    // The webhook port keeps /healthz.
    const health = await fetch(new URL('/healthz', h.app.webhookUrl));
    expect(health.status).toBe(200);
  });

  it('logs one info line per step of a job, each naming server, job, member and kind', async () => {
    const { job } = await avatarToTheEnd(h, 'ben', 'a quiet harbour', 2);
    await vi.waitFor(() =>
      expect(lines.some((l) => l.jobId === job.id && l.msg === 'job charged')).toBe(true),
    );
    const steps = lines.filter((line) => line.jobId === job.id && line.level === 30);
    expect(steps.map((line) => line.msg)).toEqual([
      'job queued',
      'job submitted to Percify',
      'job completed by Percify',
      'job delivered',
      'job charged',
    ]);
    for (const line of steps) {
      expect(line).toMatchObject({
        guildId: h.guild.id,
        jobId: job.id,
        memberId: h.emulator.driver.userId('ben'),
        kind: 'avatar',
      });
    }
    expect(steps.find((line) => line.msg === 'job charged')).toMatchObject({ charged: 4, released: 0 });
    expect(JSON.stringify(lines)).not.toContain(job.interaction.token);
    expect(JSON.stringify(lines)).not.toContain('e2e-bot-token');
  });

  it('logs a refund with the reason, and counts the failure by its code', async () => {
    h.percify.faults.failNextGenerations = 2; // both images
    const { job } = await avatarToTheEnd(h, 'cleo', 'a storm that will fail', 2);
    expect(job.state).toBe('failed');
    await vi.waitFor(() =>
      expect(lines.some((l) => l.jobId === job.id && l.msg === 'job refunded')).toBe(true),
    );
    const refund = lines.find((line) => line.jobId === job.id && line.msg === 'job refunded')!;
    expect(refund).toMatchObject({
      guildId: h.guild.id,
      memberId: h.emulator.driver.userId('cleo'),
      refunded: 4,
    });
    // Counted when the job is final, a moment after the refund's log line.
    const code = job.failure!.code;
    await vi.waitFor(async () =>
      expect(value(await scrape(), `percify_bot_jobs_finished_total{kind="avatar",outcome="${code}"}`)).toBe(
        1,
      ),
    );
  });

  it('reports Percify unreachable on /readyz once requests to it fail', async () => {
    h.percify.faults.unreachable = true;
    try {
      await h.emulator.driver
        .runCommand({
          user: 'ada',
          channel: 'studio',
          name: 'avatar',
          options: { prompt: 'an unreachable isle', model: 'flux' },
        })
        .reply();
      await vi.waitFor(
        async () => {
          const ready = await fetch(`${h.app.metricsUrl}/readyz`);
          expect(ready.status).toBe(503);
          expect(await ready.json()).toMatchObject({
            ok: false,
            checks: { percify: { ok: false, detail: 'Percify unreachable' } },
          });
        },
        { timeout: 15_000, interval: 100 },
      );
    } finally {
      h.percify.faults.unreachable = false;
    }
  });
});
