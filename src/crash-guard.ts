import type { Logger } from './logger.js';

/**
 * The last line of defence. A promise nobody caught, or an exception nobody handled, leaves the
 * bot in a state nobody planned for: the one safe move is to say what happened and end, non-zero, so
 * the supervisor (systemd, a container runtime) starts a fresh process. Restart safety then resumes
 * every unfinished job and settles every hold, so ending loses nothing.
 */

/** EX_SOFTWARE: an internal error, told apart from a configuration mistake (78). */
export const CRASH_EXIT_CODE = 70;

/** How long the log may take to reach its destination before the process ends anyway. */
const FLUSH_GRACE_MS = 1_000;

export function installCrashGuard(
  logger: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
) {
  let ending = false;
  const end = (kind: 'unhandledRejection' | 'uncaughtException', error: unknown) => {
    // A second failure while ending is logged too, but the first one decides the exit.
    logger.fatal(
      { err: error, kind, pid: process.pid },
      `${kind}: ending so that a supervisor restarts the bot`,
    );
    if (ending) return;
    ending = true;
    // Should the process wind down on its own before the timer, it still ends non-zero.
    process.exitCode = CRASH_EXIT_CODE;
    const timer = setTimeout(() => exit(CRASH_EXIT_CODE), FLUSH_GRACE_MS);
    logger.flush(() => {
      clearTimeout(timer);
      exit(CRASH_EXIT_CODE);
    });
  };
  process.on('unhandledRejection', (reason) => end('unhandledRejection', reason));
  process.on('uncaughtException', (error) => end('uncaughtException', error));
}
