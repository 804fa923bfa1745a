import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';

export interface SharedWebhookRoutingOptions {
  /** The Redis the processes share their job line on (QUEUE_URL). */
  url: string;
  /** Told about every resource a webhook named, whichever process received it (this one included). */
  onNudge: (resourceId: string) => void;
  logger: Logger;
  /** How long an accepted event is remembered across processes (Percify retries within minutes). */
  dedupeTtlMs?: number;
}

/**
 * Webhooks with several bot processes: Percify's event reaches whichever process the load balancer
 * picks, while the job it names runs in another (the one holding its slot). Each event's resource id
 * is published on Redis, every process hears it, and the one that runs the job (the only one whose
 * runner knows the resource: it read the job's record when it took the slot) looks at it now. Pub/sub
 * is enough because a nudge is only a hint: a lost one leaves the job to its next planned poll.
 *
 * Duplicates are caught across processes with one SET NX per event key, so Percify's retry to another
 * process is not acted on twice.
 */
export class SharedWebhookRouting {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #channel: string;
  readonly #ttlMs: number;

  constructor(options: SharedWebhookRoutingOptions) {
    this.#publisher = new Redis(options.url, { maxRetriesPerRequest: 3 });
    this.#subscriber = new Redis(options.url);
    // Channels are not per database: the database number keeps two deployments on one server apart.
    this.#channel = `percify:nudges:${new URL(options.url).pathname.replace(/^\//, '') || '0'}`;
    this.#ttlMs = options.dedupeTtlMs ?? 60 * 60_000;
    for (const connection of [this.#publisher, this.#subscriber])
      connection.on('error', (error) => options.logger.warn({ err: error }, 'webhook routing: Redis error'));
    this.#subscriber.on('message', (channel: string, resourceId: string) => {
      if (channel === this.#channel) options.onNudge(resourceId);
    });
  }

  async start(): Promise<void> {
    await this.#subscriber.subscribe(this.#channel);
  }

  /** Tells every process (this one too) that Percify named this resource. */
  async nudge(resourceId: string): Promise<void> {
    await this.#publisher.publish(this.#channel, resourceId);
  }

  /** True when some process accepted this event key already; records it otherwise. */
  async seenElsewhere(key: string): Promise<boolean> {
    const set = await this.#publisher.set(`percify:webhook-seen:${key}`, '1', 'PX', this.#ttlMs, 'NX');
    return set === null;
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.#subscriber, this.#publisher].map((connection) => connection.quit().catch(() => undefined)),
    );
  }
}
