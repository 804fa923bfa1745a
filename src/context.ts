import type { Config } from './config.js';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';

/**
 * The services a command or event handler may use, built once in `src/index.ts` (or by a test with
 * the sandbox's stand-ins) and handed in explicitly: no module-level singletons.
 */
export interface BotContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  /** The clock, injectable so tests can move time (day roll-over, token expiry). */
  readonly now: () => number;
}
