import { ConfigError, loadConfig } from './config.js';
import { installCrashGuard } from './crash-guard.js';
import { createLogger } from './logger.js';
import { describeMode, selectMode, startInMode } from './sandbox-mode.js';

/**
 * The composition root's entry: read the configuration, pick the mode from what is configured (sandbox,
 * simulated Percify, production), start it, stop cleanly on a signal.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const mode = selectMode(config);
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  installCrashGuard(logger);
  // Plain lines on stdout, before any log: the first things a person reads after `npm start`.
  if (mode !== 'sandbox') {
    console.log(describeMode(mode));
    logger.info({ mode }, describeMode(mode));
  }

  // Signals are handled from the start, so Ctrl-C while starting also stops what already runs.
  const running = startInMode(mode, {
    config,
    logger,
    env: process.env,
    onSandboxUrl: (url) => {
      console.log(`Playground: ${url}  (open it in a browser; Ctrl-C stops everything)`);
      console.log(describeMode(mode));
      logger.info({ mode, url }, describeMode(mode));
    },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const deadline = setTimeout(() => {
      logger.error('did not stop within 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    deadline.unref();
    running
      .then((started) => started.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await running;
  if (mode === 'sandbox') logger.info('sandbox ready: the bot is connected to the local Discord');
}

main().catch((error: unknown) => {
  console.error('The bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
