import { z } from 'zod';
import { type Logger, silentLogger } from '../../logger.js';
import { creditHistorySchema, type CreditHistoryPage } from './credit-history.js';
import { NotFoundError, PercifyApiError } from './errors.js';
import { defaultSleep, PercifyHttp, type RequestInfo } from './http.js';
import {
  type DownloadedMedia,
  downloadMedia,
  normaliseOrigin,
  PERCIFY_CDN_ORIGIN,
  probeMediaSize,
} from './media.js';
import { type GeneratedAvatars, toGeneratedAvatars } from './generated-avatars.js';
import type { Sleep } from './rate-limiter.js';
import {
  type AddAudioRequest,
  buildAddAudioBody,
  buildCloneVoiceForm,
  buildPercifyYourselfForm,
  type CloneVoiceRequest,
  type PercifyYourselfRequest,
  buildCreateVideoBody,
  buildGenerateAudioBody,
  buildGenerateAvatarBody,
  buildListAvatarsQuery,
  buildPageQuery,
  checkId,
  checkVideoUpdate,
  type CreateVideoRequest,
  type GenerateAudioRequest,
  type GenerateAvatarRequest,
  type ListAvatarsQuery,
  type ListVideosQuery,
  type VideoUpdate,
} from './requests.js';
import {
  type Audio,
  audioSchema,
  type Avatar,
  type AvatarList,
  avatarListSchema,
  avatarSchema,
  type CreditBalance,
  creditBalanceSchema,
  generateAvatarResponseSchema,
  type Video,
  type VideoList,
  videoListSchema,
  videoSchema,
  type Voice,
  voiceListSchema,
  voiceSchema,
} from './schemas.js';

export interface PercifyClientOptions {
  /** e.g. `https://api.percify.io/v1`; the path prefix is kept. */
  baseUrl: string;
  apiKey: string;
  /** Per attempt: time to the response headers, and between body chunks. */
  timeoutMs?: number;
  rateLimitPerMinute?: number;
  logger?: Logger;
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A 429 asking for a longer wait is handed to the caller instead of being waited out. */
  maxRetryAfterMs?: number;
  random?: () => number;
  sleep?: Sleep;
  now?: () => number;
  onRequest?: (info: RequestInfo) => void;
  /** Origins media may be downloaded from besides the API's own and the Percify CDN. */
  extraMediaOrigins?: readonly string[];
}

const ignoredAnswer = z.unknown();

function fieldOf(details: unknown): unknown {
  return typeof details === 'object' && details !== null ? (details as { field?: unknown }).field : undefined;
}

/** How long a HEAD for a size hint may take before the capped GET goes ahead without it. */
const MEDIA_HINT_TIMEOUT_MS = 5_000;

/** Typed client for the Percify REST API. Method names are the contract other modules rely on. */
export class PercifyClient {
  private readonly http: PercifyHttp;
  private readonly timeoutMs: number;
  private readonly mediaOrigins: string[];

  constructor(options: PercifyClientOptions) {
    if (typeof options.apiKey !== 'string' || options.apiKey === '') {
      throw new TypeError('A Percify API key is required');
    }
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.http = new PercifyHttp({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      timeoutMs: this.timeoutMs,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 60,
      maxRetries: options.maxRetries ?? 3,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 10_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? defaultSleep,
      now: options.now ?? Date.now,
      logger: options.logger ?? silentLogger(),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
    this.mediaOrigins = [this.http.origin, PERCIFY_CDN_ORIGIN, ...(options.extraMediaOrigins ?? [])].map(
      normaliseOrigin,
    );
  }

  /** Calls waiting for a slot under the client-side rate limit. */
  pendingRequests(): number {
    return this.http.pendingRequests();
  }

  inFlightRequests(): number {
    return this.http.inFlightRequests();
  }

  /** Always answers with a list, whether Percify sent one avatar (batchSize 1) or `{ avatars }`. */
  async generateAvatar(request: GenerateAvatarRequest): Promise<GeneratedAvatars> {
    const { body, idempotencyKey } = buildGenerateAvatarBody(request);
    const answer = await this.http.call({
      method: 'POST',
      route: '/avatars/generate',
      body,
      idempotencyKey,
      kind: 'generation',
      schema: generateAvatarResponseSchema,
    });
    return toGeneratedAvatars(answer, request.model);
  }

  /** `POST /avatars/percify-yourself`: a member's photo to one avatar, tracked like any other. */
  async percifyYourself(request: PercifyYourselfRequest): Promise<Avatar> {
    const { form, idempotencyKey } = buildPercifyYourselfForm(request);
    return this.http.call({
      method: 'POST',
      route: '/avatars/percify-yourself',
      form,
      idempotencyKey,
      kind: 'generation',
      schema: avatarSchema,
    });
  }

  async getAvatar(id: string): Promise<Avatar> {
    return this.http.call({
      method: 'GET',
      route: '/avatars/:id',
      params: { id: checkId('id', id) },
      kind: 'idempotent',
      schema: avatarSchema,
    });
  }

  async listAvatars(query: ListAvatarsQuery = {}): Promise<AvatarList> {
    return this.http.call({
      method: 'GET',
      route: '/avatars',
      query: buildListAvatarsQuery(query),
      kind: 'idempotent',
      schema: avatarListSchema,
    });
  }

  async deleteAvatar(id: string): Promise<void> {
    await this.http.call({
      method: 'DELETE',
      route: '/avatars/:id',
      params: { id: checkId('id', id) },
      kind: 'idempotent',
      schema: ignoredAnswer,
    });
  }

  async createVideo(request: CreateVideoRequest): Promise<Video> {
    const { body, idempotencyKey } = buildCreateVideoBody(request);
    return this.http.call({
      method: 'POST',
      route: '/videos/from-image',
      body,
      idempotencyKey,
      kind: 'generation',
      schema: videoSchema,
    });
  }

  async getVideo(id: string): Promise<Video> {
    return this.http.call({
      method: 'GET',
      route: '/videos/:id',
      params: { id: checkId('id', id) },
      kind: 'idempotent',
      schema: videoSchema,
    });
  }

  async listVideos(query: ListVideosQuery = {}): Promise<VideoList> {
    return this.http.call({
      method: 'GET',
      route: '/videos',
      query: buildPageQuery(query),
      kind: 'idempotent',
      schema: videoListSchema,
    });
  }

  async addAudio(videoId: string, request: AddAudioRequest): Promise<Video> {
    const id = checkId('videoId', videoId);
    const { body, idempotencyKey } = buildAddAudioBody(request);
    return this.http.call({
      method: 'POST',
      route: '/videos/:id/add-audio',
      params: { id },
      body,
      idempotencyKey,
      kind: 'generation',
      schema: videoSchema,
    });
  }

  async updateVideo(id: string, patch: VideoUpdate): Promise<Video> {
    return this.http.call({
      method: 'PATCH',
      route: '/videos/:id',
      params: { id: checkId('id', id) },
      body: checkVideoUpdate(patch),
      kind: 'idempotent',
      schema: videoSchema,
    });
  }

  async deleteVideo(id: string): Promise<void> {
    await this.http.call({
      method: 'DELETE',
      route: '/videos/:id',
      params: { id: checkId('id', id) },
      kind: 'idempotent',
      schema: ignoredAnswer,
    });
  }

  async generateAudio(request: GenerateAudioRequest): Promise<Audio> {
    const { body, idempotencyKey } = buildGenerateAudioBody(request);
    return this.http.call({
      method: 'POST',
      route: '/audio/generate',
      body,
      idempotencyKey,
      kind: 'generation',
      schema: audioSchema,
    });
  }

  async getAudio(id: string): Promise<Audio> {
    return this.http.call({
      method: 'GET',
      route: '/audio/:id',
      params: { id: checkId('id', id) },
      kind: 'idempotent',
      schema: audioSchema,
    });
  }

  async listVoices(): Promise<Voice[]> {
    return this.http.call({ method: 'GET', route: '/voices', kind: 'idempotent', schema: voiceListSchema });
  }

  /**
   * `POST /voices/clone`. The docs name the file `audio` (prose, curl) and `audioFile` (OpenAPI): the
   * prose's name goes first, and a refusal that asks for the other one is answered with it. A refused
   * form costs nothing, so sending it again is safe.
   */
  async cloneVoice(request: CloneVoiceRequest): Promise<Voice> {
    const send = (field: 'audio' | 'audioFile') =>
      this.http.call({
        method: 'POST',
        route: '/voices/clone',
        form: buildCloneVoiceForm(request, field),
        kind: 'generation',
        schema: voiceSchema,
      });
    try {
      return await send('audio');
    } catch (error) {
      if (!(error instanceof PercifyApiError) || error.code !== 'invalid_request') throw error;
      if (fieldOf(error.details) !== 'audioFile') throw error;
      return send('audioFile');
    }
  }

  async getVoice(id: string): Promise<Voice> {
    return this.http.call({
      method: 'GET',
      route: '/voices/:id',
      params: { id: checkId('id', id) },
      kind: 'idempotent',
      schema: voiceSchema,
    });
  }

  async deleteVoice(id: string): Promise<void> {
    await this.http.call({
      method: 'DELETE',
      route: '/voices/:id',
      params: { id: checkId('id', id) },
      kind: 'idempotent',
      schema: ignoredAnswer,
    });
  }

  /** `GET /user/credits/balance`; older pages use `/credits/balance`, tried when the first is a 404. */
  async getCreditBalance(): Promise<CreditBalance> {
    try {
      return await this.http.call({
        method: 'GET',
        route: '/user/credits/balance',
        kind: 'idempotent',
        schema: creditBalanceSchema,
      });
    } catch (error) {
      if (!(error instanceof NotFoundError) || error.status !== 404) throw error;
      return this.http.call({
        method: 'GET',
        route: '/credits/balance',
        kind: 'idempotent',
        schema: creditBalanceSchema,
      });
    }
  }

  /**
   * One page of the account's credit transactions, newest first. `GET /user/credits/history`; the
   * OpenAPI file's `/credits/history` is tried when the first is a 404 (docs 7.1).
   */
  async getCreditHistory(page: { limit: number; offset: number }): Promise<CreditHistoryPage> {
    const query = { limit: String(page.limit), offset: String(page.offset) };
    const call = (route: string) =>
      this.http.call({ method: 'GET', route, query, kind: 'idempotent', schema: creditHistorySchema });
    try {
      return await call('/user/credits/history');
    } catch (error) {
      if (!(error instanceof NotFoundError) || error.status !== 404) throw error;
      return call('/credits/history');
    }
  }

  /** Downloads media from the API's origin or the Percify CDN only, with a byte cap. */
  async downloadMedia(url: string, options: { maxBytes: number }): Promise<DownloadedMedia> {
    return downloadMedia(url, {
      maxBytes: options.maxBytes,
      allowedOrigins: this.mediaOrigins,
      timeoutMs: this.timeoutMs,
    });
  }

  /**
   * A size hint from HEAD, undefined when the host refuses HEAD or does not answer. Given a short
   * timeout of its own: a hint is not worth holding a delivery for the full request timeout.
   */
  async probeMediaSize(url: string): Promise<number | undefined> {
    return probeMediaSize(url, {
      allowedOrigins: this.mediaOrigins,
      timeoutMs: Math.min(this.timeoutMs, MEDIA_HINT_TIMEOUT_MS),
    });
  }

  /** Stops queued calls and closes the connection pool. */
  close(): Promise<void> {
    return this.http.close();
  }
}
