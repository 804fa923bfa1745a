import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runTs } from '../sandbox/processes.js';

// What an operator sees first when running `npm start`. Run from an empty folder, so no developer's .env
// is read.

const cwd = mkdtempSync(`${tmpdir()}/entry-`);
const entry = `${process.cwd()}/src/index.ts`;
const TSX_LOADER = new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('src/index.ts', () => {
  it('without DISCORD_TOKEN starts the sandbox and prints the playground URL first, not an error', async () => {
    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^(DISCORD_|PERCIFY_|WEBHOOK|DATABASE_URL|SANDBOX_)/.test(key),
      ),
    );
    const child = spawn(process.execPath, ['--import', TSX_LOADER, entry], {
      cwd,
      env: { ...env, SANDBOX_PORT: String(port), LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstLine = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no output in 20 s\n${stdout}\n${stderr}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout.split('\n')[0]!);
        }
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(firstLine).toContain(`Playground: http://127.0.0.1:${port}/`);
    expect(await exited).toBe(0);
    expect(stderr).not.toContain('DISCORD_TOKEN is not set');
  });

  it('names the variable and the allowed values for a wrong setting', async () => {
    const result = await runTs(entry, { DISCORD_TOKEN: 'x', PERCIFY_PLAN: 'gold' }, { cwd });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('PERCIFY_PLAN must be one of free, pro, enterprise; got "gold"');
    expect(result.stderr).not.toContain('    at '); // no stack trace for a configuration mistake
  });
});
