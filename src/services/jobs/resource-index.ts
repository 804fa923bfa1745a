import type { JobRecord } from './job-record.js';

/**
 * Which open job a Percify resource (avatar, video, audio) belongs to, so a webhook naming the
 * resource wakes the right job. Only open jobs are indexed: a finished job's resources are dropped.
 */
export class ResourceIndex {
  readonly #jobByResource = new Map<string, string>();

  add(job: Pick<JobRecord, 'id' | 'percifyIds'>): void {
    for (const resource of job.percifyIds) this.#jobByResource.set(resource, job.id);
  }

  remove(job: Pick<JobRecord, 'percifyIds'>): void {
    for (const resource of job.percifyIds) this.#jobByResource.delete(resource);
  }

  jobFor(resourceId: string): string | undefined {
    return this.#jobByResource.get(resourceId);
  }
}
