/**
 * How long Percify's work has really taken lately, against its documented typical time: the
 * progress estimate multiplies the documented time by this, so a bar that promised 5 s for work that
 * keeps taking 20 s learns to say 20 s. Kept per stage and tier (the documented table already scales
 * with the clip's length, so one ratio serves every length), in memory: it is a hint for the display,
 * and a fresh process starts from the documented times. An exponentially weighted mean of a ratio is
 * a few lines; no metrics library exposes its observations back to the code that records them.
 */

/** A new observation's weight: about the last five jobs of a kind decide. */
const WEIGHT = 0.3;
/** One odd job (a stuck render, a cached result) cannot swing the estimate beyond these. */
const MIN_RATIO = 0.25;
const MAX_RATIO = 6;

export class ObservedDurations {
  readonly #ratios = new Map<string, number>();

  /** One finished piece of work: documented typical seconds against the seconds it really took. */
  record(key: string, typicalSeconds: number, actualSeconds: number): void {
    if (!(typicalSeconds > 0) || !(actualSeconds >= 0)) return;
    const ratio = clamp(actualSeconds / typicalSeconds);
    const previous = this.#ratios.get(key);
    this.#ratios.set(key, previous === undefined ? ratio : previous + WEIGHT * (ratio - previous));
  }

  /** How much longer (above 1) or shorter than documented this kind of work has been taking. */
  factor(key: string): number {
    return this.#ratios.get(key) ?? 1;
  }
}

function clamp(ratio: number): number {
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
}
