import type { PercifyClient } from '../percify/client.js';
import { OutcomeUnknownError, PercifyError, TimeoutError } from '../percify/errors.js';
import type { Video } from '../percify/schemas.js';
import type { ReconcileOutcome } from './job-kind.js';
import type { VideoJob } from './job-record.js';
import { currentStage, lipSyncBaseVideoId, withTrackedId } from './video-stages.js';

/**
 * A submit whose answer was lost (timeout, connection cut after sending): find what it created
 * before anything is sent again, so the member is not charged twice and no credits are wasted.
 */

/** How far back a lost submission is looked for: clocks differ, and Percify may be slow to list. */
const RECONCILE_WINDOW_MS = 5 * 60_000;
const LIST_LIMIT = 100;

export async function reconcileVideoStage(percify: PercifyClient, job: VideoJob): Promise<ReconcileOutcome> {
  switch (currentStage(job)) {
    case 'audio':
      return replayAudio(percify, job);
    case 'video':
      return findVideo(percify, job);
    case 'lipsync':
      return findLipSync(percify, job);
  }
}

function createdSince(video: Video, since: number): boolean {
  return video.createdAt === undefined || Date.parse(video.createdAt) >= since;
}

/**
 * The newest video of this avatar with the same length and tier, made after the job (less the
 * window), without sound, and not already one of this job's. A Re-render of the same settings within
 * the window could in principle be taken for it; the newest match is the likeliest to be ours.
 */
async function findVideo(percify: PercifyClient, job: VideoJob): Promise<ReconcileOutcome> {
  let videos: Video[];
  try {
    videos = (await percify.listVideos({ limit: LIST_LIMIT })).videos;
  } catch {
    return { status: 'unreachable' };
  }
  const { params } = job;
  const since = job.createdAt - RECONCILE_WINDOW_MS;
  const matches = videos.filter(
    (video) =>
      video.avatarId === params.avatarId &&
      (video.durationSeconds === undefined || video.durationSeconds === params.durationSeconds) &&
      (video.studioTier === undefined || video.studioTier === params.tier) &&
      video.hasAudio !== true &&
      !job.percifyIds.includes(video.id) &&
      createdSince(video, since),
  );
  const newest = matches.sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''))[0];
  return newest ? { status: 'found', job: withTrackedId(job, newest.id) } : { status: 'absent' };
}

/**
 * Add-audio either re-renders the video in place or answers with a new video (the docs do not say):
 * the base video already carrying our audio, or any video made from our audio, is what the lost
 * request created. If neither exists, submitting again is safe — and cheap in the worst case, since
 * add-audio has no documented cost — and it goes out with the same idempotency key.
 */
async function findLipSync(percify: PercifyClient, job: VideoJob): Promise<ReconcileOutcome> {
  const base = lipSyncBaseVideoId(job);
  if (!base || !job.audioId) return { status: 'absent' };
  try {
    const current = await percify.getVideo(base);
    // Audio is only added to a finished video, so the base rendering again is our re-render under way.
    const reRendering = current.status === 'queued' || current.status === 'processing';
    if (current.audioId === job.audioId || reRendering) {
      return { status: 'found', job: withTrackedId(job, current.id) };
    }
    const { videos } = await percify.listVideos({ limit: LIST_LIMIT });
    const made = videos.find((video) => video.audioId === job.audioId);
    return made ? { status: 'found', job: withTrackedId(job, made.id) } : { status: 'absent' };
  } catch {
    return { status: 'unreachable' };
  }
}

/**
 * Audio has no documented list endpoint (GET /audio exists but its parameters and answer are not
 * documented), so we can never be sure a lost request created nothing, and 'absent' would be a
 * guess. Instead the request is replayed with the same idempotency key: where Percify honours the key
 * the replay answers with the audio the lost request made (nothing new is charged); where it does
 * not, the worst case is one extra short clip (about 10 credits) on the operator's account, which is
 * better than failing the member's job. A refused replay created nothing, so it is safe to hand back
 * to the runner as 'absent' and let the normal submit report the refusal.
 */
async function replayAudio(percify: PercifyClient, job: VideoJob): Promise<ReconcileOutcome> {
  const speech = job.params.speech;
  if (!speech) return { status: 'absent' };
  try {
    const audio = await percify.generateAudio({ ...speech, idempotencyKey: `${job.id}-audio` });
    return { status: 'found', job: withTrackedId(job, audio.id) };
  } catch (error) {
    if (error instanceof OutcomeUnknownError || error instanceof TimeoutError)
      return { status: 'unreachable' };
    if (error instanceof PercifyError && error.retryable) return { status: 'unreachable' };
    return { status: 'absent' };
  }
}
