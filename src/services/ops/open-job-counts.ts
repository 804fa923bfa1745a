import type { JobCount } from '../metrics.js';
import type { JobStore } from '../jobs/job-store.js';

/**
 * The `percify_bot_jobs` gauge's source: unfinished jobs by kind and state, read from the job store
 * at scrape time (the store is the truth after a restart, not a running tally). Finished jobs are
 * counted by `percify_bot_jobs_finished_total` instead, since they are never deleted.
 */
export function openJobCounts(jobs: Pick<JobStore, 'openIds' | 'get'>): () => Promise<JobCount[]> {
  return async () => {
    const counts = new Map<string, JobCount>();
    for (const id of await jobs.openIds()) {
      const job = await jobs.get(id);
      if (!job) continue;
      const key = `${job.kind}:${job.state}`;
      const count = counts.get(key) ?? { kind: job.kind, state: job.state, count: 0 };
      count.count++;
      counts.set(key, count);
    }
    return [...counts.values()];
  };
}
