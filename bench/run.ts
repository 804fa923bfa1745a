import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { serverAvailable } from '../sandbox/local-servers.js';
import { readCpuProfile, summariseProfiles } from './cpu-profile.js';
import { benchLedger } from './ledger.js';
import { formatLedgerSection } from './ledger-report.js';
import { parseBenchOptions } from './options.js';
import { barePhase, pollingPhase, webhookPhase } from './phases.js';
import { buildIfStale } from './production-bot.js';
import { formatProfileSummary, profilesIn } from './profile-report.js';
import { formatTable, targetsOf, writeReport, type BenchReport } from './report.js';
import { mb, table } from './stats.js';
import { twoProcessPhase } from './two-process.js';
import { startBenchWorld } from './world.js';

/**
 * `npm run bench [-- --quick] [--members 500 --guilds 50 --seconds 20 --speed 5] [--section bot]
 * [--json file] [--cpu-prof]`: the bot's production process (compiled, plain node) against the Discord
 * emulator and the Percify simulator under the full load, a polling-only run, a bare discord.js bot
 * under the same command rate, two production processes on one Redis where redis-server is installed,
 * then the ledger's cost against the size of a guild. One table with pass/fail lines for the targets,
 * also written as JSON (data/bench/<time>.json by default) so runs can be compared.
 */

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const options = parseBenchOptions(process.argv.slice(2), stamp);
const out = (line = '') => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((value) => Number(value.toFixed(2)));

async function main(): Promise<void> {
  const cpu = cpus();
  const report: Omit<BenchReport, 'targets'> = {
    version: 1,
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpu.length, model: cpu[0]?.model ?? 'cpu', ramBytes: totalmem(), node: process.version },
    loadAverage: { start: load(), end: [] },
    options: {
      members: options.members,
      guilds: options.guilds,
      seconds: options.seconds,
      speed: options.speed,
      pollingJobs: options.pollingJobs,
      profiled: options.cpuProf !== undefined,
    },
  };
  out(
    `Benchmark: ${options.members} members in ${options.guilds} guilds over ~${options.seconds} s, ` +
      `Percify simulator at ${options.speed}x; load average ${report.loadAverage.start.join(' ')}`,
  );
  if (options.section !== 'ledger') {
    // The bot runs as `npm start` runs it: from dist/, built here when it is missing or stale.
    buildIfStale();
    const world = await startBenchWorld(options);
    try {
      const shape = { members: options.members, seconds: options.seconds };
      if (options.section === 'all' || options.section === 'bot') {
        const profileDir = options.cpuProf === undefined ? undefined : resolve(options.cpuProf);
        const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
        out('· the production process, webhook mode, under the mix…');
        report.bot = await webhookPhase(world, shape, flags);
        out('· polling-only run…');
        report.polling = await pollingPhase(world, options.pollingJobs);
        out('· bare discord.js bot…');
        report.bare = await barePhase(world, shape);
        if (profileDir) {
          out();
          out(formatProfileSummary(summariseProfiles(profilesIn(profileDir).map(readCpuProfile))));
          out(`(profiles in ${profileDir}; profiling slows the bot, so this run's latencies read high)`);
        }
      }
      if (options.section === 'all' || options.section === 'two-process') {
        if (serverAvailable('redis')) {
          out('· two production processes on one Redis…');
          report.twoProcesses = await twoProcessPhase(world, shape);
        } else out('· two-process run skipped: redis-server is not installed (apt-get install redis-server)');
      }
    } finally {
      // The bots' own logs, beside the JSON: what to read when a number looks wrong.
      await world.close(options.json.replace(/\.json$/, '') + '-logs');
    }
  }
  if (options.section === 'all' || options.section === 'ledger') report.ledger = await benchLedger();
  report.loadAverage.end = load();

  const full: BenchReport = { ...report, targets: targetsOf(report) };
  const { machine } = full;
  out();
  out(
    `Measured ${full.measuredAt.slice(0, 10)} on ${machine.cpus} × ${machine.model}, ${mb(machine.ramBytes)} RAM, ` +
      `Node ${machine.node}; load average ${full.loadAverage.start.join(' ')} at the start, ${full.loadAverage.end.join(' ')} at the end`,
  );
  if (full.bot || full.twoProcesses) out(table(formatTable(full)));
  out();
  for (const target of full.targets) out(`${target.ok ? 'PASS' : 'FAIL'}  ${target.name} (${target.value})`);
  for (const [label, run] of [
    ['one process', full.bot],
    ['two processes', full.twoProcesses],
  ] as const) {
    const working = run?.stillWorking ?? [];
    if (working.length === 0) continue;
    // A few, on one line each: enough to see what kind of reply was left (all are in the JSON).
    out(`      ${working.length} replies still said "working" at the end (${label}), e.g.:`);
    for (const reply of working.slice(0, 3)) out(`        ${reply.replace(/\s+/g, ' ').slice(0, 110)}`);
  }
  if (full.bot && !Number.isFinite(full.bot.utilisation))
    out('n/a   plan-slot use ≥ 95 %: no line of waiting jobs formed in this run');
  if (full.ledger) {
    out();
    out(formatLedgerSection(full.ledger));
  }
  writeReport(options.json, full);
  out();
  out(`JSON: ${options.json}${options.section === 'ledger' ? '' : ` (the bots' logs beside it)`}`);
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
