import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import { redactSecrets } from './logger-redaction.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Pretty, coloured lines for a person at a terminal; JSON lines otherwise. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger({ level, pretty = false, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    // Secrets are censored by our own walk (see logger-redaction.ts), errors once pino made them plain.
    formatters: { log: redactSecrets, bindings: redactSecrets },
    serializers: { err: (error: unknown) => redactSecrets(pino.stdSerializers.err(error as Error)) },
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
