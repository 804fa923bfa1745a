import type { Client } from 'discord.js';
import type { Store } from '../store.js';
import type { HealthCheck, HealthReport } from '../webhooks/index.js';
import type { PercifyReachability } from './percify-reachability.js';

export interface ReadinessOptions {
  store: Pick<Store, 'ping'>;
  client: Pick<Client, 'isReady'>;
  reachability: PercifyReachability;
  /** Asks Percify something cheap; used when no request has been made for `staleAfterMs`. */
  probePercify: () => Promise<unknown>;
  now?: () => number;
  /** How old the last contact with Percify may be before /readyz asks again (default 60 s). */
  staleAfterMs?: number;
}

const DEFAULT_STALE_AFTER_MS = 60_000;

/**
 * /readyz: the store answers, the gateway is connected and Percify was reachable at the last contact.
 * Percify is asked directly only when nothing has talked to it for a minute, so a probe every few
 * seconds costs at most one request a minute from the plan's rate limit.
 */
export function readinessProbe(options: ReadinessOptions): () => Promise<HealthReport> {
  const now = options.now ?? Date.now;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  let probing: Promise<unknown> | undefined;

  const percifyCheck = async (): Promise<HealthCheck> => {
    const { lastContactAt } = options.reachability.state();
    if (lastContactAt === undefined || now() - lastContactAt > staleAfterMs) {
      // Concurrent probes share one request; its outcome reaches the tracker through onRequest.
      probing ??= options.probePercify().finally(() => (probing = undefined));
      await probing.catch(() => undefined);
    }
    return options.reachability.state().reachable
      ? { ok: true }
      : { ok: false, detail: 'Percify unreachable' };
  };

  return async () => {
    const [store, percify] = await Promise.all([
      options.store.ping().then(
        (): HealthCheck => ({ ok: true }),
        (): HealthCheck => ({ ok: false, detail: 'store unreachable' }),
      ),
      percifyCheck(),
    ]);
    const gateway: HealthCheck = options.client.isReady()
      ? { ok: true }
      : { ok: false, detail: 'gateway not connected' };
    return { ok: store.ok && gateway.ok && percify.ok, checks: { store, gateway, percify } };
  };
}
