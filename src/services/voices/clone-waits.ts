import type { WebhookEventResult } from '../webhooks/index.js';

/**
 * Clones still at work when Percify answered: each waits for its `voice.cloned` webhook or its next
 * look, whichever comes first, so a webhook makes the answer prompt and polling keeps it certain.
 */
export class CloneWaits {
  readonly #waiting = new Map<string, Set<() => void>>();

  /** Resolves when `voice.cloned` arrives for this voice, or after `ms`. */
  wait(voiceId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.#waiting.get(voiceId) ?? new Set();
      this.#waiting.set(voiceId, waiters);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) this.#waiting.delete(voiceId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
    });
  }

  /** A `voice.cloned` event: wakes whoever waits for it here; another process may be waiting instead. */
  settle(voiceId: string): WebhookEventResult {
    const waiters = this.#waiting.get(voiceId);
    if (!waiters) return 'unknown';
    for (const wake of [...waiters]) wake();
    return 'handled';
  }
}
