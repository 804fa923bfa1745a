import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port free right now on 127.0.0.1, for a child process that takes its port from the environment. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** tsx's loader by absolute URL, so a child can run from any working directory. */
const TSX_LOADER = new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point with tsx, as `npm run …` would, and collects its output. */
export function runTs(
  entry: string,
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  const { timeoutMs = 20_000, cwd } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, entry], {
      env: { ...cleanEnv(), ...env },
      ...(cwd ? { cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a long-running TypeScript entry point and resolves once its output matches `ready`. */
export function startTs(
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 20_000,
): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, entry], {
      env: { ...cleanEnv(), ...env },
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start in ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready\n${output}`));
    });
  });
}

const BOT_VARIABLES = ['DISCORD_', 'PERCIFY_', 'WEBHOOK', 'DATABASE_URL', 'QUEUE_', 'SANDBOX_'];

/**
 * The test's environment without the bot's own variables, so a developer's .env cannot leak in;
 * `alsoDrop` names more prefixes (the benchmark also drops the metrics and node's own options).
 */
export function cleanEnv(alsoDrop: readonly string[] = []): NodeJS.ProcessEnv {
  const prefixes = [...BOT_VARIABLES, ...alsoDrop];
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (prefixes.some((prefix) => key.startsWith(prefix))) delete env[key];
  }
  return env;
}
