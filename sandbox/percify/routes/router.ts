import { ApiError } from '../api-error.js';
import type { Route, RouteHandler } from './route-types.js';

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/** Matches `/v1/...` paths against the route table; a known path with another method is 405. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { method: route.method, pattern: new RegExp(`^/v1${source}/?$`), names, handler: route.handler };
    });
  }

  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } {
    let pathKnown = false;
    for (const route of this.compiled) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { handler: route.handler, params };
    }
    if (pathKnown) throw new ApiError(405, 'method_not_allowed', `${method} is not supported on ${path}`);
    throw new ApiError(404, 'not_found', `No route for ${method} ${path}`);
  }
}
