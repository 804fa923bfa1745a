/** How many waiting replies show their place in line live. */
export const POSITIONS_SHOWN = 10;

/**
 * The place in line each waiting reply shows. Only a change causes an edit, and only for the first
 * POSITIONS_SHOWN: places further back change with every job that starts, and editing them all each
 * time would grow with the square of the queue. They are told when they come within reach.
 */
export class QueuePositionDisplay {
  readonly #shown = new Map<string, number>();

  constructor(private readonly show: (jobId: string, position: number) => void) {}

  /**
   * Called with waiting jobs' places (at least the first POSITIONS_SHOWN) whenever the line moves. A
   * job left out is forgotten, and shown again when it comes back within reach.
   */
  update(positions: ReadonlyMap<string, number>): void {
    for (const jobId of this.#shown.keys()) {
      const position = positions.get(jobId);
      if (position === undefined || position > POSITIONS_SHOWN) this.#shown.delete(jobId);
    }
    for (const [jobId, position] of positions) {
      if (position > POSITIONS_SHOWN) continue;
      if (this.#shown.get(jobId) === position) continue;
      this.#shown.set(jobId, position);
      this.show(jobId, position);
    }
  }
}
