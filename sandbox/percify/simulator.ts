import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../src/logger.js';
import { ApiServer } from './api-server.js';
import { MediaStore } from './media/media-store.js';
import { SimState } from './sim-state.js';
import type { FaultSwitches, PercifySimulator, PercifySimulatorOptions } from './types.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

export function defaultFaults(): FaultSwitches {
  return {
    latencyMs: 0,
    serverErrorRate: 0,
    serverErrorBurst: 0,
    rateLimitBurst: 0,
    retryAfterSeconds: 1,
    hangBurst: 0,
    generationFailureRate: 0,
    failNextGenerations: 0,
    dropWebhooks: false,
    duplicateWebhooks: false,
    reorderWebhooks: false,
    webhookDelayMs: 0,
    badSignature: false,
    unreachable: false,
  };
}

/** Starts a Percify API simulator on a real HTTP port; see types.ts for the contract. */
export async function startPercifySimulator(
  options: PercifySimulatorOptions = {},
): Promise<PercifySimulator> {
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError('speed must be above 0');
  const mediaScale = options.mediaScale ?? 1;
  if (!(mediaScale > 0 && mediaScale <= 1)) throw new RangeError('mediaScale must be in (0, 1]');
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger();
  const faults = defaultFaults();
  const webhooks = new WebhookDispatcher({
    faults,
    speed,
    now,
    logger,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    maxAttempts: options.webhookMaxAttempts ?? 5,
  });
  webhooks.setTarget(options.webhookUrl, options.webhookSecret);
  const media = await MediaStore.create();
  const state = new SimState({
    plan: options.plan ?? 'pro',
    speed,
    mediaScale,
    now,
    initialCredits: options.initialCredits ?? 10_000,
    blockedWords: options.blockedWords ?? [],
    logger,
    faults,
    media,
    webhooks,
  });
  const api = new ApiServer({
    state,
    apiKey: options.apiKey,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 60,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    api.server.once('error', reject);
    api.server.listen(options.port ?? 0, host, () => {
      api.server.off('error', reject);
      resolve();
    });
  });
  const { port } = api.server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.origin = origin;
  logger.info({ origin, plan: state.plan, speed }, 'Percify simulator listening');

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    origin,
    faults,
    requests: api.requests,
    credits: () => state.credits.balance,
    setCredits: (n) => state.credits.setBalance(n),
    avatars: () => [...state.avatars.values()].map((avatar) => structuredClone(avatar)),
    videos: () => [...state.videos.values()].map((video) => structuredClone(video)),
    audios: () => [...state.audios.values()].map((audio) => structuredClone(audio)),
    inFlight: () => state.slots.inUse,
    webhookDeliveries: () => webhooks.deliveries(),
    setWebhook: (url, secret) => webhooks.setTarget(url, secret),
    close: () => {
      closing ??= (async () => {
        state.close();
        webhooks.close();
        api.releaseHeld();
        const closed = new Promise<void>((resolve) => api.server.close(() => resolve()));
        api.server.closeAllConnections();
        await closed;
        await media.destroy();
      })();
      return closing;
    },
  };
}
