import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, freePort } from '../sandbox/processes.js';
import { procMemory, type ProcMemory } from './proc-memory.js';

/**
 * The bot as an operator runs it: compiled (dist/, as `npm start` builds it), plain `node
 * dist/src/index.js`, configured only through its environment, so it selects production mode and
 * loads no sandbox code and no tsx. It is pointed at the emulator and the simulator by DISCORD_API_URL
 * and PERCIFY_API_URL, like .ci/production-install.sh does. It runs in a temporary folder, so a
 * developer's .env cannot reach it, and logs at the production default (info) to a file there.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const ENTRY = join(ROOT, 'dist/src/index.js');

/**
 * The node flags `npm start` gives the bot (package.json), so the bench measures the same process:
 * `--max-semi-space-size=4` caps V8's young generation at 8 MB instead of 32, and
 * `--heap-growing-percent=50` starts a full GC once the old generation is 1.5 × what the last one
 * left (not up to 4 ×). Under the full load they keep peak RSS near 170 MB instead of 250–275, at
 * no event-loop cost (issue 19).
 */
function startFlags(): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts;
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Builds dist/ when it is missing or older than a source, exactly as `npm start` does first. */
export function buildIfStale(): void {
  const result = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

export interface ProductionBot {
  child: ChildProcess;
  /** /metrics, /livez, /readyz. */
  metricsUrl: string;
  /** Where Percify's webhooks reach this process; undefined with webhooks off. */
  webhookUrl: string | undefined;
  /** RSS sampled every 250 ms from /proc since the process was ready. */
  rssSamples(): number[];
  memory(): ProcMemory;
  log(): string;
  /** SIGTERM, as a deploy stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface ProductionBotOptions {
  /** The bot's own variables (DISCORD_TOKEN, DATABASE_URL…); ports for metrics and webhooks are added. */
  env: Record<string, string>;
  webhooks: boolean;
  /** A folder that exists: the process's working directory and its log. */
  dir: string;
  name: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

export async function startProductionBot(options: ProductionBotOptions): Promise<ProductionBot> {
  const metricsPort = await freePort();
  const webhookPort = await freePort();
  const logPath = join(options.dir, `${options.name}.log`);
  const logFd = openSync(logPath, 'a');
  const child = spawn(process.execPath, [...startFlags(), ...(options.nodeFlags ?? []), ENTRY], {
    cwd: options.dir,
    env: {
      // Nothing that configures the bot or loads code into node: it runs as an operator's would.
      ...cleanEnv(['METRICS_', 'LOG_LEVEL', 'NODE_OPTIONS', 'TSX_']),
      LOG_LEVEL: 'info',
      ...options.env,
      // Known ports, so the bench can reach them (the stack's METRICS_PORT=0 would hide the port).
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      ...(options.webhooks
        ? { WEBHOOK_HOST: '127.0.0.1', WEBHOOK_PORT: String(webhookPort) }
        : { WEBHOOKS_DISABLED: 'true' }),
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = () => readFileSync(logPath, 'utf8');
  const metricsUrl = `http://127.0.0.1:${metricsPort}`;

  // Ready = /readyz answers 200: the store answers, the gateway is connected, Percify was reachable.
  const deadline = Date.now() + 60_000;
  let answer = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${metricsUrl}/readyz`).then(
      async (response) => {
        answer = `${response.status} ${await response.text()}`;
        return response.ok;
      },
      (error: unknown) => {
        answer = `${String(error)} ${String((error as { cause?: unknown }).cause)}`;
        return false;
      },
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within 60 s (/readyz: ${answer}):\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const samples: number[] = [];
  const sampler = setInterval(() => {
    const { rss } = procMemory(child.pid);
    if (Number.isFinite(rss)) samples.push(rss);
  }, 250);
  return {
    child,
    metricsUrl,
    webhookUrl: options.webhooks ? `http://127.0.0.1:${webhookPort}/webhooks/percify` : undefined,
    rssSamples: () => [...samples],
    memory: () => procMemory(child.pid),
    log,
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      const code = await exited;
      clearTimeout(force);
      return code;
    },
  };
}
