import type { SimState } from '../sim-state.js';

export interface RouteContext {
  state: SimState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body ({} when empty); read lazily so GETs never wait for one. */
  body: () => Promise<unknown>;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export type RouteHandler = (context: RouteContext) => RouteResult | Promise<RouteResult>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below /v1 with `:name` segments, e.g. '/avatars/:id'. */
  path: string;
  handler: RouteHandler;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
