import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { heading, visibleText } from '../support/messages.js';

// A whole community at once on a one-slot plan: a long line of waiting jobs whose places change
// every time one finishes. Every member must end up looking at their result — never at a stale
// "Waiting for a free slot" or "Rendering…" edit that arrived after it.

const MEMBERS = ['dan', 'eve', 'finn', 'gus', 'hal', 'ivy'];
const JOBS = 36;

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ plan: 'free', speed: 100, members: MEMBERS.map((username) => ({ username })) });
  const admin = h.emulator.driver.userId('ada');
  await h.app.context.settings.update(
    h.guild.id,
    admin,
    (s) => ({ ...s, allowancePerDay: 10_000, limits: { ...s.limits, concurrentJobs: 20 } }),
    'backlog test',
  );
}, 60_000);
afterAll(async () => {
  await h?.close();
});

/** The revisions a message went through after it first showed a result. */
function editsAfterResult(message: EmulatedMessage): string[] {
  const first = message.history.findIndex((r) => heading(r).startsWith('✅'));
  if (first < 0) return [];
  return message.history.slice(first + 1).map((r) => visibleText(r)?.split('\n').pop() ?? '');
}

describe('a long line of waiting jobs', () => {
  it('leaves every reply showing its result, with no progress edit landing after it', async () => {
    const replies = await Promise.all(
      Array.from({ length: JOBS }, (_, n) =>
        h.emulator.driver
          .runCommand({
            user: MEMBERS[n % MEMBERS.length]!,
            channel: 'studio',
            name: 'avatar',
            options: { prompt: `line job ${n}`, model: 'flux', variations: 1 },
          })
          .reply(10_000),
      ),
    );
    const finals = await Promise.all(
      replies.map((reply) =>
        h.emulator.driver.waitForEdit(reply.id, (m) => /^(✅|❌)/.test(heading(m)), 90_000),
      ),
    );
    expect(finals.filter((m) => !heading(m).startsWith('✅'))).toEqual([]);
    // Give late edits time to land, then look at what members see now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const now = replies.map((reply) => h.emulator.driver.message(reply.id)!);
    const overwritten = now
      .map((m) => ({ id: m.id, shows: heading(m), after: editsAfterResult(m) }))
      .filter((m) => m.after.length > 0 || !m.shows?.startsWith('✅'));
    expect(overwritten).toEqual([]);
  }, 120_000);
});
