import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitedError, type RateLimitRule, RateLimiter } from '../src/index.js';
import { VirtualClock } from '../src/testing/index.js';
import { type LocalServer, ok, rejection, sequence, startServer, status, testClient } from './local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const WINDOW = 60_000;
const LIMIT = 3;
const searchRule: RateLimitRule = { name: 'search', method: 'POST', path: /^\/people\/search$/, limit: LIMIT };

/** The most requests found in any half-open window [t, t + windowMs) starting at one of the times. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('client-side rate limiting', () => {
  it('makes the N+1-th request wait for the window', async () => {
    const clock = new VirtualClock();
    server = await startServer(ok, clock);
    const { client } = testClient(server.baseUrl, { clock, rateLimits: [searchRule] });
    for (let index = 0; index < LIMIT + 1; index++) await client.post('/people/search', {});
    expect(server.received.map((request) => request.at)).toEqual([0, 0, 0, WINDOW]);
    expect(clock.sleeps).toEqual([WINDOW]);
    expect(client.stats.rateLimitWaits).toBe(1);
  });

  it('never lets a window hold more than N requests across a burst of 3N', async () => {
    const clock = new VirtualClock();
    server = await startServer(ok, clock);
    const { client } = testClient(server.baseUrl, { clock, rateLimits: [searchRule] });
    for (let index = 0; index < 3 * LIMIT; index++) await client.post('/people/search', {});
    const arrivals = server.received.map((request) => request.at);
    expect(arrivals).toHaveLength(3 * LIMIT);
    expect(busiestWindow(arrivals, WINDOW)).toBe(LIMIT);
    expect(arrivals.at(-1)).toBe(2 * WINDOW);
  });

  it('counts a request until its answer arrives, since the provider counts it on arrival', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter([{ name: 'search', path: /^\/search$/, limit: 1, windowMs: 1_000 }], clock);
    const settle = await limiter.acquire('POST', '/search');
    clock.advance(400); // the answer takes 400 ms: the provider saw the request somewhere in [0, 400]
    settle();
    await limiter.acquire('POST', '/search');
    // Counting from the send would allow the next one at 1000 and risk two arrivals in one provider window.
    expect(clock.now()).toBe(1_400);
    expect(clock.sleeps).toEqual([1_400 - 400]);
  });

  it('keeps the window under concurrent acquirers', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter([{ ...searchRule, windowMs: 1000 }], clock);
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 3 * LIMIT }, async () => {
        await limiter.acquire('POST', '/people/search');
        granted.push(clock.now());
      }),
    );
    expect(granted).toEqual([0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000]);
    expect(busiestWindow(granted, 1000)).toBe(LIMIT);
  });

  it('does not delay requests no rule covers', async () => {
    const clock = new VirtualClock();
    server = await startServer(ok, clock);
    const { client } = testClient(server.baseUrl, { clock, rateLimits: [searchRule] });
    for (let index = 0; index < 3 * LIMIT; index++) await client.get('/people/1');
    expect(clock.sleeps).toEqual([]);
  });

  it('after a 429 with a reset header, holds every request under the rule until the reset', async () => {
    const clock = new VirtualClock(1_700_000_000_000);
    const resetSeconds = 1_700_000_030; // 30 s after the virtual "now"
    server = await startServer(
      sequence(status(429, { message: 'limit' }, { 'x-ratelimit-reset': String(resetSeconds) }), ok),
      clock,
    );
    const { client } = testClient(server.baseUrl, { clock, rateLimits: [searchRule] });
    // A plain POST is not retried, so the 429 surfaces; the limiter must still remember the reset.
    const error = await rejection(client.post('/people/search', {}));
    expect(error).toBeInstanceOf(RateLimitedError);
    await client.post('/people/search', {});
    expect(server.received.map((request) => request.at)).toEqual([1_700_000_000_000, resetSeconds * 1000]);
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('waits once, not twice, when a retried 429 also blocks the rule', async () => {
    const clock = new VirtualClock();
    server = await startServer(sequence(status(429, { message: 'limit' }, { 'retry-after': '2' }), ok), clock);
    const { client } = testClient(server.baseUrl, { clock, rateLimits: [searchRule] });
    await client.post('/people/search', {}, { idempotent: true });
    expect(clock.sleeps).toEqual([2000]);
    expect(server.received.map((request) => request.at)).toEqual([0, 2000]);
  });

  it('applies a block to an acquirer that is already waiting', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter([{ ...searchRule, limit: 2, windowMs: 1000 }], clock);
    await limiter.acquire('POST', '/people/search');
    await limiter.acquire('POST', '/people/search');
    const waiting = limiter.acquire('POST', '/people/search').then(() => clock.now());
    // The waiter went to sleep for the window; a 429 then says "nothing before t=5000".
    limiter.block('POST', '/people/search', 5000);
    expect(await waiting).toBe(5000);
  });
});

describe('a pluggable rate limiter', () => {
  it('is built from the client rules and told about a 429 reset instead of the in-process default', async () => {
    const clock = new VirtualClock(1_700_000_000_000);
    server = await startServer(
      sequence(status(429, { message: 'limit' }, { 'x-ratelimit-reset': '1700000030' }), ok),
      clock,
    );
    const calls: string[] = [];
    const { client } = testClient(server.baseUrl, {
      clock,
      rateLimits: [searchRule],
      rateLimiter: (rules) => {
        calls.push(`built with ${rules.map((rule) => rule.name).join(',')}`);
        return {
          acquire: async (method, path) => {
            calls.push(`acquire ${method} ${path}`);
            return () => calls.push('settle');
          },
          block: async (method, path, resetAt) => {
            calls.push(`block ${method} ${path} until ${resetAt}`);
          },
        };
      },
    });
    await expect(client.post('/people/search', {})).rejects.toBeInstanceOf(RateLimitedError);
    expect(calls).toEqual([
      'built with search',
      'acquire POST /people/search',
      'settle',
      'block POST /people/search until 1700000030000',
    ]);
  });
});
