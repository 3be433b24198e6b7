import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  defaultRetryPolicy,
  PermissionError,
  ProviderError,
  RateLimitedError,
} from '../src/index.js';
import { seededRandom, VirtualClock } from '../src/testing/index.js';
import { type LocalServer, ok, rejection, sequence, startServer, status, testClient } from './local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HttpClient retries', () => {
  it('retries 500, 502 and 503 with full-jitter exponential backoff, then succeeds', async () => {
    server = await startServer(sequence(status(500), status(502), status(503), ok));
    const { client, clock } = testClient(server.baseUrl, { random: seededRandom(42) });

    const response = await client.get('/people');

    expect(response.body).toEqual({ ok: true });
    expect(server.received).toHaveLength(4);
    // Full jitter: the n-th wait is uniform in [0, base·2^(n-1)]; replaying the same seed gives the exact waits.
    const replay = seededRandom(42);
    const base = defaultRetryPolicy.baseDelayMs;
    const expected = [1, 2, 3].map((attempt) => Math.round(base * 2 ** (attempt - 1) * replay()));
    expect(clock.sleeps).toEqual(expected);
    clock.sleeps.forEach((ms, index) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(base * 2 ** index);
    });
    expect(client.stats.retries).toBe(3);
  });

  it('caps one backoff at maxDelayMs', async () => {
    server = await startServer(sequence(status(503), status(503), status(503), ok));
    // random() = 1 makes every wait the ceiling, so the cap is visible.
    const { client, clock } = testClient(server.baseUrl, {
      random: () => 1,
      retry: { baseDelayMs: 1000, maxDelayMs: 1500 },
    });
    await client.get('/people');
    expect(clock.sleeps).toEqual([1000, 1500, 1500]);
  });

  it('gives up after the retry limit with a ProviderError carrying the last status', async () => {
    server = await startServer(status(503, { message: 'maintenance' }));
    const { client, clock } = testClient(server.baseUrl, { retry: { limit: 2 } });
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(503);
    expect((error as ProviderError).message).toContain('maintenance');
    expect(server.received).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('does not retry a 4xx that is not in the policy (400)', async () => {
    server = await startServer(status(400, { message: 'bad filter', key: 'BAD_FILTER' }));
    const { client } = testClient(server.baseUrl);
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).providerCode).toBe('BAD_FILTER');
    expect(server.received).toHaveLength(1);
  });

  it('waits exactly Retry-After seconds on a 429, then succeeds', async () => {
    server = await startServer(sequence(status(429, { message: 'slow down' }, { 'retry-after': '2' }), ok));
    const { client, clock } = testClient(server.baseUrl);
    const response = await client.get('/people');
    expect(response.status).toBe(200);
    expect(clock.sleeps).toEqual([2000]);
    expect(server.received).toHaveLength(2);
  });

  it('waits until X-RateLimit-Reset (epoch seconds) on a 429', async () => {
    const clock = new VirtualClock(1_700_000_000_000);
    const resetAt = 1_700_000_007; // 7 s after the virtual "now"
    server = await startServer(
      sequence(status(429, { message: 'limit' }, { 'x-ratelimit-reset': String(resetAt) }), ok),
      clock,
    );
    const { client } = testClient(server.baseUrl, { clock });
    await client.get('/people');
    expect(clock.sleeps).toEqual([7000]);
    expect(server.received.map((request) => request.at)).toEqual([1_700_000_000_000, resetAt * 1000]);
  });

  it('honours Retry-After on a 503 too', async () => {
    server = await startServer(sequence(status(503, { message: 'maintenance' }, { 'retry-after': '3' }), ok));
    const { client, clock } = testClient(server.baseUrl);
    await client.get('/people');
    expect(clock.sleeps).toEqual([3000]);
  });

  it('backs off with jitter on a 429 that names no wait, then raises RateLimitedError', async () => {
    server = await startServer(status(429, { message: 'too many' }));
    const { client, clock } = testClient(server.baseUrl, { retry: { limit: 2 }, random: () => 1 });
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeNull();
    expect(clock.sleeps).toEqual([500, 1000]);
    expect(server.received).toHaveLength(3);
  });

  it('fails at once with RateLimitedError when Retry-After exceeds maxRetryAfterMs', async () => {
    server = await startServer(status(429, { message: 'come back in an hour' }, { 'retry-after': '3600' }));
    const { client, clock } = testClient(server.baseUrl, { retry: { maxRetryAfterMs: 60_000 } });
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(3_600_000);
    expect(server.received).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('raises AuthenticationError on 401 after exactly one request', async () => {
    server = await startServer(status(401, { message: 'invalid token' }, { 'retry-after': '1' }));
    const { client, clock } = testClient(server.baseUrl);
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(server.received).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('never retries a 401 even when the policy lists it and the adapter maps it to a retryable error', async () => {
    server = await startServer(status(401, { message: 'invalid token' }));
    const { client } = testClient(server.baseUrl, {
      retry: { statusCodes: [401, 403, 500] },
      mapError: ({ request }) => new ProviderError('mapped', { provider: 'testhr', request, retryable: true }),
    });
    await rejection(client.get('/people'));
    expect(server.received).toHaveLength(1);
  });

  it('raises PermissionError on 403 after exactly one request', async () => {
    server = await startServer(status(403, { message: 'missing permission: Work › View' }));
    const { client, clock } = testClient(server.baseUrl, { retry: { statusCodes: [403, 500] } });
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).message).toContain('Work › View');
    expect(server.received).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a POST unless it is marked idempotent', async () => {
    server = await startServer(sequence(status(503), ok));
    const { client } = testClient(server.baseUrl);
    const error = await rejection(client.post('/people/search', { fields: ['root.id'] }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(server.received).toHaveLength(1);
  });

  it('retries a POST marked idempotent, sending the same body again', async () => {
    server = await startServer(sequence(status(503), ok));
    const { client } = testClient(server.baseUrl);
    const response = await client.post('/people/search', { fields: ['root.id'] }, { idempotent: true });
    expect(response.body).toEqual({ ok: true });
    expect(server.received.map((request) => [request.method, request.body])).toEqual([
      ['POST', '{"fields":["root.id"]}'],
      ['POST', '{"fields":["root.id"]}'],
    ]);
  });
});
