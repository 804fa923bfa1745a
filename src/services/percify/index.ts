/** Public surface of the Percify client: import from here, not from the individual files. */
export { PercifyClient, type PercifyClientOptions } from './client.js';
export type { GeneratedAvatars } from './generated-avatars.js';
export type { RequestInfo } from './http.js';
export * from './errors.js';
export { errorFromResponse, parseErrorEnvelope, parseRetryAfter } from './error-mapper.js';
export * from './pricing.js';
export * from './requests.js';
export {
  JOB_STATUSES,
  type Audio,
  type Avatar,
  type AvatarList,
  type CreditBalance,
  type JobStatus,
  type Pagination,
  type Video,
  type VideoList,
  type Voice,
} from './schemas.js';
export {
  downloadMedia,
  probeMediaSize,
  MediaDownloadError,
  MediaOriginError,
  MediaTooLargeError,
  PERCIFY_CDN_ORIGIN,
  type DownloadedMedia,
  type DownloadMediaOptions,
  type MediaFetchOptions,
} from './media.js';
export type { Sleep } from './rate-limiter.js';
