import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesLoadedBy } from './support/loaded-files.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every relative import of every file under `folder`, type-only ones included, as repository paths. */
async function importsUnder(folder: string): Promise<Array<{ from: string; to: string }>> {
  const files = (await readdir(join(ROOT, folder), { recursive: true })).filter((file) =>
    file.endsWith('.ts'),
  );
  const edges: Array<{ from: string; to: string }> = [];
  for (const file of files) {
    const path = join(ROOT, folder, file);
    const source = await readFile(path, 'utf8');
    for (const match of source.matchAll(/from\s+'(\.[^']+)'/g)) {
      const target = resolve(dirname(path), match[1]!);
      edges.push({ from: relative(ROOT, path), to: relative(ROOT, target) });
    }
  }
  return edges;
}

/** What a module pulls in decides what a small task (registering commands, starting production) loads. */
describe('import graph', () => {
  it('deploy loads command data only: no service, no handler', async () => {
    const files = await filesLoadedBy('src/deploy.ts');
    expect(files).toContain('src/commands/data/index.ts');
    expect(files.filter((file) => file.startsWith('src/services/'))).toEqual([]);
    expect(
      files.filter((file) => file.startsWith('src/commands/') && !file.startsWith('src/commands/data/')),
    ).toEqual([]);
  }, 30_000);

  it('the production entry loads nothing from the sandbox until a sandbox mode starts', async () => {
    const files = await filesLoadedBy('src/sandbox-mode.ts');
    expect(files).toContain('src/app.ts');
    expect(files.filter((file) => file.startsWith('sandbox/'))).toEqual([]);
  }, 30_000);

  it('the renderers know nothing of jobs: delivery imports no job module, not even a type', async () => {
    const edges = await importsUnder('src/services/delivery');
    expect(edges.length).toBeGreaterThan(10);
    expect(edges.filter((edge) => edge.to.startsWith('src/services/jobs/'))).toEqual([]);
  });
});
