import { expect, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import type { JobRecord } from '../../src/services/jobs/job-record.js';
import type { BotHarness } from './bot-harness.js';

/** The job id in a job reply's footer ("Job j…"). */
export const jobIdOf = (message: EmulatedMessage): string =>
  /Job (j\w+)/.exec(message.embeds[0]?.footer?.text ?? '')?.[1] ?? '';

/** Runs a flux /avatar in #studio and waits until its job is final (delivered and charged, or refunded). */
export async function avatarToTheEnd(
  h: BotHarness,
  user: string,
  prompt: string,
  variations = 1,
): Promise<{ reply: EmulatedMessage; job: JobRecord }> {
  const reply = await h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options: { prompt, model: 'flux', variations } })
    .reply();
  const jobId = jobIdOf(reply);
  expect(jobId).not.toBe('');
  const job = await vi.waitFor(
    async () => {
      const current = await h.app.context.jobs.get(jobId);
      expect(['done', 'failed']).toContain(current?.state);
      return current!;
    },
    { timeout: 20_000, interval: 50 },
  );
  return { reply, job };
}

/** `/quota alerts` as the owner (ada): alerts go to `channel`, or stop when it is left out. */
export function chooseAlertChannel(h: BotHarness, channel?: string): Promise<EmulatedMessage> {
  const options: Record<string, string> = channel ? { channel: h.emulator.driver.channelId(channel) } : {};
  return h.emulator.driver
    .runCommand({ user: 'ada', channel: 'studio', name: 'quota alerts', options })
    .reply();
}
