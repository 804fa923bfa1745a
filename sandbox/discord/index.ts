import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../src/logger.js';
import { createEmulatorClock } from './clock.js';
import type { EmulatorCore, EmulatorSettings } from './core.js';
import { EmulatorDriver } from './driver.js';
import { Gateway } from './gateway.js';
import { createHttpDriverHandler } from './http-driver.js';
import { channelRoutes } from './rest/messages.js';
import { commandRoutes } from './rest/commands.js';
import { interactionCallbackRoutes } from './rest/interactions.js';
import { miscRoutes } from './rest/misc.js';
import { createApiHandler, sendJson } from './rest/router.js';
import { webhookRoutes } from './rest/webhooks.js';
import { EmulatorStore } from './store.js';
import type { EmulatorClock, EmulatorFaults, RestLogEntry } from './types.js';
import { loadBodyValidator } from './validation.js';

export type * from './types.js';
export { EmulatorDriver } from './driver.js';
export { InteractionHandle } from './interaction-handle.js';
export { createEmulatorClock } from './clock.js';
export { seedSandboxGuild, SANDBOX_GUILD } from './sandbox-seed.js';
export type { GuildSeed, ChannelSeed, MemberSeed, RoleSeed, OverwriteSeed, SeededGuild } from './seed.js';
export type {
  CommandInvocation,
  AutocompleteInvocation,
  ComponentInvocation,
  SelectInvocation,
  ModalSubmission,
  MessageQuery,
  CommandQuery,
} from './driver-types.js';
export { ClientRefusal } from './option-rules.js';
export type { FileInput, OptionValue } from './command-options.js';
export type { PermissionName, PermissionInput } from './permissions.js';

/**
 * A local Discord for tests and the sandbox: a gateway and REST API the real discord.js client connects to
 * with `new Client({ intents, rest: { api: emulator.apiUrl } })` and `client.login(emulator.botToken)`.
 * `emulator.driver` plays the users (commands, clicks, modals) and inspects what the bot did;
 * `emulator.faults` injects 429s, 5xx, dropped sockets; `emulator.clock.advance(ms)` crosses deadlines.
 * The same driver answers over HTTP under `${origin}/_emulator/` (see http-driver.ts for the JSON shapes).
 */
export interface DiscordEmulatorOptions {
  port?: number;
  host?: string;
  botToken?: string;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  /** Time the bot has for its first answer (Discord: 3000 ms). */
  ackDeadlineMs?: number;
  /** Lifetime of an interaction token (Discord: 15 min). */
  tokenLifetimeMs?: number;
  heartbeatIntervalMs?: number;
  clock?: EmulatorClock;
  logger?: Logger;
  /** Validate bodies against discord-api-spec's schemas (default true). Limits are always enforced. */
  validate?: boolean;
  /**
   * Answers requests outside /api, /attachments and /_emulator (e.g. the playground page), so a page can
   * be served from the emulator's own origin and call /_emulator without CORS. Return false for a 404.
   */
  serveOther?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}

export interface DiscordEmulator {
  /** `http://127.0.0.1:PORT/api`: give it to discord.js as `rest: { api }`. */
  apiUrl: string;
  origin: string;
  gatewayUrl: string;
  botToken: string;
  applicationId: string;
  botUserId: string;
  driver: EmulatorDriver;
  faults: EmulatorFaults;
  restLog: RestLogEntry[];
  clock: EmulatorClock;
  /** Counters of gateway sessions: how often a client identified and resumed. */
  gatewayStats(): { identifies: number; resumes: number };
  close(): Promise<void>;
}

const DEFAULT_APPLICATION_ID = '1100000000000000001';

export async function startDiscordEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  const clock = options.clock ?? createEmulatorClock();
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const settings: EmulatorSettings = {
    botToken: options.botToken ?? 'sandbox-token',
    applicationId,
    botUserId: options.botUserId ?? applicationId,
    botUsername: options.botUsername ?? 'Percify',
    ackDeadlineMs: options.ackDeadlineMs ?? 3000,
    tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60 * 1000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
  };
  const store = new EmulatorStore(clock, settings.botUserId);
  store.users.set(settings.botUserId, {
    id: settings.botUserId,
    username: settings.botUsername,
    globalName: null,
    bot: true,
  });
  // The gateway needs the core and the core talks to the gateway: the port reads it through this slot.
  const slot: { gateway?: Gateway } = {};
  const faults: EmulatorFaults = {
    rateLimit: { remaining429: 0, global: false, retryAfterMs: 100 },
    serverErrors: 0,
    oldMessageEdits30046: false,
    dropGateway: () => slot.gateway?.drop(),
    invalidateSession: () => slot.gateway?.invalidate(),
  };
  const core: EmulatorCore = {
    settings,
    store,
    clock,
    logger: options.logger ?? silentLogger(),
    validator: options.validate === false ? undefined : await loadBodyValidator(),
    faults,
    gateway: {
      dispatch: (event, data) => slot.gateway?.dispatch(event, data),
      get connected() {
        return slot.gateway?.connected ?? false;
      },
    },
    origin: '',
  };
  const gateway = new Gateway(core);
  slot.gateway = gateway;
  const driver = new EmulatorDriver(core, gateway);
  const api = createApiHandler(core, [
    ...miscRoutes,
    ...commandRoutes,
    ...interactionCallbackRoutes,
    ...webhookRoutes,
    ...channelRoutes,
  ]);
  const httpDriver = createHttpDriverHandler(core, driver);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', core.origin || 'http://127.0.0.1');
    const handled = url.pathname.startsWith('/api/')
      ? api(req, res, url)
      : url.pathname.startsWith('/attachments/')
        ? serveAttachment(core, req, res, url)
        : url.pathname.startsWith('/_emulator')
          ? httpDriver(req, res, url)
          : serveOther(options, req, res, url);
    handled.catch((error: unknown) => {
      core.logger.error({ err: error }, 'discord emulator request failed');
      if (!res.headersSent) sendJson(res, 500, { message: '500: Internal Server Error', code: 0 });
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').startsWith('/gateway')) gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  core.origin = `http://${host}:${address.port}`;
  core.logger.info({ origin: core.origin }, 'discord emulator listening');

  return {
    apiUrl: `${core.origin}/api`,
    origin: core.origin,
    gatewayUrl: gateway.url,
    botToken: settings.botToken,
    applicationId,
    botUserId: settings.botUserId,
    driver,
    faults,
    restLog: store.restLog,
    clock,
    gatewayStats: () => ({ identifies: gateway.identifyCount, resumes: gateway.resumeCount }),
    close: async () => {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveOther(
  options: DiscordEmulatorOptions,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const served = options.serveOther ? await options.serveOther(req, res, url) : false;
  if (!served && !res.headersSent) sendJson(res, 404, { message: '404: Not Found', code: 0 });
}

async function serveAttachment(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const [, , channelId, id] = url.pathname.split('/');
  const attachment = id ? core.store.attachments.get(id) : undefined;
  if (!attachment || attachment.channelId !== channelId) {
    sendJson(res, 404, { message: '404: Not Found', code: 0 });
    return;
  }
  res.writeHead(200, {
    'content-type': attachment.contentType,
    'content-length': String(attachment.size),
    'cache-control': 'public, max-age=31536000',
  });
  res.end(req.method === 'HEAD' ? undefined : attachment.bytes);
}
