import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from '../../src/logger.js';
import { isoSeconds, newId } from './ids.js';
import type { FaultSwitches, SimWebhookDelivery } from './types.js';

/**
 * Signed webhook delivery as the webhooks guide describes it: envelope `{ type, id, created, data }`
 * sent as compact JSON, `X-Percify-Signature` = lowercase hex HMAC-SHA256(secret, exact body bytes),
 * retried with exponential backoff when the answer is not 2xx or takes longer than the timeout.
 */

export interface WebhookDispatcherOptions {
  faults: FaultSwitches;
  speed: number;
  now: () => number;
  logger: Logger;
  timeoutMs: number;
  maxAttempts: number;
}

interface OutgoingEvent {
  id: string;
  type: string;
  body: string;
}

/** Backoff before attempt n+1 is 1 s, 2 s, 4 s … (documented only as "exponential"), scaled by speed. */
const BACKOFF_BASE_MS = 1000;
/** Reordered events wait this long (scaled, at least 250 ms) for a partner before going out anyway. */
const REORDER_WINDOW_MS = 10_000;

export class WebhookDispatcher {
  private url: string | undefined;
  private secret: string | undefined;
  private readonly log: SimWebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly held: OutgoingEvent[] = [];
  private heldTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  setTarget(url: string | undefined, secret: string | undefined): void {
    this.url = url;
    this.secret = secret;
  }

  deliveries(): ReadonlyArray<SimWebhookDelivery> {
    return this.log.map((entry) => ({ ...entry }));
  }

  emit(type: string, data: Record<string, unknown>): void {
    if (this.closed || this.url === undefined) return;
    const id = newId('evt');
    if (this.options.faults.dropWebhooks) {
      this.options.logger.debug({ eventId: id, type }, 'webhook dropped by fault switch');
      return;
    }
    const body = JSON.stringify({ type, id, created: isoSeconds(this.options.now()), data });
    const event: OutgoingEvent = { id, type, body };
    if (this.options.faults.reorderWebhooks) this.hold(event);
    else this.dispatch(event);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.heldTimer) clearTimeout(this.heldTimer);
  }

  /** Holds events and releases them newest first: as soon as two are held, or when the window ends. */
  private hold(event: OutgoingEvent): void {
    this.held.push(event);
    if (this.held.length >= 2) {
      this.flushHeld();
      return;
    }
    const window = Math.max(250, REORDER_WINDOW_MS / this.options.speed);
    this.heldTimer = setTimeout(() => this.flushHeld(), window);
  }

  private flushHeld(): void {
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    const events = this.held.splice(0).reverse();
    for (const event of events) this.dispatch(event);
  }

  private dispatch(event: OutgoingEvent): void {
    const copies = this.options.faults.duplicateWebhooks ? 2 : 1;
    for (let i = 0; i < copies; i++)
      this.later(this.options.faults.webhookDelayMs, () => this.attempt(event, 1));
  }

  private later(ms: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) run();
    }, ms);
    this.timers.add(timer);
  }

  private attempt(event: OutgoingEvent, attempt: number): void {
    const url = this.url;
    if (url === undefined) return;
    const key = this.options.faults.badSignature ? `wrong-${this.secret ?? ''}` : this.secret;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(event.body)),
      'User-Agent': 'Percify-Webhooks/1.0 (simulator)',
    };
    if (key !== undefined)
      headers['X-Percify-Signature'] = createHmac('sha256', key).update(event.body).digest('hex');
    void post(url, event.body, headers, this.options.timeoutMs).then((status) => {
      if (this.closed) return;
      this.log.push({ eventId: event.id, type: event.type, status, attempt });
      const delivered = typeof status === 'number' && status >= 200 && status < 300;
      this.options.logger.debug({ eventId: event.id, type: event.type, status, attempt }, 'webhook attempt');
      if (delivered || attempt >= this.options.maxAttempts) return;
      const backoff = (BACKOFF_BASE_MS * 2 ** (attempt - 1)) / this.options.speed;
      this.later(backoff, () => this.attempt(event, attempt + 1));
    });
  }
}

/** One POST; resolves with the status, 'timeout' or 'error', never rejects. */
function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number | 'timeout' | 'error'> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: number | 'timeout' | 'error') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve('error');
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target, { method: 'POST', headers, agent: false }, (response) => {
      // The receiver has answered once the whole reply is in, so a slow body still counts as slow.
      response.resume();
      response.on('end', () => finish(response.statusCode ?? 0));
      response.on('error', () => finish('error'));
    });
    const timer = setTimeout(() => {
      finish('timeout');
      request.destroy();
    }, timeoutMs);
    request.on('error', () => finish('error'));
    request.end(body);
  });
}
