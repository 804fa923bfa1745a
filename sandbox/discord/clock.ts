import type { EmulatorClock } from './types.js';

/** Real time plus an offset that `advance` grows, so deadlines can be crossed without waiting. */
export function createEmulatorClock(start?: number): EmulatorClock {
  let offset = start === undefined ? 0 : start - Date.now();
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
