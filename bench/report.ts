import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LedgerBenchRow } from './ledger.js';
import type { LoadResult, ProcessMemory } from './load-phase.js';
import type { BareResult, PollingResult } from './phases.js';
import { mb, ms } from './stats.js';

/** The benchmark's results: one object, printed as a table with its targets and written as JSON. */

export interface BenchReport {
  version: 1;
  measuredAt: string;
  machine: { cpus: number; model: string; ramBytes: number; node: string };
  /** os.loadavg() (1, 5, 15 min) when the run started and when it ended: other work on the machine. */
  loadAverage: { start: number[]; end: number[] };
  options: {
    members: number;
    guilds: number;
    seconds: number;
    speed: number;
    pollingJobs: number;
    profiled: boolean;
  };
  bot?: LoadResult;
  polling?: PollingResult;
  bare?: BareResult;
  /** Two production processes on one Redis; absent where redis-server is not installed. */
  twoProcesses?: LoadResult;
  ledger?: LedgerBenchRow[];
  targets: Target[];
}

export interface Target {
  name: string;
  ok: boolean;
  value: string;
}

const MB = 1024 * 1024;
const pct = (share: number) => (Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : 'n/a');
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');

/** The targets of issue 19 (README, "Performance"), and the correctness every run must keep. */
export function targetsOf(report: Omit<BenchReport, 'targets'>): Target[] {
  const targets: Target[] = [];
  const add = (ok: boolean, name: string, value: string) => targets.push({ name, ok, value });
  const { bot, bare, polling, twoProcesses } = report;
  if (bot && bare) {
    add(bot.acks.p99 <= 100, 'ACK p99 ≤ 100 ms', ms(bot.acks.p99));
    add(bot.acks.p99 <= 2 * bare.acks.p99, 'ACK p99 ≤ 2 × bare bot', ratio(bot.acks.p99, bare.acks.p99));
    add(bot.acks.p50 <= 2 * bare.acks.p50, 'ACK p50 ≤ 2 × bare bot', ratio(bot.acks.p50, bare.acks.p50));
  }
  if (bot) {
    add(bot.delivery.p99 <= 250, 'delivery overhead p99 ≤ 250 ms', ms(bot.delivery.p99));
    if (Number.isFinite(bot.utilisation))
      add(bot.utilisation >= 0.95, 'plan-slot use while work is queued ≥ 95 %', pct(bot.utilisation));
    const peak = bot.memory[0]?.peak ?? Number.NaN;
    add(peak <= 200 * MB, 'production process peak RSS ≤ 200 MB', mb(peak));
    add(
      Math.abs(bot.percifyCallsPerJob - 2) < 0.05,
      '2 Percify calls per job with webhooks',
      bot.percifyCallsPerJob.toFixed(2),
    );
  }
  for (const [label, run] of [
    ['', bot],
    [' (two processes)', twoProcesses],
  ] as const) {
    if (!run) continue;
    add(run.unanswered === 0, `every command answered${label}`, String(run.unanswered));
    add(run.lost === 0, `no job lost${label}`, String(run.lost));
    add(run.outOfBalance === 0, `credits in balance${label}`, `${run.outOfBalance} out`);
    add(
      run.exitCodes.every((code) => code === 0),
      `clean exit on SIGTERM${label}`,
      run.exitCodes.join(', '),
    );
  }
  if (polling)
    add(
      polling.lost === 0 && polling.outOfBalance === 0,
      'polling run: no job lost, credits in balance',
      `${polling.lost} lost, ${polling.outOfBalance} out`,
    );
  return targets;
}

const memoryCell = (memory: readonly ProcessMemory[], pick: (m: ProcessMemory) => number) =>
  memory.map((m) => mb(pick(m))).join(' + ');

/** One row per metric; columns: one process, two processes, bare bot. */
export function formatTable(report: BenchReport): string[][] {
  const { bot, twoProcesses: two, bare, polling } = report;
  const runs = [bot, two];
  const row = (metric: string, cell: (run: LoadResult) => string, bareCell = '') => [
    metric,
    ...runs.map((run) => (run ? cell(run) : '')),
    bareCell,
  ];
  return [
    ['metric', '1 process', '2 processes (Redis)', 'bare discord.js'],
    row('ACK p50', (r) => ms(r.acks.p50), bare ? ms(bare.acks.p50) : ''),
    row('ACK p99', (r) => ms(r.acks.p99), bare ? ms(bare.acks.p99) : ''),
    row('ACK max', (r) => ms(r.acks.max), bare ? ms(bare.acks.max) : ''),
    row('ACK p50 / p99 vs bare', (r) =>
      bare ? `${ratio(r.acks.p50, bare.acks.p50)} / ${ratio(r.acks.p99, bare.acks.p99)}` : '',
    ),
    row('first answers timed', (r) => String(r.acks.n), bare ? String(bare.acks.n) : ''),
    row('delivery overhead p50', (r) => ms(r.delivery.p50)),
    row('delivery overhead p99', (r) => ms(r.delivery.p99)),
    row('delivery overhead max', (r) => ms(r.delivery.max)),
    row('plan-slot use while queued', (r) => `${pct(r.utilisation)} (${r.utilisationSamples})`),
    row('event-loop delay p50 / p99 (10 = none)', (r) =>
      r.eventLoop.map((e) => `${e.p50.toFixed(0)} / ${e.p99.toFixed(0)} ms`).join(' + '),
    ),
    row('event-loop delay max', (r) => r.eventLoop.map((e) => ms(e.max)).join(' + ')),
    row('V8 heap used / total at the end of the load', (r) =>
      r.eventLoop.map((e) => `${mb(e.heapUsed)} / ${mb(e.heapTotal)}`).join(' + '),
    ),
    row('RSS connected, idle', (r) => memoryCell(r.memory, (m) => m.idle)),
    row('RSS under load (median)', (r) => memoryCell(r.memory, (m) => m.underLoad)),
    row('RSS peak (VmHWM)', (r) => memoryCell(r.memory, (m) => m.peak), bare ? mb(bare.peakRss) : ''),
    row('RSS after the load', (r) => memoryCell(r.memory, (m) => m.after)),
    row('Percify calls per job, webhooks', (r) => r.percifyCallsPerJob.toFixed(2)),
    [
      'Percify calls per job, polling',
      polling ? `${polling.percifyCallsPerJob.toFixed(2)} (${polling.jobs} jobs)` : '',
      '',
      '',
    ],
    row('Percify webhooks 2xx / sent', (r) => `${r.webhooksOk} / ${r.webhooksSent}`),
    row('jobs started / settled', (r) => `${r.started} / ${r.jobs}`),
    row('unanswered commands', (r) => String(r.unanswered), bare ? String(bare.unanswered) : ''),
    row('jobs lost', (r) => String(r.lost)),
    row('credits out of balance', (r) => String(r.outOfBalance)),
    row('exit codes on SIGTERM', (r) => r.exitCodes.join(', ')),
  ];
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
