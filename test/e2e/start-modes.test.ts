import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../sandbox/processes.js';

// `npm start` as a newcomer and an operator run it: the entry point in its own process, from an empty
// folder (so no developer's .env is read and data/ lands in the temp folder), mode chosen by what is set.

const ENTRY = `${process.cwd()}/src/index.ts`;
const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

interface Started {
  child: ChildProcess;
  stdout: () => string;
  output: () => string;
  exited: Promise<number | null>;
}

const running: Started[] = [];
const folders: string[] = [];

function start(env: Record<string, string>, cwd: string): Started {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DISCORD_|PERCIFY_|WEBHOOK|DATABASE_URL|SANDBOX_|LOG_LEVEL)/.test(key),
    ),
  );
  const child = spawn(process.execPath, ['--import', TSX_LOADER, ENTRY], {
    cwd,
    env: { ...clean, LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let all = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    all += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (all += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = { child, stdout: () => stdout, output: () => all, exited };
  running.push(started);
  return started;
}

async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  out: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} within ${timeoutMs} ms; output so far:\n${out()}`);
}

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'start-modes-'));
  folders.push(dir);
  return dir;
}

/** A port nothing listens on, so a "real Discord" login fails at once instead of leaving the machine. */
async function closedApiUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/api`;
}

afterEach(async () => {
  for (const started of running.splice(0)) {
    if (started.child.exitCode === null) started.child.kill('SIGKILL');
    await started.exited;
  }
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('without DISCORD_TOKEN runs the sandbox: the URL first, a working page within 30 s, Ctrl-C exits 0', async () => {
    const cwd = tempFolder();
    const port = await freePort();
    const app = start({ SANDBOX_PORT: String(port), SANDBOX_SPEED: '200' }, cwd);
    await waitFor('the playground URL', () => app.stdout().includes('\n'), 30_000, app.output);
    const [first] = app.stdout().split('\n');
    expect(first).toBe(
      `Playground: http://127.0.0.1:${port}/  (open it in a browser; Ctrl-C stops everything)`,
    );

    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Percify bot playground</title>');
    await waitFor(
      'the bot connected with its commands registered',
      async () => {
        const state = (await (await fetch(`http://127.0.0.1:${port}/_emulator/state`)).json()) as {
          botConnected: boolean;
          guilds: { id: string }[];
        };
        if (!state.botConnected) return false;
        const commands = (await (
          await fetch(`http://127.0.0.1:${port}/_emulator/commands?guild=${state.guilds[0]!.id}`)
        ).json()) as { commands: { name: string }[] };
        return commands.commands.some((c) => c.name === 'avatar');
      },
      30_000,
      app.output,
    );
    // Read once the bot is up: when the URL's line arrived, the next one may not have yet.
    expect(app.stdout().split('\n')[1]).toContain('Mode: sandbox');
    const panel = (await (await fetch(`http://127.0.0.1:${port}/_sandbox/percify`)).json()) as {
      ready: boolean;
      credits: number;
    };
    expect(panel).toMatchObject({ ready: true, credits: 10_000 });

    // A second `npm start` in the same folder would share data/sandbox.sqlite: it refuses and says why.
    const again = start({ SANDBOX_PORT: String(await freePort()), SANDBOX_SPEED: '200' }, cwd);
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain(`Another bot process (pid ${app.child.pid}`);
    expect(again.output()).toContain('redis://');

    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
    // The bot's state is kept between runs, in the working folder's data/.
    expect(existsSync(join(cwd, 'data', 'sandbox.sqlite'))).toBe(true);
  }, 60_000);

  it('with DISCORD_TOKEN and no PERCIFY_API_KEY puts the simulator behind the real Discord, and says so', async () => {
    const app = start(
      { DISCORD_TOKEN: 'operator-token', DISCORD_API_URL: await closedApiUrl(), WEBHOOK_PORT: '0' },
      tempFolder(),
    );
    await waitFor('the mode line', () => app.stdout().includes('\n'), 30_000, app.output);
    expect(app.stdout().split('\n')[0]).toMatch(
      /^Mode: simulated Percify .*real Discord, Percify simulated in-process; no credits are spent/,
    );
    expect(app.output()).not.toContain('PERCIFY_API_KEY is required');
  }, 40_000);

  it('with both DISCORD_TOKEN and PERCIFY_API_KEY runs in production', async () => {
    const app = start(
      {
        DISCORD_TOKEN: 'operator-token',
        PERCIFY_API_KEY: 'pk_live_x',
        WEBHOOKS_DISABLED: 'true',
        DISCORD_API_URL: await closedApiUrl(),
      },
      tempFolder(),
    );
    await waitFor('the mode line', () => app.stdout().includes('\n'), 30_000, app.output);
    expect(app.stdout().split('\n')[0]).toBe('Mode: production: real Discord and the real Percify API.');
  }, 40_000);
});
