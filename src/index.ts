import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

/** The composition root's entry: read the configuration, start the bot, stop cleanly on a signal. */
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

  if (!config.DISCORD_TOKEN) {
    console.error(
      'DISCORD_TOKEN is not set: put your bot token in .env (see .env.example) to connect to Discord.',
    );
    process.exit(78);
  }

  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  const app = await startApp({ config, logger });

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
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('The bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
