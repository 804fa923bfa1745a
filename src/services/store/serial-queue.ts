/**
 * Runs async tasks one at a time, in call order. The SQLite backend shares one connection between
 * plain reads and transactions, so everything on it must take turns (a statement sent while a
 * transaction is open would run inside that transaction). A dozen lines did not seem worth a
 * dependency.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // The queue must survive a failed task, or one error would block every later one.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
