/**
 * Writes to DATABASE_URL (argv[2]) in its own process: one `committed` and one `on-disk`
 * transaction, each between two marker syscalls (an access() of a file named `marker-<step>` in the
 * database's folder, which strace shows), then prints `written <pid>` and waits to be killed.
 */
import { accessSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { silentLogger } from '../../src/logger.js';
import { createStore } from '../../src/services/store.js';

const url = process.argv[2];
if (!url?.startsWith('sqlite://')) throw new Error('usage: durability-child.ts sqlite://FILE');
const folder = dirname(url.slice('sqlite://'.length));
const mark = (step: string) => {
  try {
    accessSync(join(folder, `marker-${step}`));
  } catch {
    // The file never exists: only the system call matters.
  }
};

const store = await createStore(url, { logger: silentLogger() });
const write = (key: string, durability: 'committed' | 'on-disk') =>
  store.transact([key], () => ({ set: { [key]: { durability } }, result: undefined }), { durability });

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
// Each step starts once the flushes before it are over, so the trace shows whose sync is whose.
await settle();
mark('before-committed');
await write('v1:test:committed', 'committed');
mark('committed-answered');
await settle();
mark('before-on-disk');
await write('v1:test:on-disk', 'on-disk');
mark('on-disk-answered');
process.stdout.write(`written ${process.pid}\n`);
setInterval(() => undefined, 60_000);
