import {
  type BasicAuthStore,
  parseBasicAuth,
  type Reply,
  type Router,
  type SandboxRequest,
  type SlidingWindowRateLimiter,
  withHeaders,
} from '@hrkit/sandbox-kit';
import type { ServiceUser, ServiceUserData } from '../access/service-users.js';
import type { CompanyState } from '../state/company-state.js';
import { bobErrors } from './errors.js';
import type { WafSimulator } from './waf.js';

export interface BobRouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: string;
  /** Rate-limit and counter key, e.g. `people.search`. */
  endpoint: string;
  /** Requests per minute per service user; null: not limited. */
  limit: number | null;
  /** Every listed permission is required, else 403 (e.g. `feature:timeoff.balances`). */
  permissions?: readonly string[];
  handler(request: SandboxRequest, caller: ServiceUser): Reply | Promise<Reply>;
}

/** What route modules (core and extensions) register against. */
export interface BobRouteApi {
  readonly state: CompanyState;
  readonly router: Router;
  route(definition: BobRouteDefinition): void;
}

/**
 * Wraps handlers with HiBob's gatekeeping in the order a gateway applies it: Basic auth (401),
 * rate limit per service user and endpoint (429 with X-RateLimit-* headers), permissions (403).
 */
export function createRouteApi(input: {
  state: CompanyState;
  router: Router;
  auth: BasicAuthStore<ServiceUserData>;
  limiter: SlidingWindowRateLimiter;
  waf?: WafSimulator;
}): BobRouteApi {
  const { state, router, auth, limiter, waf } = input;
  return {
    state,
    router,
    route(definition) {
      router.add({
        method: definition.method,
        pattern: definition.pattern,
        name: definition.endpoint,
        handler: async (request) => {
          if (!waf) return gate(request);
          // The WAF keys on the claimed service user (the sandbox sees no client address).
          const parsed = parseBasicAuth(request.header('authorization'));
          const caller = 'username' in parsed ? parsed.username : 'anonymous';
          if (waf.isBlocked(caller)) return bobErrors.wafBlocked();
          const reply = await gate(request);
          if (reply.status === 401 || reply.status === 403) waf.recordFailure(caller);
          return reply;
        },
      });

      async function gate(request: SandboxRequest): Promise<Reply> {
        const result = auth.authenticate(request.header('authorization'));
        if (!result.ok) return bobErrors.unauthorized();
        const caller = result.credential;
        const decision = limiter.hit(
          caller.username,
          definition.endpoint,
          definition.limit === null ? undefined : { limit: definition.limit },
        );
        const headers = limiter.headers(decision);
        if (!decision.allowed) return bobErrors.tooManyRequests(headers);
        for (const permission of definition.permissions ?? []) {
          if (!caller.permissions.has(permission)) return withHeaders(bobErrors.forbidden(permission), headers);
        }
        const reply = await definition.handler(request, caller);
        return Object.keys(headers).length > 0 ? withHeaders(reply, headers) : reply;
      }
    },
  };
}
