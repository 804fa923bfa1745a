import { ApiError, invalidField } from './api-error.js';
import { isRecord } from './http-io.js';

/**
 * Field readers for request bodies. Each names the field it rejects, so a client author sees exactly
 * which value the API did not like (`invalid_request`, details.field).
 */

export function requireObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw new ApiError(400, 'invalid_request', 'Request body must be a JSON object');
  return body;
}

export function readEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  fallback: T,
): T;
export function readEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  fallback?: undefined,
): T | undefined;
export function readEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidField(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function readNumber(
  body: Record<string, unknown>,
  field: string,
  range: { min: number; max: number; integer?: boolean },
): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= range.min &&
    value <= range.max &&
    (!range.integer || Number.isInteger(value));
  if (!ok) {
    const kind = range.integer ? 'an integer' : 'a number';
    throw invalidField(field, `must be ${kind} from ${range.min} to ${range.max}`);
  }
  return value;
}

export function readString(
  body: Record<string, unknown>,
  field: string,
  limits: { min?: number; max: number },
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidField(field, 'must be a string');
  const trimmed = value.trim();
  if (trimmed.length < (limits.min ?? 0) || trimmed.length > limits.max) {
    throw invalidField(field, `must be ${limits.min ?? 0} to ${limits.max} characters`);
  }
  return trimmed;
}

export function requireString(
  body: Record<string, unknown>,
  field: string,
  limits: { min?: number; max: number },
): string {
  const value = readString(body, field, { min: Math.max(1, limits.min ?? 1), max: limits.max });
  if (value === undefined) throw invalidField(field, 'is required');
  return value;
}

export function readBoolean(body: Record<string, unknown>, field: string, fallback: boolean): boolean {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalidField(field, 'must be true or false');
  return value;
}

export function readStringList(
  body: Record<string, unknown>,
  field: string,
  limits: { maxItems: number; maxLength: number },
): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    value.length > limits.maxItems ||
    !value.every((item) => typeof item === 'string' && item.length <= limits.maxLength)
  ) {
    throw invalidField(field, `must be at most ${limits.maxItems} strings of ${limits.maxLength} characters`);
  }
  return value as string[];
}

export interface PageQuery {
  limit: number;
  offset: number;
}

/** `limit` 1–100 (default 20) and `offset` >= 0 from a query string, as `GET /avatars` documents. */
export function readPageQuery(query: URLSearchParams): PageQuery {
  const limit = readQueryInt(query, 'limit', 20, 1, 100);
  const offset = readQueryInt(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return { limit, offset };
}

function readQueryInt(
  query: URLSearchParams,
  field: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(field);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidField(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function readQueryEnum<T extends string>(
  query: URLSearchParams,
  field: string,
  allowed: readonly T[],
): T | undefined {
  const raw = query.get(field);
  if (raw === null || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw))
    throw invalidField(field, `must be one of ${allowed.join(', ')}`);
  return raw as T;
}

export function paginate<T>(items: readonly T[], page: PageQuery) {
  const slice = items.slice(page.offset, page.offset + page.limit);
  return {
    items: slice,
    pagination: {
      total: items.length,
      limit: page.limit,
      offset: page.offset,
      hasMore: page.offset + slice.length < items.length,
    },
  };
}
