import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What `npm ci --omit=dev` installs must be exactly what the running bot imports: a package the bot
// imports but only a development install has breaks production; one declared but never imported is
// weight nobody needs.

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The package each bare import names: `a/b` -> `a`, `@a/b/c` -> `@a/b`. */
function importedPackages(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"./][^'"]*)['"]/g;
  for (const file of files) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (!specifier || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      if (!found.has(name)) found.set(name, file);
    }
  }
  return found;
}

const runtimeFiles = [
  ...filesUnder('src'),
  ...filesUnder('sandbox').filter((file) => !file.startsWith('sandbox/playground/web')),
  'deploy-commands.ts',
  ...filesUnder('scripts'),
];
const developmentFiles = [
  ...filesUnder('test'),
  ...filesUnder('bench'),
  'vitest.config.ts',
  'eslint.config.js',
];

describe('declared dependencies', () => {
  it('hold every package the bot, the sandbox and the build import', () => {
    const missing = [...importedPackages(runtimeFiles)].filter(([name]) => !(name in pkg.dependencies));
    expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
  });

  it('hold nothing the bot never imports', () => {
    const imported = importedPackages(runtimeFiles);
    // Imported through a variable (so that loading it stays lazy), which the pattern above cannot see.
    const validation = 'sandbox/discord/validation.ts';
    if (readFileSync(validation, 'utf8').includes("'discord-api-spec/zod'")) {
      imported.set('discord-api-spec', validation);
    }
    // A package the bot imports may need a peer it does not import itself (@keyv/redis needs keyv).
    for (const name of [...imported.keys()]) {
      const manifest = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as {
        peerDependencies?: Record<string, string>;
      };
      for (const peer of Object.keys(manifest.peerDependencies ?? {})) imported.set(peer, `peer of ${name}`);
    }
    expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });

  it('hold every package the tests and the benchmark import, in one list or the other', () => {
    const declared = { ...pkg.dependencies, ...pkg.devDependencies };
    const missing = [...importedPackages(developmentFiles)].filter(([name]) => !(name in declared));
    expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
  });
});
