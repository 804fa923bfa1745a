import { expect, vi } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import type { JobRecord } from '../../src/services/jobs/job-record.js';
import type { BotHarness } from './bot-harness.js';
import { visibleText } from './messages.js';

/**
 * The job id a job reply shows in its small print ("Job j…", "ジョブ j…": in the reply's language),
 * recognised by its own shape: `j`, the time in base 36, ten hex digits (newJobId).
 */
export const jobIdOf = (message: EmulatedMessage): string =>
  /(?<!\w)(j[0-9a-z]{7,9}[0-9a-f]{10})(?!\w)/.exec(visibleText(message))?.[1] ?? '';

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
  return { reply, job: await finalJob(h, jobId) };
}

/** Waits until the job is final (delivered and charged, or refunded) and returns its record. */
export function finalJob(h: BotHarness, jobId: string, timeout = 20_000): Promise<JobRecord> {
  return vi.waitFor(
    async () => {
      const current = await h.app.context.jobs.get(jobId);
      expect(['done', 'failed']).toContain(current?.state);
      return current!;
    },
    { timeout, interval: 50 },
  );
}

/**
 * Gives `user` a finished flux avatar to animate, and waits until /animate can find it (the history
 * is written just after the member sees the result). Returns its Percify id and the result message.
 */
export async function finishedAvatar(
  h: BotHarness,
  user: string,
  prompt: string,
  seed: number,
): Promise<{ id: string; message: EmulatedMessage }> {
  const reply = await h.emulator.driver
    .runCommand({ user, channel: 'studio', name: 'avatar', options: { prompt, seed } })
    .reply();
  const message = await h.emulator.driver.waitForEdit(reply.id, (m) => m.attachments.length === 1, 20_000);
  const id = h.percify.avatars().find((a) => a.prompt === prompt)!.id;
  await vi.waitFor(async () =>
    expect(
      await h.app.context.history.search(h.guild.id, h.emulator.driver.userId(user), id, 1),
    ).toHaveLength(1),
  );
  return { id, message };
}

/** `/quota alerts` as the owner (ada): alerts go to `channel`, or stop when it is left out. */
export function chooseAlertChannel(h: BotHarness, channel?: string): Promise<EmulatedMessage> {
  const options: Record<string, string> = channel ? { channel: h.emulator.driver.channelId(channel) } : {};
  return h.emulator.driver
    .runCommand({ user: 'ada', channel: 'studio', name: 'quota alerts', options })
    .reply();
}
