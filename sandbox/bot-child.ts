import pino from 'pino';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger, silentLogger } from '../src/logger.js';

/**
 * The real bot as a child process for the crash and shutdown tests and the benchmark: configured only through the
 * environment (like src/index.ts), plus the sandbox's speed-up knobs so jobs take moments, not
 * minutes. Prints `ready <webhook url>` once startApp has resumed every unfinished job, and stops on SIGTERM the
 * way the production entry does (exit 0 after stop(), 1 past 10 s).
 *
 * Extra variables: CHILD_PERCIFY_SPEED (the simulator's speed), CHILD_LOG (a pino level for the
 * bot's log on stderr; silent by default), CHILD_MEMORY_MS (print `memory <rss> <heapUsed>` this often).
 */
async function run(): Promise<void> {
  const config = parseConfig(process.env);
  const speed = Number(process.env.CHILD_PERCIFY_SPEED ?? '1');
  const logger = process.env.CHILD_LOG
    ? createLogger({ level: process.env.CHILD_LOG, destination: pino.destination({ dest: 2, sync: true }) })
    : silentLogger();
  const app = await startApp({
    config,
    logger,
    percifySpeed: speed,
    progressIntervalMs: 50,
    retryDelayMs: () => 100,
  });
  // The webhook listener's address (port 0 picks one) goes to the test, which points Percify at it.
  process.stdout.write(`ready ${app.webhookUrl ?? ''}\n`);
  // The benchmark reads the bot's own heap from these lines (RSS it reads from /proc).
  const memoryEveryMs = Number(process.env.CHILD_MEMORY_MS ?? '0');
  if (memoryEveryMs > 0) {
    setInterval(() => {
      const { rss, heapUsed } = process.memoryUsage();
      process.stdout.write(`memory ${rss} ${heapUsed}\n`);
    }, memoryEveryMs).unref();
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

run().catch((error: unknown) => {
  process.stderr.write(`child could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
