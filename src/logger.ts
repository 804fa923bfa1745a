import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object: tokens, keys and secrets, plus the
 * headers that carry them. Interaction tokens are secrets too: anyone holding one can edit the reply.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'interactionToken',
  '*.interactionToken',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'webhookSecret',
  '*.webhookSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'PERCIFY_API_KEY',
  '*.PERCIFY_API_KEY',
  'PERCIFY_WEBHOOK_SECRET',
  '*.PERCIFY_WEBHOOK_SECRET',
];

export interface LoggerOptions {
  level: string;
  /** Pretty, coloured lines for a person at a terminal; JSON lines otherwise. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger({ level, pretty = false, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: undefined,
  };
  if (destination) return pino(options, destination);
  if (pretty && prettyPrinterInstalled()) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } } });
  }
  return pino(options);
}

/**
 * pino-pretty is a development dependency: after `npm ci --omit=dev` a terminal gets JSON lines instead
 * of a crash (pino throws when its transport target cannot be found).
 */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** A logger that writes nothing, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
