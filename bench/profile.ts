import { parseArgs } from 'node:util';
import { readCpuProfile, summariseProfiles } from './cpu-profile.js';
import { formatProfileSummary, profilesIn } from './profile-report.js';

/**
 * `npm run bench:profile -- <file.cpuprofile | folder> [--top 12]`: the largest self-time costs of one
 * or more CPU profiles (a folder: every .cpuprofile in it, summed), by module, by function and by the
 * bot function that caused them. `npm run bench -- --cpu-prof` writes the profiles and prints this.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '12' } },
});
const files = positionals.flatMap(profilesIn);
if (files.length === 0) {
  process.stderr.write('usage: npm run bench:profile -- <file.cpuprofile | folder> [--top 12]\n');
  process.exit(2);
}
process.stdout.write(
  `${formatProfileSummary(summariseProfiles(files.map(readCpuProfile)), Number(values.top))}\n`,
);
