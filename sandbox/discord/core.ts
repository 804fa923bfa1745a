import type { Logger } from '../../src/logger.js';
import type { EmulatorStore } from './store.js';
import type { EmulatorClock, EmulatorFaults } from './types.js';
import type { BodyValidator } from './validation.js';

/** Settings fixed when the emulator starts. */
export interface EmulatorSettings {
  botToken: string;
  applicationId: string;
  botUserId: string;
  botUsername: string;
  ackDeadlineMs: number;
  tokenLifetimeMs: number;
  heartbeatIntervalMs: number;
}

/** Gateway side effects the REST routes and the driver need. */
export interface GatewayPort {
  dispatch(event: string, data: unknown): void;
  readonly connected: boolean;
}

/** The shared state every part of the emulator works on. */
export interface EmulatorCore {
  settings: EmulatorSettings;
  store: EmulatorStore;
  clock: EmulatorClock;
  logger: Logger;
  validator: BodyValidator | undefined;
  faults: EmulatorFaults;
  gateway: GatewayPort;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  origin: string;
}
