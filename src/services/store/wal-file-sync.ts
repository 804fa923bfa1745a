import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * fsync of a SQLite database's write-ahead log, from outside SQLite. With `synchronous=NORMAL`
 * SQLite writes each commit to the WAL without syncing it (checkpoints still sync); this makes the
 * commits written so far durable, exactly what `synchronous=FULL` does inside each commit, but on a
 * thread of its own so the connection need not wait (see FlushPipeline). fsync flushes the file, not
 * one descriptor's writes, so a descriptor of our own covers SQLite's writes.
 *
 * The log keeps its file while any connection is open (SQLite rewrites it from the start after a
 * checkpoint); should it ever be replaced, the next sync notices the new file and opens that one.
 */
export class WalFileSync {
  #handle: FileHandle | undefined;
  #inode: number | undefined;

  constructor(private readonly walPath: string) {}

  async sync(): Promise<void> {
    const current = await stat(this.walPath).catch((error: NodeJS.ErrnoException) => {
      // No log: SQLite checkpointed it into the database (which it syncs) and removed it.
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!current) return;
    if (this.#inode !== current.ino) {
      await this.close();
      this.#handle = await open(this.walPath, 'r+');
      this.#inode = (await this.#handle.stat()).ino;
    }
    await this.#handle?.sync();
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    this.#inode = undefined;
    await handle?.close();
  }
}
