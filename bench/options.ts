import { parseArgs } from 'node:util';

/**
 * The benchmark's command line. The full load (500 members in 50 guilds) is the default, since the
 * targets are set at it; `--quick` is the small load (60 members in 6 guilds) for a check in a minute.
 */

export interface BenchOptions {
  members: number;
  guilds: number;
  seconds: number;
  speed: number;
  pollingJobs: number;
  section: 'all' | 'bot' | 'two-process' | 'ledger';
  /** Where the JSON report goes. */
  json: string;
  /** A folder for CPU profiles of the one-process bot, or undefined for none (profiling slows it). */
  cpuProf: string | undefined;
}

const SECTIONS = ['all', 'bot', 'two-process', 'ledger'] as const;

export function parseBenchOptions(args: string[], stamp: string): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      members: { type: 'string' },
      guilds: { type: 'string' },
      seconds: { type: 'string', default: '20' },
      // At 5x a flux avatar takes 0.8 s: the bot's fixed per-job turnaround (tens of ms) stays small next
      // to it, as it is at real speed; at 20x+ it dominates and plan-slot utilisation reads low.
      speed: { type: 'string', default: '5' },
      'polling-jobs': { type: 'string', default: '15' },
      section: { type: 'string', default: 'all' },
      json: { type: 'string', default: `data/bench/${stamp}.json` },
      'cpu-prof': { type: 'boolean', default: false },
      'cpu-prof-dir': { type: 'string', default: `data/bench/profiles/${stamp}` },
    },
  });
  const section = values.section as BenchOptions['section'];
  if (!SECTIONS.includes(section)) throw new Error(`--section must be one of ${SECTIONS.join(', ')}`);
  const number = (value: string | undefined, fallback: number, name: string) => {
    const parsed = Number(value ?? fallback);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a number above 0`);
    return parsed;
  };
  return {
    members: number(values.members, values.quick ? 60 : 500, 'members'),
    guilds: number(values.guilds, values.quick ? 6 : 50, 'guilds'),
    seconds: number(values.seconds, 20, 'seconds'),
    speed: number(values.speed, 5, 'speed'),
    pollingJobs: number(values['polling-jobs'], 15, 'polling-jobs'),
    section,
    json: values.json,
    cpuProf: values['cpu-prof'] ? values['cpu-prof-dir'] : undefined,
  };
}
