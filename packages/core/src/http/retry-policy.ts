/** How the toolkit retries. Defaults suit HR APIs: few retries, generous waits, never on auth failures. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 4. */
  limit: number;
  /** First backoff step; doubles each attempt, with full jitter. Default 500 ms. */
  baseDelayMs: number;
  /** Cap on one computed backoff. Default 30 s. */
  maxDelayMs: number;
  /** Longest server-requested wait (Retry-After, reset headers) the toolkit accepts; longer fails at once. Default 10 min. */
  maxRetryAfterMs: number;
  /** Status codes worth retrying. 401 and 403 are never retried whatever this says. */
  statusCodes: readonly number[];
}

export const defaultRetryPolicy: RetryPolicy = {
  limit: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 600_000,
  statusCodes: [408, 425, 429, 500, 502, 503, 504],
};

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * random());
}

type HeaderValue = string | string[] | undefined;

/**
 * How long the server asked us to wait, from `Retry-After` (seconds or HTTP date) or a rate-limit reset
 * header (`X-RateLimit-Reset` as epoch seconds, epoch ms, or seconds-from-now). Null when it did not say.
 */
export function serverRequestedDelay(headers: Record<string, HeaderValue>, now: number): number | null {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfter = first('retry-after');
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = first('x-ratelimit-reset') ?? first('ratelimit-reset');
  if (reset !== undefined && reset.trim() !== '') {
    const value = Number(reset);
    if (!Number.isFinite(value)) return null;
    if (value > 1e12) return Math.max(0, value - now); // epoch milliseconds
    if (value > 1e9) return Math.max(0, value * 1000 - now); // epoch seconds
    return Math.max(0, value * 1000); // seconds from now
  }
  return null;
}
