import type { Logger } from '../../logger.js';
import { storeKey, type Store } from '../store.js';
import type { JobKind, JobRecord } from './job-record.js';

/**
 * A member's creation history: what `/gallery` pages through and what `/animate avatar:` suggests.
 *
 * Job records are stored one key each with no listing, so finished jobs are copied here, one small
 * entry each, into one list per member: `v1:guild:<g>:member:<m>:creations`, newest first, capped.
 * Recording is idempotent by job id, so a job finished twice (a retry, a restart) appears once.
 */

export const CREATION_HISTORY_LIMIT = 100;

export interface Creation {
  jobId: string;
  kind: JobKind;
  /** The Percify avatar ids of an avatar job, in the order they were shown. */
  avatarIds?: string[] | undefined;
  /** The Percify video id of a video job. */
  videoId?: string | undefined;
  /** The avatar's prompt (for a video: the prompt of the avatar it animates, when known). */
  prompt: string;
  /** The Discord attachment URL of the first image (for a video: of the avatar it animates). */
  thumbnailUrl?: string | undefined;
  /** Each image's Discord attachment URL by avatar id, so a video or a suggestion shows its own image. */
  imageUrls?: Record<string, string> | undefined;
  createdAt: number;
}

export interface CreationPage {
  items: Creation[];
  /** How many creations the member has in all, for "page 2 of 3". */
  total: number;
}

/** One completed avatar, as an autocomplete choice for `/animate avatar:`. */
export interface AvatarSuggestion {
  avatarId: string;
  prompt: string;
  thumbnailUrl?: string | undefined;
  createdAt: number;
  jobId: string;
}

/** What a finished job adds to the history, or undefined when it produced nothing to show. */
export function creationOf(
  job: JobRecord,
  sourceOf?: (avatarId: string) => Creation | undefined,
): Creation | undefined {
  if (job.state !== 'done') return undefined;
  if (job.kind === 'avatar') {
    const images = job.images ?? [];
    if (images.length === 0) return undefined;
    return {
      jobId: job.id,
      kind: 'avatar',
      avatarIds: images.map((image) => image.avatarId),
      prompt: job.params.prompt,
      thumbnailUrl: images.find((image) => image.discordUrl)?.discordUrl,
      imageUrls: Object.fromEntries(
        images.flatMap((image) => (image.discordUrl ? [[image.avatarId, image.discordUrl]] : [])),
      ),
      createdAt: job.createdAt,
    };
  }
  if (!job.video) return undefined;
  // A video has no still of its own on Discord: show the avatar it animates.
  const source = sourceOf?.(job.params.avatarId);
  return {
    jobId: job.id,
    kind: 'video',
    videoId: job.video.videoId,
    prompt: job.params.avatarPrompt ?? source?.prompt ?? '',
    thumbnailUrl: source?.imageUrls?.[job.params.avatarId] ?? source?.thumbnailUrl,
    createdAt: job.createdAt,
  };
}

/** Newest first by creation time; among equals, the one recorded last first. */
function newestFirst(list: readonly Creation[]): Creation[] {
  return list
    .map((creation, index) => ({ creation, index }))
    .sort((a, b) => b.creation.createdAt - a.creation.createdAt || a.index - b.index)
    .map(({ creation }) => creation);
}

export class CreationHistory {
  constructor(
    private readonly store: Store,
    private readonly logger?: Logger,
  ) {}

  /** Adds a finished job to its owner's history; anything not `done` is ignored. Returns what was kept. */
  async record(job: JobRecord): Promise<Creation | undefined> {
    if (job.state !== 'done') return undefined;
    let added: Creation | undefined;
    await this.store.update<Creation[]>(storeKey.memberCreations(job.guildId, job.ownerId), (current) => {
      const list = current ?? [];
      if (list.some((creation) => creation.jobId === job.id)) return current;
      added = creationOf(job, (avatarId) => list.find((c) => c.avatarIds?.includes(avatarId)));
      if (!added) return current;
      return newestFirst([added, ...list]).slice(0, CREATION_HISTORY_LIMIT);
    });
    return added;
  }

  /** One page of a member's history, newest first. */
  async list(
    guildId: string,
    memberId: string,
    { offset = 0, limit = 10 }: { offset?: number; limit?: number } = {},
  ): Promise<CreationPage> {
    const all = await this.all(guildId, memberId);
    const start = Math.max(0, Math.floor(offset));
    return { items: all.slice(start, start + Math.max(0, Math.floor(limit))), total: all.length };
  }

  /**
   * Completed avatars whose prompt or id contains `text` (case-insensitive), newest first; an empty
   * text matches all. Each image of a batch is its own suggestion.
   */
  async search(guildId: string, memberId: string, text: string, limit: number): Promise<AvatarSuggestion[]> {
    const needle = text.trim().toLowerCase();
    const found: AvatarSuggestion[] = [];
    for (const creation of await this.all(guildId, memberId)) {
      if (creation.kind !== 'avatar') continue;
      const promptMatches = creation.prompt.toLowerCase().includes(needle);
      for (const avatarId of creation.avatarIds ?? []) {
        if (found.length >= limit) return found;
        if (!promptMatches && !avatarId.toLowerCase().includes(needle)) continue;
        found.push({
          avatarId,
          prompt: creation.prompt,
          thumbnailUrl: creation.imageUrls?.[avatarId],
          createdAt: creation.createdAt,
          jobId: creation.jobId,
        });
      }
    }
    return found;
  }

  /** Drops a job from the history (its results were deleted). True when it was there. */
  async remove(guildId: string, memberId: string, jobId: string): Promise<boolean> {
    let removed = false;
    await this.store.update<Creation[]>(storeKey.memberCreations(guildId, memberId), (current) => {
      if (!current?.some((creation) => creation.jobId === jobId)) return current;
      removed = true;
      const rest = current.filter((creation) => creation.jobId !== jobId);
      return rest.length > 0 ? rest : undefined;
    });
    return removed;
  }

  /**
   * The runner's `onJobFinished` callback: records done jobs in the background. A failed write is
   * logged, never thrown: the member already has their result and was charged correctly.
   */
  readonly onJobFinished = (job: JobRecord): void => {
    if (job.state !== 'done') return;
    this.record(job).catch((error: unknown) =>
      this.logger?.warn({ jobId: job.id, err: error }, 'could not add a creation to the gallery'),
    );
  };

  private async all(guildId: string, memberId: string): Promise<Creation[]> {
    return (await this.store.get<Creation[]>(storeKey.memberCreations(guildId, memberId))) ?? [];
  }
}
