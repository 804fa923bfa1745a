import { readFileSync } from 'node:fs';

/**
 * A process's memory as the kernel counts it (/proc/<pid>/status): what an operator's monitoring
 * sees, heap, code and native buffers included. NaN where /proc is missing (not Linux).
 */

export interface ProcMemory {
  /** Resident now (VmRSS), bytes. */
  rss: number;
  /** The highest resident size since the process started (VmHWM), bytes. */
  peak: number;
}

export function procMemory(pid: number | undefined): ProcMemory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => {
      const value = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
      return value ? Number(value) * 1024 : Number.NaN;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}
