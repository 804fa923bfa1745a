import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const RECORDER = new URL('./record-loads.mjs', import.meta.url).href;

/**
 * Imports one module in a fresh Node process and returns every project file that import loaded
 * (paths relative to the repository, node_modules left out), so a test can pin what a module pulls in.
 */
export async function filesLoadedBy(entry: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loads-'));
  const out = join(dir, 'loads.txt');
  try {
    const url = pathToFileURL(join(ROOT, entry)).href;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          TSX_LOADER,
          '--import',
          RECORDER,
          '--input-type=module',
          '-e',
          `await import(${JSON.stringify(url)});`,
        ],
        {
          env: { PATH: process.env.PATH, ...env, RECORD_LOADS_FILE: out },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`importing ${entry} failed (${code}): ${stderr}`)),
      );
    });
    const urls = (await readFile(out, 'utf8')).split('\n').filter(Boolean);
    const files = urls
      .map((url) => relative(ROOT, fileURLToPath(url)))
      .filter((path) => !path.startsWith('node_modules') && !path.startsWith('..'));
    return [...new Set(files)].sort();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
