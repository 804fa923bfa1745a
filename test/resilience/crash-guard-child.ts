import { installCrashGuard } from '../../src/crash-guard.js';
import { createLogger } from '../../src/logger.js';

// A stand-in for the bot's process: the production entry's logger and crash guard, then a background
// failure nobody catches. The interval keeps it alive, as the bot's connections would.

const logger = createLogger({ level: 'info' });
installCrashGuard(logger);
setInterval(() => undefined, 1_000);

const failure = process.env.CRASH_KIND;
if (failure === 'rejection') {
  void Promise.reject(new Error('store blip in a background task'));
} else if (failure === 'exception') {
  setTimeout(() => {
    throw new Error('a timer callback threw');
  }, 10);
}
