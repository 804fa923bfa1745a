import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../../src/logger.js';
import { Account } from './account.js';
import { defaultFaults, type FaultSwitches } from './faults.js';
import { isoSeconds } from './ids.js';
import { JobScheduler, PLAN_SLOTS, type Plan } from './jobs.js';
import { MediaStore } from './media-store.js';
import { accountRoutes } from './routes-account.js';
import { audioRoutes } from './routes-audio.js';
import { avatarRoutes } from './routes-avatars.js';
import { percifyYourselfRoutes } from './routes-percify-yourself.js';
import { videoRoutes } from './routes-videos.js';
import { voiceRoutes } from './routes-voices.js';
import { createSimServer, type RequestRecord } from './server.js';
import type { SimAudio, SimAvatar, SimContext, SimVideo, SimVoice } from './types.js';
import { seedVoice } from './voices.js';
import { WebhookSender, type WebhookDelivery } from './webhooks.js';

export type { FaultSwitches } from './faults.js';
export type { SimAudio, SimAvatar, SimVideo, SimVoice } from './types.js';
export type { RequestRecord } from './server.js';
export type { WebhookDelivery } from './webhooks.js';
export { signBody } from './webhooks.js';

export interface PercifySimulatorOptions {
  port?: number;
  host?: string;
  plan?: Plan;
  apiKey?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** 1 = documented processing times; tests use ~1000+. */
  speed?: number;
  initialCredits?: number;
  rateLimitPerMinute?: number;
  blockedWords?: string[];
  now?: () => number;
  logger?: Logger;
  /**
   * Shrinks rendered pixels, avatar images and video frames alike (e.g. 0.25), so tests encode
   * quickly; the JSON keeps the documented sizes. Default 1.
   */
  mediaScale?: number;
}

export interface PercifySimulator {
  readonly url: string;
  readonly origin: string;
  readonly faults: FaultSwitches;
  readonly requests: ReadonlyArray<RequestRecord>;
  credits(): number;
  setCredits(n: number): void;
  avatars(): ReadonlyArray<SimAvatar>;
  videos(): ReadonlyArray<SimVideo>;
  audios(): ReadonlyArray<SimAudio>;
  /** Cloned voices (the seeded `voice_sandbox01` included); presets are not listed here. */
  voices(): ReadonlyArray<SimVoice>;
  inFlight(): number;
  webhookDeliveries(): ReadonlyArray<WebhookDelivery>;
  setWebhook(url: string | undefined, secret?: string): void;
  close(): Promise<void>;
}

export async function startPercifySimulator(
  options: PercifySimulatorOptions = {},
): Promise<PercifySimulator> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger();
  const plan = options.plan ?? 'pro';
  const speed = options.speed ?? 1;
  const faults = defaultFaults();
  const onError = (error: unknown): void => logger.error({ err: error }, 'percify simulator error');
  const webhooks = new WebhookSender(faults, speed, now, logger);
  webhooks.url = options.webhookUrl;
  webhooks.secret = options.webhookSecret;
  const context: SimContext = {
    plan,
    speed,
    mediaScale: options.mediaScale ?? 1,
    blockedWords: options.blockedWords ?? [],
    now,
    logger,
    account: new Account(options.initialCredits ?? 10_000, now, () => faults.extraDebitCredits),
    scheduler: new JobScheduler(PLAN_SLOTS[plan], onError),
    faults,
    media: new MediaStore(),
    webhooks,
    avatars: new Map(),
    videos: new Map(),
    audios: new Map(),
    voices: new Map(),
    origin: '',
    videosPerDay: new Map(),
  };
  const seeded = seedVoice(isoSeconds(now()));
  context.voices.set(seeded.id, seeded);
  const requests: RequestRecord[] = [];
  const server = createSimServer({
    routes: [
      ...avatarRoutes(context),
      ...percifyYourselfRoutes(context),
      ...videoRoutes(context),
      ...audioRoutes(context),
      ...voiceRoutes(context),
      ...accountRoutes(context),
    ],
    faults,
    media: context.media,
    apiKey: options.apiKey,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 60,
    speed,
    now,
    requests,
    onError,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  context.origin = origin;
  let closed: Promise<void> | undefined;

  return {
    url: `${origin}/v1`,
    origin,
    faults,
    requests,
    credits: () => context.account.credits,
    setCredits: (n) => {
      context.account.credits = n;
    },
    avatars: () => [...context.avatars.values()],
    videos: () => [...context.videos.values()],
    audios: () => [...context.audios.values()],
    voices: () => [...context.voices.values()],
    inFlight: () => context.scheduler.inFlight(),
    webhookDeliveries: () => [...webhooks.deliveries],
    setWebhook: (url, secret) => {
      webhooks.url = url;
      webhooks.secret = secret;
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        context.scheduler.close();
        webhooks.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
