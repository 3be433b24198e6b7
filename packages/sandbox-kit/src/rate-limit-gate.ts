import type { SandboxRateLimitRule, SlidingWindowRateLimiter } from './rate-limiter.js';
import type { Reply } from './reply.js';

/**
 * Counts one request and either lets it through with the `X-RateLimit-*` headers to add to the answer,
 * or returns the provider's 429 (the sandbox supplies the body; the headers come from the limiter).
 */
export function rateLimitGate(
  limiter: SlidingWindowRateLimiter,
  input: { credential: string; endpoint: string; rule: SandboxRateLimitRule | undefined },
  tooManyRequests: (headers: Record<string, string>) => Reply,
): { headers: Record<string, string> } | { reply: Reply } {
  const decision = limiter.hit(input.credential, input.endpoint, input.rule);
  const headers = limiter.headers(decision);
  return decision.allowed ? { headers } : { reply: tooManyRequests(headers) };
}
