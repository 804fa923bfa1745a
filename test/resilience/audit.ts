import type { EmulatedMessage } from '../../sandbox/discord/index.js';
import type { LedgerEntry } from '../../src/services/credits/index.js';
import type { JobRecord } from '../../src/services/jobs/job-record.js';
import type { World } from './world.js';
import { componentIds, heading, visibleText } from '../support/messages.js';

/**
 * What a member could have lost, read after the last bot process stopped: the ledger (through a
 * Ledger over the bot's own SQLite file), the job records, and every message the emulator holds.
 * Each problem is one readable line, so a failing run says exactly which job went wrong and how.
 */

export interface AuditReport {
  problems: string[];
  jobs: number;
  delivered: number;
  refunded: number;
  /** Result messages per job id, from the custom ids on their buttons. */
  resultsByJob: Map<string, EmulatedMessage[]>;
}

const WORKING = /Rendering|Waiting for a free slot|Starting…|Creating|Animating|Adding a voice/;
const JOB_IN_CUSTOM_ID = /^v1:[a-z]+:(j[0-9a-z]+)(?::|$)/;

/** The job ids a result's buttons name, wherever the buttons sit (rows, V2 containers, sections). */
function jobIdsOf(message: EmulatedMessage): string[] {
  const ids = new Set<string>();
  for (const customId of Object.values(componentIds(message))) {
    const match = JOB_IN_CUSTOM_ID.exec(customId);
    if (match?.[1]) ids.add(match[1]);
  }
  return [...ids];
}

const isResult = (m: EmulatedMessage) => heading(m).startsWith('✅');
const isFailure = (m: EmulatedMessage) => heading(m).startsWith('❌');

export async function auditRun(world: World): Promise<AuditReport> {
  const { driver } = world.emulator;
  const messages = driver.messages('studio');
  const botMessages = messages.filter((m) => m.authorId === world.emulator.botUserId);
  const problems: string[] = [];

  const resultsByJob = new Map<string, EmulatedMessage[]>();
  for (const message of botMessages.filter(isResult)) {
    for (const jobId of jobIdsOf(message))
      resultsByJob.set(jobId, [...(resultsByJob.get(jobId) ?? []), message]);
  }
  for (const message of botMessages) {
    if (message.loading) problems.push(`message ${message.id} is still "thinking…"`);
    const text = `${heading(message)}\n${visibleText(message)}`;
    if (!isResult(message) && !isFailure(message) && WORKING.test(text)) {
      // A result that a late progress edit overwrote is the worst case: say so.
      const shownBefore = message.history.some((r) => heading(r).startsWith('✅'));
      if (shownBefore && process.env.AUDIT_DEBUG)
        process.stderr.write(
          `HISTORY ${message.id} ${JSON.stringify(message.history.map((r) => [r.at, heading(r), visibleText(r)?.split('\n').pop()]))}\n`,
        );
      problems.push(
        `message ${message.id} was left saying "${text.split('\n').pop()?.slice(0, 60)}"${shownBefore ? ' after it had shown the result' : ''}`,
      );
    }
  }

  const { entries, open, records, openIds } = await world.withStore(async ({ ledger, jobs, store }) => {
    const recordIds = (await store.keys('v1:job:')).map((key) => key.slice('v1:job:'.length));
    const records = new Map<string, JobRecord>();
    for (const id of recordIds) {
      const record = await jobs.get(id);
      if (record) records.set(id, record);
    }
    return {
      entries: await ledger.entries(world.guild.id),
      open: await ledger.openReservations(),
      records,
      openIds: await jobs.openIds(),
    };
  });
  for (const id of openIds) {
    if (!records.has(id)) problems.push(`job ${id}: left in the open index without a record`);
  }
  for (const hold of open) problems.push(`job ${hold.jobId}: ${hold.amount} credits still held`);

  const byJob = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    if (!entry.jobId) continue;
    byJob.set(entry.jobId, [...(byJob.get(entry.jobId) ?? []), entry]);
  }
  let delivered = 0;
  let refunded = 0;
  for (const [jobId, jobEntries] of byJob) {
    const count = (kind: LedgerEntry['kind']) => jobEntries.filter((e) => e.kind === kind).length;
    const [reserves, captures, releases] = [count('reserve'), count('capture'), count('release')];
    const record = records.get(jobId);
    const results = resultsByJob.get(jobId) ?? [];
    if (reserves !== 1) problems.push(`job ${jobId}: ${reserves} reservations`);
    if (captures + releases !== 1)
      problems.push(`job ${jobId}: settled ${captures} times by capture and ${releases} by release`);
    if (captures === 1) {
      delivered++;
      if (record?.state !== 'done') problems.push(`job ${jobId}: charged but its record is ${record?.state}`);
      if (results.length !== 1) {
        const reply = record?.replyMessageId ? driver.message(record.replyMessageId) : undefined;
        const shows = reply ? `its reply ${reply.id} shows "${heading(reply) ?? reply.content}"` : 'no reply';
        problems.push(
          `job ${jobId}: charged, with ${results.length} result messages in the channel (delivered via ${record?.deliveredVia}; ${shows})`,
        );
      }
      for (const result of results) {
        if (result.ephemeral && result.ephemeralOwnerId !== record?.ownerId)
          problems.push(`job ${jobId}: its result is visible only to someone else`);
      }
    }
    if (releases === 1 && captures === 0) {
      refunded++;
      if (record && record.state !== 'failed')
        problems.push(`job ${jobId}: refunded but its record is ${record.state}`);
      if (results.length > 0) problems.push(`job ${jobId}: refunded, yet its result was posted`);
    }
  }
  for (const [jobId, record] of records) {
    if (!byJob.has(jobId)) problems.push(`job ${jobId}: a record (${record.state}) without any ledger entry`);
    if (record.state !== 'done' && record.state !== 'failed')
      problems.push(`job ${jobId}: left ${record.state} after the last stop`);
  }
  for (const jobId of resultsByJob.keys()) {
    if (!byJob.has(jobId)) problems.push(`job ${jobId}: a result message for a job never reserved`);
  }
  return { problems, jobs: byJob.size, delivered, refunded, resultsByJob };
}
