import type { EmulatorCore } from '../core.js';
import type { UploadedFile } from '../multipart.js';

export interface RouteContext {
  core: EmulatorCore;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  /** When the request arrived (its headers), as `performance.now()`: what latency measures read. */
  arrivedAt: number;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path after /api/v10 with `:name` parameters, e.g. `/channels/:channel/messages/:message`. */
  pattern: string;
  /** Bot routes need `Authorization: Bot <token>`; interaction and webhook-token routes need none. */
  auth: 'bot' | 'none';
  /** Which parameter Discord buckets rate limits by. */
  major?: string;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export const json = (body: unknown, status = 200): RouteResult => ({ status, body });
export const noContent = (): RouteResult => ({ status: 204 });
