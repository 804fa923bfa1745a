import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run sim (sandbox/percify/main.ts)', () => {
  it('prints its base URL, serves the API and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/percify/main.ts'], {
      cwd: root,
      env: { ...process.env, PERCIFY_SIM_PORT: '0', PERCIFY_SIM_API_KEY: 'main-key', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const found = /Percify simulator listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output);
          if (found?.[1]) resolve(found[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}: ${output}`)));
      });
      const denied = await fetch(`${url}/voices`);
      expect(denied.status).toBe(401);
      const voices = await fetch(`${url}/voices`, { headers: { Authorization: 'Bearer main-key' } });
      expect(voices.status).toBe(200);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
