import { ApiError, invalidRequest } from './errors.js';

/** Narrowing helpers for request bodies; each failure names the offending field. */
export type Body = Record<string, unknown>;

export function asBody(value: unknown): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_request', 'Request body must be a JSON object');
  }
  return value as Body;
}

export function optionalString(body: Body, field: string, max = 1000): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidRequest(field, 'must be a string');
  if (value.length > max) throw invalidRequest(field, `must be at most ${max} characters`);
  return value;
}

export function oneOf<T extends string>(body: Body, field: string, options: readonly T[], fallback: T): T {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw invalidRequest(field, `must be one of ${options.join(', ')}`);
  }
  return value as T;
}

export function numberIn(
  body: Body,
  field: string,
  range: { min: number; max: number; integer?: boolean },
  fallback: number,
): number {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidRequest(field, 'must be a number');
  if (range.integer && !Number.isInteger(value)) throw invalidRequest(field, 'must be an integer');
  if (value < range.min || value > range.max) {
    throw invalidRequest(field, `must be between ${range.min} and ${range.max}`);
  }
  return value;
}

/** `limit`/`offset` query parameters: limit 1-100 (default 20), offset >= 0. */
export function pageOf<T>(
  items: T[],
  query: URLSearchParams,
): { page: T[]; pagination: { total: number; limit: number; offset: number; hasMore: boolean } } {
  const limit = queryInt(query, 'limit', 1, 100, 20);
  const offset = queryInt(query, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const page = items.slice(offset, offset + limit);
  return {
    page,
    pagination: { total: items.length, limit, offset, hasMore: offset + page.length < items.length },
  };
}

function queryInt(query: URLSearchParams, field: string, min: number, max: number, fallback: number): number {
  const raw = query.get(field);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest(field, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** Drops `undefined` so answers match what a JSON API would send. */
export function publicCopy<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
