import { createHmac } from 'node:crypto';
import type { Logger } from '../../../src/logger.js';
import type { FaultSwitches } from './faults.js';
import { isoSeconds, newId } from './ids.js';

export interface WebhookDelivery {
  eventId: string;
  type: string;
  status: number | 'timeout' | 'error';
  attempt: number;
}

interface PendingEvent {
  eventId: string;
  type: string;
  body: string;
}

const MAX_ATTEMPTS = 5;
/** Real Percify waits 10 s for an answer; scaled by speed but never below what loopback HTTP needs. */
const ANSWER_TIMEOUT_SECONDS = 10;
const REORDER_WINDOW_MS = 10_000;
const REORDER_MIN_MS = 250;

export const signBody = (secret: string, body: string): string =>
  createHmac('sha256', secret).update(body, 'utf8').digest('hex');

/** Signs and POSTs events, retrying with exponential backoff (1 s, 2 s, 4 s, 8 s at speed 1). */
export class WebhookSender {
  url: string | undefined;
  secret: string | undefined;
  readonly deliveries: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private held: PendingEvent[] = [];
  private closed = false;

  constructor(
    private readonly faults: FaultSwitches,
    private readonly speed: number,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  emit(type: string, data: Record<string, unknown>): void {
    if (this.closed || !this.url || this.faults.dropWebhooks) return;
    const eventId = newId('evt');
    const body = JSON.stringify({ type, id: eventId, created: isoSeconds(this.now()), data });
    const event = { eventId, type, body };
    if (this.faults.reorderWebhooks) {
      // Held, then sent newest first: as soon as two are held, or when the window ends.
      this.held.push(event);
      if (this.held.length >= 2) this.flushReversed();
      else this.later(() => this.flushReversed(), Math.max(REORDER_MIN_MS, REORDER_WINDOW_MS / this.speed));
      return;
    }
    this.schedule(event);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const controller of this.controllers) controller.abort();
    this.timers.clear();
  }

  private flushReversed(): void {
    if (this.held.length === 0) return;
    const events = this.held.reverse();
    this.held = [];
    for (const event of events) this.attempt(event, 1);
    if (this.faults.duplicateWebhooks) for (const event of events) this.attempt(event, 1);
  }

  private schedule(event: PendingEvent): void {
    const send = (): void => {
      this.attempt(event, 1);
      if (this.faults.duplicateWebhooks) this.attempt(event, 1);
    };
    if (this.faults.webhookDelayMs > 0) this.later(send, this.faults.webhookDelayMs);
    else send();
  }

  private later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) run();
    }, ms);
    this.timers.add(timer);
  }

  private attempt(event: PendingEvent, attempt: number): void {
    const url = this.url;
    if (this.closed || !url) return;
    const key = this.faults.badSignature ? 'not-the-webhook-secret' : (this.secret ?? '');
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(
      () => controller.abort(),
      Math.max(1000, (ANSWER_TIMEOUT_SECONDS * 1000) / this.speed),
    );
    void fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-percify-signature': signBody(key, event.body) },
      body: event.body,
      signal: controller.signal,
    })
      .then(async (response) => {
        await response.arrayBuffer().catch(() => undefined);
        return response.status;
      })
      .catch((error: unknown): 'timeout' | 'error' =>
        controller.signal.aborted && !this.closed ? 'timeout' : (this.logFailure(error), 'error'),
      )
      .then((status) => {
        clearTimeout(timeout);
        this.controllers.delete(controller);
        if (this.closed) return;
        this.deliveries.push({ eventId: event.eventId, type: event.type, status, attempt });
        const ok = typeof status === 'number' && status >= 200 && status < 300;
        if (!ok && attempt < MAX_ATTEMPTS) {
          this.later(() => this.attempt(event, attempt + 1), (1000 * 2 ** (attempt - 1)) / this.speed);
        }
      });
  }

  private logFailure(error: unknown): void {
    this.logger.debug({ err: error }, 'webhook delivery failed');
  }
}
