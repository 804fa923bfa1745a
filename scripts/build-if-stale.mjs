import { spawnSync } from 'node:child_process';
import { builtAt, newestInput } from './build-inputs.mjs';

/**
 * Runs before `npm start`: builds only when dist/ is missing or older than a source, so a start after
 * an unchanged checkout goes straight to node. Comparing modification times takes milliseconds.
 */
const built = builtAt();
if (built === undefined || newestInput() > built) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
