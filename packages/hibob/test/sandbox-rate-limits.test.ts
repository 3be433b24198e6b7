import { VirtualClock } from '@hrkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { HiBobSandbox } from '../src/sandbox/index.js';
import { call, NOW, sandbox } from './sandbox-helpers.js';

let bob: HiBobSandbox | undefined;
afterEach(async () => {
  await bob?.close();
  bob = undefined;
});

describe('rate limits', () => {
  it('answers the 51st search in a minute with 429, X-RateLimit-* headers and {key, error}; frees after the window', async () => {
    const clock = new VirtualClock(Date.parse(NOW));
    bob = await sandbox({ employees: 10, clock });
    const config = bob.connectionConfig();
    const search = () => call(config, 'POST', '/v1/people/search', { fields: ['root.id'] });
    for (let i = 0; i < 50; i++) {
      const ok = await search();
      expect(ok.status).toBe(200);
      if (i === 0) expect(ok.headers.get('x-ratelimit-remaining')).toBe('49');
      clock.advance(1_000);
    }
    const limited = await search();
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      key: 'too_many_requests',
      error: 'Rate limit exceeded. Check the X-RateLimit-Reset header.',
    });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('50');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Date.parse(NOW) / 1000 + 60));
    expect(limited.headers.get('retry-after')).toBeNull();
    // Another endpoint and another service user have their own windows.
    expect((await call(config, 'GET', '/v1/company/people/fields')).status).toBe(200);
    const other = bob.control.createServiceUser({});
    expect((await call(other, 'POST', '/v1/people/search', { fields: ['root.id'] })).status).toBe(200);
    clock.advance(10_000); // t0 + 60 s: the first request left the window
    expect((await search()).status).toBe(200);

    const counters = (await call<Record<string, unknown>>(config, 'GET', '/_sandbox/rate-limits')).body;
    expect(counters).toMatchObject({
      enabled: true,
      tooManyRequests: 1,
      requestsByEndpoint: { 'people.search': 53, 'metadata.fields': 1 },
      // 50 + the 429 + the other user at t0+50 s; at t0+60 s the first one has left the window.
      maxRequestsInAnyWindowByEndpoint: { 'people.search': 52 },
    });
  });

  it('can add Retry-After and can be switched off', async () => {
    const clock = new VirtualClock(Date.parse(NOW));
    bob = await sandbox({ employees: 10, clock, retryAfterHeader: true });
    const config = bob.connectionConfig();
    for (let i = 0; i < 50; i++) await call(config, 'GET', '/v1/company/named-lists');
    const limited = await call(config, 'GET', '/v1/company/named-lists');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    await call(config, 'POST', '/_sandbox/rate-limits', { enabled: false });
    expect((await call(config, 'GET', '/v1/company/named-lists')).status).toBe(200);
  });

  it('honours rateLimits: false', async () => {
    bob = await sandbox({ employees: 10, rateLimits: false, clock: new VirtualClock(Date.parse(NOW)) });
    const config = bob.connectionConfig();
    for (let i = 0; i < 55; i++) expect((await call(config, 'GET', '/v1/company/people/fields')).status).toBe(200);
    expect(bob.control.rateLimitCounters().tooManyRequests).toBe(0);
  });
});

describe('WAF simulation', () => {
  it('blocks a service user after repeated 401s when switched on, and lifts the block later', async () => {
    const clock = new VirtualClock(Date.parse(NOW));
    bob = await sandbox({ employees: 10, clock, waf: { threshold: 3, windowMs: 60_000, blockMs: 120_000 } });
    const bad = bob.badConnectionConfig();
    for (let i = 0; i < 3; i++) expect((await call(bad, 'GET', '/v1/company/people/fields')).status).toBe(401);
    const blocked = await call(bob.connectionConfig(), 'GET', '/v1/company/people/fields');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ key: 'blocked' });
    expect((await call(bob.restrictedConnection().config, 'GET', '/v1/company/people/fields')).status).toBe(200);
    clock.advance(120_000);
    expect((await call(bob.connectionConfig(), 'GET', '/v1/company/people/fields')).status).toBe(200);
  });

  it('is off by default: 401s never turn into blocks', async () => {
    bob = await sandbox({ employees: 10, clock: new VirtualClock(Date.parse(NOW)) });
    for (let i = 0; i < 10; i++)
      expect((await call(bob.badConnectionConfig(), 'GET', '/v1/company/people/fields')).status).toBe(401);
    expect((await call(bob.connectionConfig(), 'GET', '/v1/company/people/fields')).status).toBe(200);
  });
});
