import { type Dispatcher, request } from 'undici';
import { PercifyError } from './errors.js';

/**
 * Downloads generated media (avatar PNGs, videos, audio) for re-upload to Discord. Only origins we
 * trust are fetched (the API's own and the Percify CDN), so a crafted URL in an API answer or a
 * webhook cannot make the bot fetch internal addresses; the byte cap keeps a huge file from filling
 * memory (Discord's upload limit is far below what a video could be).
 */

export const PERCIFY_CDN_ORIGIN = 'https://cdn.percify.io';

export class MediaTooLargeError extends PercifyError {
  readonly maxBytes: number;
  /** The size the server announced, when it did; a stream cut at the cap has none. */
  readonly size: number | undefined;
  constructor(maxBytes: number, size?: number) {
    super(
      'media_too_large',
      size === undefined
        ? `Media is larger than ${maxBytes} bytes`
        : `Media is ${size} bytes; limit ${maxBytes}`,
      false,
    );
    this.maxBytes = maxBytes;
    this.size = size;
  }
}

export class MediaOriginError extends PercifyError {
  constructor(origin: string) {
    super('media_origin_not_allowed', `Refusing to fetch media from ${origin}`, false);
  }
}

export class MediaDownloadError extends PercifyError {
  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super('media_download_failed', message, options.status === undefined || options.status >= 500, options);
  }
}

export interface MediaFetchOptions {
  /** Origins (or bare hosts, taken as https) media may come from. */
  allowedOrigins: readonly string[];
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  maxRedirects?: number;
}

export interface DownloadMediaOptions extends MediaFetchOptions {
  maxBytes: number;
}

export interface DownloadedMedia {
  bytes: Buffer;
  contentType: string | undefined;
  size: number;
}

export function normaliseOrigin(entry: string): string {
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? entry : `https://${entry}`).origin;
}

function checkedUrl(raw: string, allowed: ReadonlySet<string>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MediaOriginError('an invalid URL');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !allowed.has(url.origin)) {
    throw new MediaOriginError(
      url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol,
    );
  }
  return url;
}

type MediaResponse = Dispatcher.ResponseData;

/** Sends the request, following up to maxRedirects redirects, each one re-checked against the list. */
async function fetchAllowed(
  rawUrl: string,
  method: 'GET' | 'HEAD',
  options: MediaFetchOptions,
): Promise<MediaResponse> {
  const allowed = new Set(options.allowedOrigins.map(normaliseOrigin));
  const timeoutMs = options.timeoutMs ?? 30_000;
  let url = checkedUrl(rawUrl, allowed);
  for (let hop = 0; ; hop += 1) {
    let response: MediaResponse;
    try {
      response = await request(url, {
        method,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
    } catch (cause) {
      throw new MediaDownloadError(`Could not fetch media from ${url.origin}`, { cause });
    }
    const location = response.headers.location;
    if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
      await response.body.dump();
      if (hop >= (options.maxRedirects ?? 3)) throw new MediaDownloadError('Too many redirects for media');
      url = checkedUrl(new URL(location, url).href, allowed);
      continue;
    }
    return response;
  }
}

function contentLength(response: MediaResponse): number | undefined {
  const header = response.headers['content-length'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export async function downloadMedia(url: string, options: DownloadMediaOptions): Promise<DownloadedMedia> {
  const response = await fetchAllowed(url, 'GET', options);
  if (response.statusCode < 200 || response.statusCode >= 300) {
    await response.body.dump();
    throw new MediaDownloadError(`Media download answered HTTP ${response.statusCode}`, {
      status: response.statusCode,
    });
  }
  const announced = contentLength(response);
  if (announced !== undefined && announced > options.maxBytes) {
    response.body.destroy();
    throw new MediaTooLargeError(options.maxBytes, announced);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > options.maxBytes) {
        response.body.destroy();
        throw new MediaTooLargeError(options.maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof MediaTooLargeError) throw error;
    throw new MediaDownloadError('Media download broke off', { cause: error });
  }
  const type = response.headers['content-type'];
  return {
    bytes: Buffer.concat(chunks, size),
    contentType: Array.isArray(type) ? type[0] : type,
    size,
  };
}

/**
 * A size hint from a HEAD request's content-length; undefined when there is none. Only ever a hint:
 * CDN URLs signed for GET alone answer HEAD with 403 (or 404, 405, 501), and any HEAD may time out,
 * so a refused or failed HEAD means "no hint" and the caller's capped GET finds the size out. A URL
 * outside the allowed origins still throws: the GET would be refused the same way.
 */
export async function probeMediaSize(url: string, options: MediaFetchOptions): Promise<number | undefined> {
  let response: MediaResponse;
  try {
    response = await fetchAllowed(url, 'HEAD', options);
  } catch (error) {
    if (error instanceof MediaOriginError) throw error;
    return undefined;
  }
  try {
    await response.body.dump();
  } catch {
    // The body of a HEAD is empty; a connection that broke here changes nothing about the headers.
  }
  if (response.statusCode < 200 || response.statusCode >= 300) return undefined;
  return contentLength(response);
}
