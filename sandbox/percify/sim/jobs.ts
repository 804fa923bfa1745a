/** One generation: it holds a plan slot from `start` until `finish` settles. */
export interface SimJob {
  /** Simulated processing time in real milliseconds (already scaled by speed). */
  durationMs: number;
  /** Called when the job gets a slot: the object turns 'processing'. */
  start(): void;
  /** Called when processing time is over: render media, mark completed/failed, debit. */
  finish(): Promise<void>;
}

/** Free 1, pro 3, enterprise 10 concurrent generations; the rest wait FIFO as 'queued'. */
export const PLAN_SLOTS = { free: 1, pro: 3, enterprise: 10 } as const;
export type Plan = keyof typeof PLAN_SLOTS;

export class JobScheduler {
  private running = 0;
  private readonly waiting: SimJob[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly slots: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Returns true when the job started at once, false when it was queued. */
  submit(job: SimJob): boolean {
    if (this.running < this.slots && this.waiting.length === 0) {
      this.run(job);
      return true;
    }
    this.waiting.push(job);
    return false;
  }

  inFlight(): number {
    return this.running;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiting.length = 0;
  }

  private run(job: SimJob): void {
    this.running += 1;
    job.start();
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        job
          .finish()
          .catch(this.onError)
          .finally(() => {
            this.running -= 1;
            this.next();
          });
      },
      Math.max(0, Math.round(job.durationMs)),
    );
    this.timers.add(timer);
  }

  private next(): void {
    while (!this.closed && this.running < this.slots) {
      const job = this.waiting.shift();
      if (!job) return;
      this.run(job);
    }
  }
}
