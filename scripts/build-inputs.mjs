import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the compiled output in dist/ is made from. Shared by the build and by the start-up check, so
 * both agree on what "current" means.
 */

/** TypeScript source folders compiled file by file into dist/ (test and bench run from source). */
export const SOURCE_DIRS = ['src', 'sandbox'];
export const SOURCE_FILES = ['deploy-commands.ts'];
/** Copied as is: the playground page is plain ES modules and CSS. */
export const PLAYGROUND_WEB = 'sandbox/playground/web';
/** A change here changes how every file is compiled. */
export const BUILD_CONFIG = [
  'package.json',
  'tsconfig.json',
  'scripts/build.mjs',
  'scripts/build-inputs.mjs',
];
/** Written last by the build: its time is the time of the whole output. */
export const STAMP = 'dist/.build-stamp';

/** Every file under `dir`, recursively; a missing folder has none. */
export function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The .ts files the build compiles (type declarations and tests excluded). */
export function typeScriptSources() {
  return [
    ...SOURCE_DIRS.flatMap(filesUnder).filter(
      (path) =>
        path.endsWith('.ts') &&
        !path.endsWith('.d.ts') &&
        !path.endsWith('.test.ts') &&
        !path.startsWith(PLAYGROUND_WEB),
    ),
    ...SOURCE_FILES,
  ];
}

/** The newest modification time of anything the output depends on. */
export function newestInput() {
  const inputs = [...SOURCE_DIRS.flatMap(filesUnder), ...SOURCE_FILES, ...BUILD_CONFIG];
  return Math.max(...inputs.map((path) => statSync(path).mtimeMs));
}

/** The stamp's time, or undefined when there is no complete build. */
export function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return undefined;
  }
}
