import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Cost, ProfileSummary } from './cpu-profile.js';

/** A CPU profile summary as text: the largest costs by module, by function and by causing bot function. */

const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;

function section(title: string, costs: readonly Cost[], top: number): string {
  const lines = costs
    .slice(0, top)
    .map((c) => `  ${pct(c.share)}  ${c.ms.toFixed(0).padStart(7)} ms  ${c.name}`);
  return [title, ...lines].join('\n');
}

export function formatProfileSummary(summary: ProfileSummary, top = 12): string {
  return [
    `CPU profile: ${(summary.wallMs / 1000).toFixed(1)} s wall, ${(summary.busyMs / 1000).toFixed(1)} s busy ` +
      `(${pct(summary.busyMs / Math.max(1, summary.wallMs)).trim()} of one core), ${(summary.idleMs / 1000).toFixed(1)} s idle`,
    `sandbox or tsx scripts seen in the process: ${summary.sandboxScripts.length === 0 ? 'none' : summary.sandboxScripts.join(', ')}`,
    section(
      'Self time by area (native calls charged to their caller; share of busy time)',
      summary.byArea,
      top,
    ),
    section('Self time by module (share of busy time)', summary.byModule, top),
    section('Self time by function', summary.byFunction, top),
    section('Self time by the nearest bot function on the stack', summary.byBotCaller, top),
  ].join('\n\n');
}

export function profilesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(path, name));
}
