/**
 * Keeps at most `capacity` generation slots in use on the Percify account (the plan's concurrent
 * generations: 1, 3 or 10) and hands free slots out round-robin across members, so one member who
 * queues ten jobs cannot starve the others.
 *
 * A job weighs as many slots as Percify runs at once for it (a batch of 4 images weighs 4), capped at
 * the capacity so a large batch on a small plan still runs, alone. The queue only decides order; the
 * caller starts the work in `onStart` and calls `finish(id)` when Percify no longer runs it.
 */

export interface QueuedItem {
  readonly id: string;
  readonly memberId: string;
  readonly weight: number;
}

export interface FairQueueOptions<T extends QueuedItem> {
  capacity: number;
  onStart: (item: T) => void;
  /** Told whenever waiting positions may have changed, so replies can show them. */
  onPositionsChanged?: () => void;
}

export class FairQueue<T extends QueuedItem> {
  readonly #capacity: number;
  readonly #onStart: (item: T) => void;
  readonly #onPositionsChanged: (() => void) | undefined;
  /** Waiting items per member, in arrival order; the Map's order is the rotation. */
  readonly #waiting = new Map<string, T[]>();
  /** Waiting item id -> its member, so finding one does not walk every line. */
  readonly #waitingMember = new Map<string, string>();
  readonly #running = new Map<string, T>();
  #used = 0;

  constructor(options: FairQueueOptions<T>) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new Error('capacity must be a whole number of at least 1');
    }
    this.#capacity = options.capacity;
    this.#onStart = options.onStart;
    this.#onPositionsChanged = options.onPositionsChanged;
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Slots in use right now. */
  get used(): number {
    return this.#used;
  }

  get waitingCount(): number {
    return this.#waitingMember.size;
  }

  /** Ids of every waiting item, in no particular order. */
  waitingIds(): string[] {
    return [...this.#waitingMember.keys()];
  }

  get runningCount(): number {
    return this.#running.size;
  }

  has(id: string): boolean {
    return this.#running.has(id) || this.#findWaiting(id) !== undefined;
  }

  enqueue(item: T): void {
    if (this.has(item.id)) return;
    const items = this.#waiting.get(item.memberId);
    if (items) items.push(item);
    else this.#waiting.set(item.memberId, [item]);
    this.#waitingMember.set(item.id, item.memberId);
    this.#pump();
    this.#onPositionsChanged?.();
  }

  /**
   * Marks an item as running without waiting for a slot: after a restart, jobs Percify is already
   * working on hold their slots whatever the queue would have decided.
   */
  adopt(item: T): void {
    if (this.has(item.id)) return;
    this.#running.set(item.id, item);
    this.#used += this.#weightOf(item);
  }

  /** Frees the item's slots (it finished, failed or was cancelled) and starts what fits next. */
  finish(id: string): void {
    const running = this.#running.get(id);
    if (running) {
      this.#running.delete(id);
      this.#used -= this.#weightOf(running);
    } else {
      const found = this.#findWaiting(id);
      if (!found) return;
      found.items.splice(found.index, 1);
      this.#waitingMember.delete(id);
      if (found.items.length === 0) this.#waiting.delete(found.memberId);
    }
    this.#pump();
    this.#onPositionsChanged?.();
  }

  /**
   * 1-based places in line of waiting items, in the order slots would be handed out if each running
   * job finished one by one: the member rotation, one item per member per turn. Only the first
   * `limit` places when given (what replies show), so a long line costs no more than a short one.
   */
  positions(limit = Infinity): Map<string, number> {
    const order = new Map<string, number>();
    const lanes = [...this.#waiting.values()];
    for (let turn = 0, place = 1; place <= limit; turn += 1) {
      let anyLeft = false;
      for (const lane of lanes) {
        const item = lane[turn];
        if (!item) continue;
        anyLeft = true;
        order.set(item.id, place++);
        if (place > limit) break;
      }
      if (!anyLeft) break;
    }
    return order;
  }

  /** One waiting item's place (see positions), without listing the others. */
  position(id: string): number | undefined {
    const found = this.#findWaiting(id);
    if (!found) return undefined;
    const { items: own, index: turn } = found;
    // Everyone's items of earlier turns go first, then this turn's items of lanes ahead in rotation.
    let ahead = 0;
    let lanesAhead = true;
    for (const lane of this.#waiting.values()) {
      if (lane === own) lanesAhead = false;
      ahead += Math.min(lane.length, turn) + (lanesAhead && lane.length > turn ? 1 : 0);
    }
    return ahead + 1;
  }

  #weightOf(item: T): number {
    return Math.min(Math.max(1, Math.floor(item.weight)), this.#capacity);
  }

  #findWaiting(id: string) {
    const memberId = this.#waitingMember.get(id);
    const items = memberId === undefined ? undefined : this.#waiting.get(memberId);
    const index = items?.findIndex((item) => item.id === id) ?? -1;
    return memberId !== undefined && items && index >= 0 ? { memberId, items, index } : undefined;
  }

  /**
   * Starts items while slots are free. The member at the front of the rotation goes first; after a
   * member starts a job it moves to the back. A head that does not fit yet keeps its turn (so a big
   * batch is not overtaken forever by small jobs) and nothing behind it starts.
   */
  #pump(): void {
    for (;;) {
      const next = this.#waiting.entries().next();
      if (next.done) return;
      const [memberId, items] = next.value;
      const head = items[0];
      if (!head) {
        this.#waiting.delete(memberId);
        continue;
      }
      const weight = this.#weightOf(head);
      if (this.#used + weight > this.#capacity) return;
      items.shift();
      this.#waitingMember.delete(head.id);
      this.#waiting.delete(memberId);
      if (items.length > 0) this.#waiting.set(memberId, items); // to the back of the rotation
      this.#running.set(head.id, head);
      this.#used += weight;
      this.#onStart(head);
    }
  }
}
