import { describe, expect, it } from 'vitest';
import { runTs } from '../../sandbox/processes.js';
import { CRASH_EXIT_CODE } from '../../src/crash-guard.js';

// A failure nobody caught ends the process, loudly and non-zero, so a supervisor restarts it; a
// real child process, since only one can show how the process ends.

const child = `${process.cwd()}/test/resilience/crash-guard-child.ts`;

function fatalLines(
  stdout: string,
): Array<{ level: number; kind: string; msg: string; err?: { message: string } }> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map(
      (line) => JSON.parse(line) as { level: number; kind: string; msg: string; err?: { message: string } },
    )
    .filter((entry) => entry.level === 60);
}

describe('the crash guard', () => {
  it('logs an unhandled rejection with its error and ends the process non-zero', async () => {
    const result = await runTs(child, { CRASH_KIND: 'rejection' });
    expect(result.code).toBe(CRASH_EXIT_CODE);
    const [line] = fatalLines(result.stdout);
    expect(line).toMatchObject({
      kind: 'unhandledRejection',
      msg: 'unhandledRejection: ending so that a supervisor restarts the bot',
      err: { message: 'store blip in a background task' },
    });
  });

  it('does the same for an exception thrown where nothing catches it', async () => {
    const result = await runTs(child, { CRASH_KIND: 'exception' });
    expect(result.code).toBe(CRASH_EXIT_CODE);
    expect(fatalLines(result.stdout)[0]).toMatchObject({
      kind: 'uncaughtException',
      err: { message: 'a timer callback threw' },
    });
  });
});
