import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryPolicy, serverRequestedDelay } from '../src/index.js';

const NOW = 1_700_000_000_000;

describe('serverRequestedDelay', () => {
  it.each([
    ['Retry-After in seconds', { 'retry-after': '2' }, 2000],
    ['Retry-After with a fraction', { 'retry-after': '1.5' }, 1500],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(NOW + 5000).toUTCString() }, 5000],
    ['Retry-After date in the past', { 'retry-after': new Date(NOW - 5000).toUTCString() }, 0],
    ['X-RateLimit-Reset in epoch seconds', { 'x-ratelimit-reset': String(NOW / 1000 + 7) }, 7000],
    ['X-RateLimit-Reset in epoch milliseconds', { 'x-ratelimit-reset': String(NOW + 1234) }, 1234],
    ['X-RateLimit-Reset as seconds from now', { 'x-ratelimit-reset': '30' }, 30_000],
    ['RateLimit-Reset (IETF draft)', { 'ratelimit-reset': '3' }, 3000],
    ['Retry-After wins over a reset header', { 'retry-after': '1', 'x-ratelimit-reset': '30' }, 1000],
    ['a repeated header: the first value', { 'retry-after': ['4', '9'] }, 4000],
    ['nothing said', {}, null],
    ['an unreadable value', { 'x-ratelimit-reset': 'soon' }, null],
    ['an empty Retry-After', { 'retry-after': ' ' }, null],
  ] as const)('%s', (_name, headers, expected) => {
    expect(serverRequestedDelay(headers as Record<string, string | string[]>, NOW)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt and scales it by the random draw', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(defaultRetryPolicy, attempt, () => 1))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect(backoffDelay(defaultRetryPolicy, 3, () => 0.25)).toBe(500);
    expect(backoffDelay(defaultRetryPolicy, 3, () => 0)).toBe(0);
  });

  it('never exceeds maxDelayMs', () => {
    expect(backoffDelay(defaultRetryPolicy, 20, () => 0.999)).toBeLessThanOrEqual(defaultRetryPolicy.maxDelayMs);
  });

  it('never retries on 401 or 403 by default', () => {
    expect(defaultRetryPolicy.statusCodes).not.toContain(401);
    expect(defaultRetryPolicy.statusCodes).not.toContain(403);
  });
});
