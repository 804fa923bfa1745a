import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Throwaway Redis and PostgreSQL servers for the tests and the benchmark: Debian's binaries run
 * directly on a free loopback port with their data in a temporary folder (never a system service),
 * stopped and removed after.
 */

export interface TestServer {
  readonly kind: 'redis' | 'postgres';
  readonly port: number;
  /** A DATABASE_URL for a fresh, empty database (PostgreSQL: a new database each call). */
  newDatabaseUrl(): Promise<string>;
  /** Kills the server at once (SIGKILL), as an outage would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export const INSTALL_HINT: Record<TestServer['kind'], string> = {
  redis: 'apt-get install redis-server',
  postgres: 'apt-get install postgresql',
};

export function redisBinary(): string | undefined {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server'])
    if (existsSync(path)) return path;
  const which = spawnSync('which', ['redis-server'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

export function serverAvailable(kind: TestServer['kind']): boolean {
  return kind === 'redis' ? redisBinary() !== undefined : postgresBinDir() !== undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

async function waitForPort(
  port: number,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not open port ${port}: ${output()}`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

export async function startRedis(): Promise<TestServer> {
  const binary = redisBinary();
  if (!binary) throw new Error(`redis-server is not installed: ${INSTALL_HINT.redis}`);
  const dir = mkdtempSync(join(tmpdir(), 'percify-redis-'));
  const port = await freePort();
  let output = '';
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  await waitForPort(port, child, () => output);
  let database = 0;
  return {
    kind: 'redis',
    port,
    // Redis has 16 numbered databases; each call gets the next one, empty.
    newDatabaseUrl: () => Promise.resolve(`redis://127.0.0.1:${port}/${database++ % 16}`),
    kill: () => stopChild(child, 'SIGKILL'),
    async stop() {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL refuses to run as root, so as root (CI) the server runs as the `postgres` user that
 * Debian's package creates, in a folder it may write.
 */
export async function startPostgres(): Promise<TestServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${INSTALL_HINT.postgres}`);
  const dir = mkdtempSync(join(tmpdir(), 'percify-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dir, 0o777);
  const run = (command: string, args: string[]) =>
    // setpriv execs the server itself (no process in between), so our signals reach it directly.
    asRoot
      ? {
          command: 'setpriv',
          args: ['--reuid=postgres', '--regid=postgres', '--init-groups', command, ...args],
        }
      : { command, args };
  const data = join(dir, 'data');
  const init = run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const initResult = spawnSync(init.command, init.args, { encoding: 'utf8' });
  if (initResult.status !== 0) throw new Error(`initdb failed: ${initResult.stderr || initResult.stdout}`);
  const port = await freePort();
  const server = run(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'max_connections=200',
  ]);
  let output = '';
  const child = spawn(server.command, server.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  await waitForPort(port, child, () => output);
  const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import('pg');
  // The port opens a moment before the server takes queries.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: admin });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  let database = 0;
  return {
    kind: 'postgres',
    port,
    async newDatabaseUrl() {
      const name = `t${process.pid}_${database++}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    kill: () => stopChild(child, 'SIGKILL'),
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown.
      await stopChild(child, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function startServer(kind: TestServer['kind']): Promise<TestServer> {
  return kind === 'redis' ? startRedis() : startPostgres();
}
