import { readFileSync } from 'node:fs';
import type { LoadResult } from './load-phase.js';
import type { BenchReport } from './report.js';
import { table } from './stats.js';

/**
 * `npm run bench:compare -- data/bench/a.json data/bench/b.json …`: the headline numbers of several
 * benchmark runs side by side, with their median, so one noisy run on a shared machine is not read
 * as the result.
 */

const MB = 1024 * 1024;
type Pick = (report: BenchReport) => number | undefined;

const bot =
  (pick: (run: LoadResult) => number): Pick =>
  (r) =>
    r.bot ? pick(r.bot) : undefined;
const two =
  (pick: (run: LoadResult) => number): Pick =>
  (r) =>
    r.twoProcesses ? pick(r.twoProcesses) : undefined;
const maxOf = (values: number[]) => Math.max(...values);
/** The middle value; with an even count, the mean of the two middle ones. */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? Number.NaN
    : sorted.length % 2
      ? sorted[mid]!
      : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const ROWS: Array<[string, Pick, number]> = [
  ['ACK p50, bot (ms)', bot((b) => b.acks.p50), 1],
  ['ACK p99, bot (ms)', bot((b) => b.acks.p99), 1],
  ['ACK p50, bare (ms)', (r) => r.bare?.acks.p50, 1],
  ['ACK p99, bare (ms)', (r) => r.bare?.acks.p99, 1],
  ['ACK p50 bot / bare', (r) => (r.bot && r.bare ? r.bot.acks.p50 / r.bare.acks.p50 : undefined), 2],
  ['ACK p99 bot / bare', (r) => (r.bot && r.bare ? r.bot.acks.p99 / r.bare.acks.p99 : undefined), 2],
  ['delivery overhead p50 (ms)', bot((b) => b.delivery.p50), 1],
  ['delivery overhead p99 (ms)', bot((b) => b.delivery.p99), 1],
  ['plan-slot use while queued (%)', bot((b) => b.utilisation * 100), 1],
  ['event-loop delay p99 (ms)', bot((b) => b.eventLoop[0]?.p99 ?? Number.NaN), 1],
  ['production RSS peak (MB)', bot((b) => (b.memory[0]?.peak ?? Number.NaN) / MB), 1],
  ['production RSS after load (MB)', bot((b) => (b.memory[0]?.after ?? Number.NaN) / MB), 1],
  ['2 processes: ACK p50 (ms)', two((t) => t.acks.p50), 1],
  ['2 processes: ACK p99 (ms)', two((t) => t.acks.p99), 1],
  ['2 processes: delivery p99 (ms)', two((t) => t.delivery.p99), 1],
  ['2 processes: plan-slot use (%)', two((t) => t.utilisation * 100), 1],
  ['2 processes: peak RSS, larger (MB)', two((t) => maxOf(t.memory.map((m) => m.peak)) / MB), 1],
  ['load average (1 min) at start', (r) => r.loadAverage.start[0], 2],
];

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run bench:compare -- <report.json> [<report.json> …]\n');
  process.exit(2);
}
const reports = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as BenchReport);
const cell = (value: number | undefined | null, digits: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
process.stdout.write(
  `${table([
    ['metric', ...reports.map((r, i) => `run ${i + 1} (${r.options.members}/${r.options.guilds})`), 'median'],
    ...ROWS.map(([name, pick, digits]) => {
      const values = reports.map(pick);
      const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      return [name, ...values.map((v) => cell(v, digits)), cell(median(finite), digits)];
    }),
  ])}\n`,
);
