import { open, type FileHandle } from 'node:fs/promises';

/**
 * fsync of a SQLite database's write-ahead log, from outside SQLite. With `synchronous=NORMAL`
 * SQLite writes each commit to the WAL without syncing it (checkpoints still sync); this makes the
 * commits written so far durable, exactly what `synchronous=FULL` does inside each commit, but on a
 * thread of its own so the connection need not wait (see FlushPipeline). fsync flushes the file, not
 * one descriptor's writes, so a descriptor of our own covers SQLite's writes.
 *
 * The descriptor is opened once, at the first sync after the log exists, and kept: SQLite removes or
 * replaces the log only when the last connection to the database closes, and the store's writer is
 * open for as long as this is (it closes this first). Looking the file up again before every sync
 * cost a `stat` per flush, thousands under load, for a case that cannot arise.
 */
export class WalFileSync {
  #handle: FileHandle | undefined;

  constructor(private readonly walPath: string) {}

  async sync(): Promise<void> {
    if (!this.#handle) {
      try {
        this.#handle = await open(this.walPath, 'r+');
      } catch (error) {
        // No log yet: nothing has been written, so nothing waits for the disk.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
    }
    await this.#handle.sync();
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }
}
