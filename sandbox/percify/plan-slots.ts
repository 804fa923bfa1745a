/**
 * The plan's concurrent-generation slots. Work beyond the slots waits FIFO ('queued') and starts
 * as slots free. Each unit of work holds one slot from start until it calls its release function.
 */
export class PlanSlots {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.busy;
  }

  get hasFreeSlot(): boolean {
    return this.busy < this.capacity && this.waiting.length === 0;
  }

  /** Runs `start` now when a slot is free, otherwise once one frees; `start` gets the slot's release. */
  acquire(start: (release: () => void) => void): void {
    const run = () => {
      this.busy += 1;
      let released = false;
      start(() => {
        if (released) return;
        released = true;
        this.busy -= 1;
        this.next();
      });
    };
    if (this.busy < this.capacity && this.waiting.length === 0) run();
    else this.waiting.push(run);
  }

  close(): void {
    this.closed = true;
    this.waiting.length = 0;
  }

  private next(): void {
    if (this.closed) return;
    while (this.busy < this.capacity) {
      const run = this.waiting.shift();
      if (!run) return;
      run();
    }
  }
}
