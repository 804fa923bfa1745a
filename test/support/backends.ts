import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { INSTALL_HINT, serverAvailable, startServer, type TestServer } from '../../sandbox/local-servers.js';

/** The three databases the store supports, each as a test sees it: a fresh URL per call. */
export type BackendKind = 'sqlite' | 'postgres' | 'redis';
export const BACKEND_KINDS: readonly BackendKind[] = ['sqlite', 'postgres', 'redis'];

export class TestBackend {
  #server: TestServer | undefined;
  #dir: string | undefined;
  #count = 0;

  constructor(readonly kind: BackendKind) {}

  async start(): Promise<void> {
    if (this.kind === 'sqlite') this.#dir = mkdtempSync(join(tmpdir(), 'percify-sqlite-'));
    else this.#server = await startServer(this.kind);
  }

  /** A DATABASE_URL nobody has used yet. */
  async newUrl(): Promise<string> {
    this.#count += 1;
    if (this.kind === 'sqlite') return `sqlite://${join(this.#dir ?? tmpdir(), `bot-${this.#count}.sqlite`)}`;
    const server = this.#require();
    const url = await server.newDatabaseUrl();
    if (this.kind === 'redis') await flushRedisDatabase(server.port, Number(new URL(url).pathname.slice(1)));
    return url;
  }

  /** The server process itself, for tests that kill it (undefined for SQLite). */
  get server(): TestServer | undefined {
    return this.#server;
  }

  async stop(): Promise<void> {
    await this.#server?.stop();
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
  }

  #require(): TestServer {
    if (!this.#server) throw new Error(`the ${this.kind} test server is not started`);
    return this.#server;
  }
}

/**
 * Runs `body` once per backend, each in its own describe block with its own server. A backend
 * whose server is not installed is skipped with a line saying how to install it (under CI it fails).
 */
export function describeEachBackend(
  title: string,
  body: (backend: TestBackend) => void,
  kinds = BACKEND_KINDS,
): void {
  for (const kind of kinds) {
    const reason = kind === 'sqlite' ? undefined : skipReason(kind);
    describe.skipIf(reason !== undefined)(`${title} (${kind})`, () => {
      const backend = new TestBackend(kind);
      beforeAll(() => backend.start(), 60_000);
      afterAll(() => backend.stop(), 30_000);
      body(backend);
    });
  }
}

/** Redis has 16 numbered databases, reused round-robin: empty one before handing it out again. */
async function flushRedisDatabase(port: number, database: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if ((answer.match(/\r\n/g) ?? []).length >= 2) {
        socket.end();
        if (answer.includes('-ERR')) reject(new Error(`redis flush failed: ${answer}`));
        else resolve();
      }
    });
    socket.on('error', reject);
    socket.write(`SELECT ${database}\r\nFLUSHDB\r\n`);
  });
}

/**
 * Why a backend's tests do not run here, or undefined when they do. A machine without the server
 * binary skips them with a line saying how to install it; under CI=true a missing server fails the
 * run instead, so a green CI always means every backend was tested.
 */
function skipReason(kind: TestServer['kind']): string | undefined {
  if (serverAvailable(kind)) return undefined;
  const message = `${kind} tests need a local ${kind} server binary: ${INSTALL_HINT[kind]}`;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true, so this is an error, not a skip)`);
  process.stderr.write(`skipping ${kind} tests: ${message}\n`);
  return message;
}
