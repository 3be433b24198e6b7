import type { Reply } from './reply.js';
import type { SandboxRequest } from './request.js';

export type RouteHandler = (request: SandboxRequest) => Reply | Promise<Reply>;

export interface RouteDefinition {
  method: string;
  /** Segments starting with `:` are parameters: `/v1/people/:id/work`. */
  pattern: string;
  handler: RouteHandler;
  /** Stable name for counters and rate limits; default `METHOD pattern`. */
  name?: string;
}

export interface RouteMatch {
  route: Required<RouteDefinition>;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Required<RouteDefinition>;
  segments: string[];
}

/**
 * Method + path router. Literal segments win over parameters when both could match, whatever the
 * registration order, so `/people/search` is never captured by `/people/:id`.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(definition: RouteDefinition): this {
    const route = { ...definition, method: definition.method.toUpperCase(), name: definition.name ?? '' };
    if (!route.name) route.name = `${route.method} ${route.pattern}`;
    this.routes.push({ route, segments: splitPath(route.pattern) });
    return this;
  }

  get(pattern: string, handler: RouteHandler, name?: string): this {
    return this.add({ method: 'GET', pattern, handler, ...(name ? { name } : {}) });
  }
  post(pattern: string, handler: RouteHandler, name?: string): this {
    return this.add({ method: 'POST', pattern, handler, ...(name ? { name } : {}) });
  }
  put(pattern: string, handler: RouteHandler, name?: string): this {
    return this.add({ method: 'PUT', pattern, handler, ...(name ? { name } : {}) });
  }
  delete(pattern: string, handler: RouteHandler, name?: string): this {
    return this.add({ method: 'DELETE', pattern, handler, ...(name ? { name } : {}) });
  }

  /** The best route for a request, or `undefined`; `methodNotAllowed` when the path exists under another method. */
  match(method: string, path: string): RouteMatch | { methodNotAllowed: true } | undefined {
    const parts = splitPath(path);
    let best: { match: RouteMatch; score: number } | undefined;
    let pathExists = false;
    for (const compiled of this.routes) {
      const result = matchSegments(compiled.segments, parts);
      if (!result) continue;
      pathExists = true;
      if (compiled.route.method !== method.toUpperCase()) continue;
      if (!best || result.score > best.score)
        best = { match: { route: compiled.route, params: result.params }, score: result.score };
    }
    if (best) return best.match;
    return pathExists ? { methodNotAllowed: true } : undefined;
  }

  list(): ReadonlyArray<Required<RouteDefinition>> {
    return this.routes.map((compiled) => compiled.route);
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(
  pattern: string[],
  parts: string[],
): { params: Record<string, string>; score: number } | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  let score = 0;
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index]!;
    const actual = parts[index]!;
    if (expected.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
      params[expected.slice(1)] = decoded;
    } else if (expected === actual) {
      // Literal matches weigh more than parameters; earlier segments weigh more than later ones.
      score += 2 ** (pattern.length - index);
    } else {
      return undefined;
    }
  }
  return { params, score };
}
