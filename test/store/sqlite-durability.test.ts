import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createStore } from '../../src/services/store.js';

/**
 * On a SQLite file the log is synced beside the connection (FlushPipeline): a `committed` write
 * answers before its fsync, an `on-disk` write after it, and a killed bot keeps both.
 */

const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const CHILD = new URL('./durability-child.ts', import.meta.url).pathname;
const STRACE = spawnSync('strace', ['-V']).status === 0;

let dir: string;
let url: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'percify-durability-'));
  url = `sqlite://${join(dir, 'bot.sqlite')}`;
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child (under strace when `traceTo` is given) until it has written, then kills -9 it. */
async function writeThenKill(traceTo?: string): Promise<void> {
  const node = [process.execPath, '--import', TSX_LOADER, CHILD, url];
  const [command, ...args] = traceTo
    ? [
        'strace',
        '-f',
        '-qq',
        '-o',
        traceTo,
        '-e',
        'trace=openat,fsync,fdatasync,access,faccessat,faccessat2',
        ...node,
      ]
    : node;
  const child = spawn(command as string, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /written (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the child exited (${String(code)}) before writing`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(pid, 'SIGKILL');
  await exited;
}

describe('SQLite durability', () => {
  it('keeps committed and on-disk writes when the bot is killed right after they answer', async () => {
    await writeThenKill();
    const store = await createStore(url, { logger: silentLogger() });
    expect(await store.getMany(['v1:test:committed', 'v1:test:on-disk'])).toEqual([
      { durability: 'committed' },
      { durability: 'on-disk' },
    ]);
    await store.close();
  }, 30_000);

  it.runIf(STRACE || process.env.CI === 'true')(
    'syncs the log before an on-disk write answers (traced with strace)',
    async () => {
      const trace = join(dir, 'trace.txt');
      await writeThenKill(trace);
      const { lines, walSyncsDone } = walSyncs(readFileSync(trace, 'utf8'));
      const at = (step: string) => lines.findIndex((line) => line.includes(`marker-${step}`));
      const between = (from: string, to: string) =>
        walSyncsDone.filter((index) => index > at(from) && index < at(to)).length;
      expect(at('before-committed')).toBeGreaterThan(0);
      // The committed write answered first; its fsync came after.
      expect(between('committed-answered', 'before-on-disk')).toBeGreaterThan(0);
      // The on-disk write answered only once an fsync of the log had finished.
      expect(between('before-on-disk', 'on-disk-answered')).toBeGreaterThan(0);
    },
    30_000,
  );

  it('keeps the log bounded under a stream of writes that never pauses', async () => {
    const store = await createStore(url, { logger: silentLogger() });
    const value = 'y'.repeat(20_000);
    let largest = 0;
    // 48 MB written, eight writers at a time, with no moment between them.
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let i = 0; i < 300; i += 1) {
          await store.set(`v1:test:${writer}:${i % 50}`, { value });
          largest = Math.max(largest, walSize());
        }
      }),
    );
    // Checkpoints run beside the writes and the log starts over in a pause, or at the latest once it
    // passes 4,096 pages (16 MB): never the whole 48 MB.
    expect(largest).toBeLessThan(24 * 1024 * 1024);
    expect(await store.get('v1:test:7:49')).toEqual({ value });
    await store.close();
  }, 120_000);
});

/**
 * The trace's lines, and the lines where the store's own fsync of the log finished (on the file it
 * opens without O_CREAT; SQLite's descriptors create the file, and SQLite syncs the log's header
 * itself when it starts the log over). With `strace -f` a call that blocks in one thread while
 * others run is split: `fsync(7 <unfinished ...>`, later `<... fsync resumed>) = 0`, same thread.
 */
function walSyncs(trace: string): { lines: string[]; walSyncsDone: number[] } {
  const lines = trace.split('\n');
  const walFds = new Set<string>();
  const unfinished = new Map<string, string>();
  const walSyncsDone: number[] = [];
  lines.forEach((line, index) => {
    const opened = /openat\(.*-wal", O_RDWR\|O_CLOEXEC\) = (\d+)$/.exec(line);
    if (opened) walFds.add(opened[1] as string);
    const sync = /^(\d+) +(?:fsync|fdatasync)\((\d+)(.*)$/.exec(line);
    if (sync) {
      const [, thread, fd, rest] = sync as unknown as [string, string, string, string];
      if (rest.includes('<unfinished')) unfinished.set(thread, fd);
      else if (walFds.has(fd)) walSyncsDone.push(index);
    }
    const resumed = /^(\d+) +<\.\.\. (?:fsync|fdatasync) resumed>/.exec(line);
    if (resumed && walFds.has(unfinished.get(resumed[1] as string) ?? '')) walSyncsDone.push(index);
  });
  return { lines, walSyncsDone };
}

function walSize(): number {
  return statSync(join(dir, 'bot.sqlite-wal')).size;
}
