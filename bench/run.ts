import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchLedger } from './ledger.js';
import { checkBalance, deliveryOverheads, percifyCallsPerJob } from './measures.js';
import { mb, ms, spread, table } from './stats.js';
import { runWorkload, waitUntilQuiet } from './workload.js';
import { openTheTaps, startBareBot, startBenchWorld, startRealBot } from './world.js';

/**
 * `npm run bench [-- --members 500 --guilds 50 --seconds 60 --speed 5]`: the real bot (a child process, as in
 * production) against the Discord emulator and the Percify simulator, then a bare discord.js bot that
 * only answers "ok" under the same load, and one table with pass/fail lines for the targets; then the
 * ledger's cost against the size of a guild on each database installed here. `--section ledger`
 * runs only the ledger part, `--section bot` only the bot part.
 */

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '60' },
    guilds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '20' },
    // At 5x a flux avatar takes 0.8 s: the bot's fixed per-job turnaround (tens of ms) stays small next
    // to it, as it is at real speed; at 20x+ it dominates and plan-slot utilisation reads low.
    speed: { type: 'string', default: '5' },
    'polling-jobs': { type: 'string', default: '15' },
    section: { type: 'string', default: 'all' },
  },
});
const members = Number(values.members);
const guilds = Number(values.guilds);
const seconds = Number(values.seconds);
const speed = Number(values.speed);
const pollingJobs = Number(values['polling-jobs']);
const out = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  if (values.section !== 'ledger') await benchBot();
  if (values.section !== 'bot') await printLedgerSection();
}

async function printLedgerSection(): Promise<void> {
  out();
  out('Ledger: one reserve + capture in a guild where N members have spent (200 in a row, each)');
  const rows = await benchLedger();
  out(
    table([
      ['backend', 'members', 'p50', 'p99', 'p50 / p50 at 100'],
      ...rows.map((row) => {
        const base = rows.find((other) => other.backend === row.backend && other.members === 100);
        return [
          row.backend,
          String(row.members),
          ms(row.p50),
          ms(row.p99),
          base ? (row.p50 / base.p50).toFixed(2) : '',
        ];
      }),
    ]),
  );
  out();
  for (const backend of new Set(rows.map((row) => row.backend))) {
    const small = rows.find((row) => row.backend === backend && row.members === 100);
    const large = rows.find((row) => row.backend === backend && row.members === 10_000);
    if (small && large) {
      const ratio = large.p50 / small.p50;
      out(
        `${ratio <= 1.5 ? 'PASS' : 'FAIL'}  ${backend}: 10,000 members within 1.5 × of 100 (${ratio.toFixed(2)}×)`,
      );
    }
  }
  const sqlite = rows.find((row) => row.backend === 'sqlite' && row.members === 10_000);
  if (sqlite)
    out(`${sqlite.p50 < 5 ? 'PASS' : 'FAIL'}  sqlite: reserve + capture p50 < 5 ms (${ms(sqlite.p50)})`);
}

async function benchBot(): Promise<void> {
  out(`Benchmark: ${members} members in ${guilds} guilds over ~${seconds} s, Percify simulator at ${speed}x`);
  const world = await startBenchWorld({ members, guilds, speed });
  try {
    // 1. The real bot, webhook mode: the realistic mix.
    await openTheTaps(world, 'webhooks.sqlite');
    const bot = await startRealBot(world, { webhooks: true, database: 'webhooks.sqlite', speed });
    const requestsBefore = world.percify.requests.length;
    const restSince = Date.now();
    out('· running the mix against the bot (webhook mode)…');
    const real = await runWorkload(world, {
      commands: members,
      seconds,
      tag: 'bench',
      rerollShare: 0.3,
      animateShare: 0.05,
      followUp: true,
    });
    const quiet = await waitUntilQuiet(world, 120_000);
    const overheads = deliveryOverheads(world, restSince);
    const peakRss = bot.peakRss();
    const peakHeap = bot.peakHeap();
    const webhookExit = await bot.stop();
    const webhooksOk = world.percify
      .webhookDeliveries()
      .filter((d) => typeof d.status === 'number' && d.status < 300).length;
    const balance = await checkBalance(world, 'webhooks.sqlite');
    const webhookCalls = percifyCallsPerJob(world, requestsBefore, balance.jobs);

    // 2. Polling only: how many calls a job costs without webhooks.
    await openTheTaps(world, 'polling.sqlite');
    const poller = await startRealBot(world, { webhooks: false, database: 'polling.sqlite', speed });
    const pollFrom = world.percify.requests.length;
    out('· polling-only run…');
    await runWorkload(world, {
      commands: pollingJobs,
      seconds: Math.max(3, pollingJobs / 5),
      tag: 'poll',
      rerollShare: 0,
      animateShare: 0,
      followUp: true,
    });
    await waitUntilQuiet(world, 60_000);
    await poller.stop();
    const pollBalance = await checkBalance(world, 'polling.sqlite');
    const pollingCalls = percifyCallsPerJob(world, pollFrom, pollBalance.jobs);

    // 3. The bare bot under the same command rate.
    const bare = await startBareBot(world);
    out('· bare discord.js bot…');
    const baseline = await runWorkload(world, {
      commands: members,
      seconds,
      tag: 'bare',
      rerollShare: 0,
      animateShare: 0,
      followUp: false,
    });
    await bare.stop();

    const ack = spread(real.acks);
    const bareAck = spread(baseline.acks);
    const delivery = spread(overheads);
    const utilisation =
      real.utilisation.length === 0
        ? Number.NaN
        : real.utilisation.reduce((sum, u) => sum + u, 0) / real.utilisation.length;
    const lost = balance.lost + (quiet ? 0 : 1) + pollBalance.lost;
    const outOfBalance = balance.outOfBalance + pollBalance.outOfBalance;

    out();
    out(
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM, Node ${process.version}`,
    );
    out(
      table([
        ['metric', 'p50', 'p99', 'max', 'n'],
        ['ACK latency, bot', ms(ack.p50), ms(ack.p99), ms(ack.max), String(ack.n)],
        [
          'ACK latency, bare discord.js',
          ms(bareAck.p50),
          ms(bareAck.p99),
          ms(bareAck.max),
          String(bareAck.n),
        ],
        [
          'ACK ratio bot / bare',
          (ack.p50 / bareAck.p50).toFixed(2),
          (ack.p99 / bareAck.p99).toFixed(2),
          '',
          '',
        ],
        ['delivery overhead', ms(delivery.p50), ms(delivery.p99), ms(delivery.max), String(delivery.n)],
        ['Percify calls per job, webhooks (min 2)', webhookCalls.toFixed(2), '', '', String(balance.jobs)],
        ['Percify calls per job, polling (min 2)', pollingCalls.toFixed(2), '', '', String(pollBalance.jobs)],
        [
          'plan-slot utilisation while queued',
          `${(utilisation * 100).toFixed(1)} %`,
          '',
          '',
          String(real.utilisation.length),
        ],
        [
          'Percify webhooks answered 2xx / sent',
          String(webhooksOk),
          String(world.percify.webhookDeliveries().length),
          '',
          '',
        ],
        ['peak RSS / heap (bot process)', mb(peakRss), mb(peakHeap), '', ''],
        ['unanswered commands (bot / bare)', String(real.unanswered), String(baseline.unanswered), '', ''],
        ['jobs lost', String(lost), '', '', ''],
        ['credits out of balance', String(outOfBalance), '', '', ''],
        ['clean exit on SIGTERM', webhookExit === 0 ? 'yes' : `exit ${webhookExit}`, '', '', ''],
      ]),
    );
    out();
    const target = (ok: boolean, text: string) => out(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
    target(ack.p99 <= 100, `ACK p99 ≤ 100 ms (${ms(ack.p99)})`);
    target(ack.p99 <= 1.5 * bareAck.p99, `ACK p99 ≤ 1.5 × bare bot (${(ack.p99 / bareAck.p99).toFixed(2)}×)`);
    target(delivery.p99 <= 250, `delivery overhead p99 ≤ 250 ms (${ms(delivery.p99)})`);
    target(
      Math.abs(webhookCalls - 2) < 0.05,
      `2 Percify calls per job with webhooks (${webhookCalls.toFixed(2)})`,
    );
    if (Number.isNaN(utilisation))
      out('n/a   plan-slot utilisation ≥ 95 %: no line of waiting jobs formed in this run');
    else target(utilisation >= 0.95, `plan-slot utilisation ≥ 95 % (${(utilisation * 100).toFixed(1)} %)`);
    target(peakRss <= 200 * 1024 * 1024, `peak RSS ≤ 200 MB (${mb(peakRss)})`);
    target(lost === 0, `no job lost (${lost})`);
    target(outOfBalance === 0, `credits in balance (${outOfBalance} out)`);
  } finally {
    await world.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
