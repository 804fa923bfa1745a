import type { RequestInfo } from '../percify/http.js';

/** Answers that prove the API is there, even when they refuse the request (4xx other than 429). */
function answered(info: RequestInfo): boolean {
  return info.status !== undefined && info.status < 500 && info.status !== 429;
}

/** Answers that say nothing either way: being rate-limited means the API is up but busy. */
function inconclusive(info: RequestInfo): boolean {
  return info.status === 429;
}

export interface ReachabilityState {
  reachable: boolean;
  /** When the current outage began (the first failed request after a success); undefined when up. */
  downSince: number | undefined;
  /** When any request last ended, answered or not. */
  lastContactAt: number | undefined;
}

/**
 * Whether Percify answers, judged from every request the client makes (fed by its `onRequest` hook),
 * so a readiness probe or an alert never needs a request of its own while jobs are running.
 */
export class PercifyReachability {
  #downSince: number | undefined;
  #lastContactAt: number | undefined;
  readonly #listeners = new Set<(state: ReachabilityState) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  record(info: RequestInfo): void {
    if (inconclusive(info)) return;
    const at = this.now();
    this.#lastContactAt = at;
    if (answered(info)) this.#downSince = undefined;
    else this.#downSince ??= at;
    const state = this.state();
    for (const listener of this.#listeners) listener(state);
  }

  state(): ReachabilityState {
    return {
      reachable: this.#downSince === undefined,
      downSince: this.#downSince,
      lastContactAt: this.#lastContactAt,
    };
  }

  /** Called after every recorded request; returns a function that stops the calls. */
  onChange(listener: (state: ReachabilityState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
