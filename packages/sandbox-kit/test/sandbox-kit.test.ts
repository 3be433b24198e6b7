import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VirtualClock } from '@hrkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authorize,
  BasicAuthStore,
  basicAuthHeader,
  ControlError,
  jsonReply,
  mountControlApi,
  parseBasicAuth,
  rateLimitGate,
  type RunningServer,
  Router,
  SeededGenerator,
  SlidingWindowRateLimiter,
  startServer,
  streamReply,
  textReply,
  UniqueIdIssuer,
  WebhookSender,
} from '../src/index.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(router: Router, extra: Partial<Parameters<typeof startServer>[0]> = {}): Promise<RunningServer> {
  const server = await startServer({ routes: router, ...extra });
  cleanups.push(() => server.close());
  return server;
}

describe('Router', () => {
  it('matches path params and prefers literal segments regardless of order', () => {
    const router = new Router()
      .post('/v1/people/:id', () => jsonReply(200, 'byId'))
      .post('/v1/people/search', () => jsonReply(200, 'search'));
    const search = router.match('POST', '/v1/people/search');
    const byId = router.match('POST', '/v1/people/a%40b.com');
    expect(search && 'route' in search ? search.route.pattern : null).toBe('/v1/people/search');
    expect(byId && 'route' in byId ? byId.params : null).toEqual({ id: 'a@b.com' });
    expect(router.match('GET', '/v1/people/search')).toEqual({ methodNotAllowed: true });
    expect(router.match('POST', '/v1/nothing')).toBeUndefined();
  });
});

describe('startServer', () => {
  it('serves JSON, text, raw bodies, streams and 404s on an ephemeral 127.0.0.1 port', async () => {
    const router = new Router()
      .post('/echo/:name', (request) =>
        jsonReply(201, {
          name: request.params.name,
          bytes: request.rawBody.length,
          body: request.json(),
          q: request.query.get('q'),
        }),
      )
      .get('/text', () => textReply(200, 'Ping test'))
      .get('/stream', () =>
        streamReply(
          200,
          (function* () {
            yield '[';
            for (let i = 0; i < 3; i++) yield `${i ? ',' : ''}${i}`;
            yield ']';
          })(),
        ),
      );
    const server = await serve(router);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const echo = await fetch(`${server.url}/echo/ann?q=1`, { method: 'POST', body: '{"a":1}' });
    expect(echo.status).toBe(201);
    expect(await echo.json()).toEqual({ name: 'ann', bytes: 7, body: { a: 1 }, q: '1' });
    expect(await (await fetch(`${server.url}/text`)).text()).toBe('Ping test');
    expect(await (await fetch(`${server.url}/stream`)).json()).toEqual([0, 1, 2]);
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    const bad = await fetch(`${server.url}/echo/x`, { method: 'POST', body: '{oops' });
    expect(bad.status).toBe(400);
  });

  it('runs the before hook and applies seeded latency', async () => {
    const router = new Router().get('/secret', () => jsonReply(200, { ok: true }));
    const server = await serve(router, {
      before: (request) => (request.header('x-key') === 'k' ? undefined : jsonReply(401, { error: 'no key' })),
      latency: { minMs: 1, maxMs: 3, seed: 7 },
    });
    expect((await fetch(`${server.url}/secret`)).status).toBe(401);
    expect((await fetch(`${server.url}/secret`, { headers: { 'x-key': 'k' } })).status).toBe(200);
  });
});

describe('BasicAuthStore', () => {
  it('authenticates user:password (colons allowed in the password) and reports why it refuses', () => {
    const store = new BasicAuthStore<{ tag: string }>();
    store.add({ username: 'SU1', password: 'to:ken', permissions: ['people'], data: { tag: 'x' } });
    expect(parseBasicAuth(basicAuthHeader('SU1', 'to:ken'))).toEqual({ username: 'SU1', password: 'to:ken' });
    const ok = store.authenticate(basicAuthHeader('SU1', 'to:ken'));
    expect(ok.ok && ok.credential.data.tag).toBe('x');
    expect(store.authenticate(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(store.authenticate('rawLegacyToken')).toEqual({ ok: false, reason: 'scheme' });
    expect(store.authenticate(basicAuthHeader('SU1', 'wrong'))).toEqual({ ok: false, reason: 'wrong-password' });
    expect(store.authenticate(basicAuthHeader('nobody', 'x'))).toEqual({ ok: false, reason: 'unknown-user' });
    expect(store.secrets()).toEqual(['to:ken']);
  });

  it('authorize answers the provider 401/403 bodies', () => {
    const store = new BasicAuthStore<null>();
    store.add({ username: 'u', password: 'p', permissions: ['read'], data: null });
    const responder = {
      unauthorized: (reason: string) => jsonReply(401, { why: reason }),
      forbidden: (permission: string) => jsonReply(403, { missing: permission }),
    };
    expect(authorize(store, basicAuthHeader('u', 'x'), ['read'], responder)).toEqual({
      reply: { status: 401, json: { why: 'wrong-password' } },
    });
    expect(authorize(store, basicAuthHeader('u', 'p'), ['read', 'write'], responder)).toEqual({
      reply: { status: 403, json: { missing: 'write' } },
    });
    const ok = authorize(store, basicAuthHeader('u', 'p'), ['read'], responder);
    expect('credential' in ok && ok.credential.username).toBe('u');
  });
});

describe('SlidingWindowRateLimiter', () => {
  it('allows `limit` per window per credential and endpoint, then 429s until the oldest request leaves', () => {
    const clock = new VirtualClock(1_700_000_000_000);
    const limiter = new SlidingWindowRateLimiter({ clock, retryAfterHeader: true });
    const rule = { limit: 3 };
    for (let i = 0; i < 3; i++) {
      expect(limiter.hit('a', 'search', rule).allowed).toBe(true);
      clock.advance(10_000);
    }
    // t0 + 30 s: the 4th request in the window is blocked; the slot frees at t0 + 60 s.
    const blocked = limiter.hit('a', 'search', rule);
    expect(blocked).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetEpochSeconds: 1_700_000_060,
      retryAfterSeconds: 30,
    });
    expect(limiter.headers(blocked)).toEqual({
      'X-RateLimit-Limit': '3',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1700000060',
      'Retry-After': '30',
    });
    // Other credentials and endpoints have their own windows.
    expect(limiter.hit('b', 'search', rule).allowed).toBe(true);
    expect(limiter.hit('a', 'fields', rule).allowed).toBe(true);
    clock.advance(29_999);
    expect(limiter.hit('a', 'search', rule).allowed).toBe(false);
    clock.advance(1);
    const afterReset = limiter.hit('a', 'search', rule);
    expect(afterReset.allowed).toBe(true);
    expect(afterReset.remaining).toBe(0);
    const counters = limiter.snapshot();
    expect(counters.requestsByEndpoint).toEqual({ search: 7, fields: 1 });
    expect(counters.tooManyRequests).toBe(2);
    expect(counters.maxRequestsInAnyWindow).toBe(6);
  });

  it('rateLimitGate passes headers through or answers the provider 429', () => {
    const limiter = new SlidingWindowRateLimiter({ clock: new VirtualClock(0) });
    const input = { credential: 'a', endpoint: 'x', rule: { limit: 1 } };
    const tooMany = (headers: Record<string, string>) => jsonReply(429, { error: 'slow down' }, headers);
    expect(rateLimitGate(limiter, input, tooMany)).toEqual({
      headers: { 'X-RateLimit-Limit': '1', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '60' },
    });
    expect(rateLimitGate(limiter, input, tooMany)).toEqual({
      reply: {
        status: 429,
        json: { error: 'slow down' },
        headers: { 'X-RateLimit-Limit': '1', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '60' },
      },
    });
  });

  it('counts but never blocks when switched off', () => {
    const limiter = new SlidingWindowRateLimiter({ clock: new VirtualClock(0), enabled: false });
    for (let i = 0; i < 10; i++) expect(limiter.hit('a', 'x', { limit: 1 }).allowed).toBe(true);
    expect(limiter.snapshot()).toMatchObject({ totalRequests: 10, tooManyRequests: 0, maxRequestsInAnyWindow: 10 });
  });
});

describe('SeededGenerator', () => {
  function sample(seed: number) {
    const g = new SeededGenerator(seed);
    const ids = new UniqueIdIssuer(g.fork('ids'));
    return Array.from({ length: 5 }, () => ({
      name: `${g.firstName()} ${g.lastName()}`,
      date: g.date('2020-01-01', '2024-12-31'),
      pick: g.weightedPick([
        ['a', 1],
        ['b', 3],
      ] as const),
      id: ids.next(),
    }));
  }

  it('is deterministic per seed and differs across seeds', () => {
    expect(sample(42)).toEqual(sample(42));
    expect(sample(42)).not.toEqual(sample(43));
    for (const row of sample(42)) {
      expect(row.id).toMatch(/^[1-9]\d{18}$/);
      expect(row.date >= '2020-01-01' && row.date <= '2024-12-31').toBe(true);
    }
  });

  it('draws 100,000 ids quickly', () => {
    const started = performance.now();
    const issuer = new UniqueIdIssuer(new SeededGenerator(1));
    const ids = new Set(Array.from({ length: 100_000 }, () => issuer.next()));
    expect(ids.size).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

interface Receiver {
  url: string;
  received: Array<{ body: string; headers: Record<string, string | string[] | undefined> }>;
}

async function receiver(statuses: number[]): Promise<Receiver> {
  const received: Receiver['received'] = [];
  let call = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.statusCode = statuses[call++] ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('WebhookSender', () => {
  const sign = (body: Buffer, secret: string) => ({
    'Bob-Signature': createHmac('sha512', secret).update(body).digest('base64'),
  });

  it('retries on non-2xx with the schedule and keeps per-endpoint order', async () => {
    const target = await receiver([500, 503, 200, 200]);
    const sender = new WebhookSender({ sign, retryScheduleMs: [1, 2, 4] });
    cleanups.push(() => sender.close());
    const endpoint = sender.register({ url: target.url, secret: 's3cret' });
    sender.enqueue('{"n":1}');
    sender.enqueue('{"n":2}');
    await sender.idle();
    expect(target.received.map((r) => r.body)).toEqual(['{"n":1}', '{"n":1}', '{"n":1}', '{"n":2}']);
    expect(sender.log.map((a) => [a.deliveryId, a.attempt, a.status])).toEqual([
      [1, 0, 500],
      [1, 1, 503],
      [1, 2, 200],
      [2, 0, 200],
    ]);
    const expected = createHmac('sha512', 's3cret').update('{"n":1}').digest('base64');
    expect(target.received[0]!.headers['bob-signature']).toBe(expected);
    expect(endpoint.id).toBe('wh_1');
  });

  it('drops after the last retry and moves on; connection failures count as failures', async () => {
    const dropped: number[] = [];
    const sender = new WebhookSender({ sign, retryScheduleMs: [1], onDropped: (d) => dropped.push(d.deliveryId) });
    cleanups.push(() => sender.close());
    sender.register({ url: 'http://127.0.0.1:1/unreachable', secret: 'x' });
    sender.enqueue('a');
    await sender.flush();
    expect(dropped).toEqual([1]);
    expect(sender.log.map((a) => [a.attempt, a.status])).toEqual([
      [0, null],
      [1, null],
    ]);
    expect(sender.log[0]!.error).toBeTruthy();
  });
});

describe('mountControlApi', () => {
  it('routes JSON control calls, enforces the admin token and maps ControlError to its status', async () => {
    const router = new Router();
    const state = { count: 0 };
    mountControlApi(
      router,
      {
        'POST /counter/:by': (body, request) => {
          if (typeof body.note !== 'string') throw new ControlError(422, '"note" must be a string');
          state.count += Number(request.params.by);
          return { count: state.count };
        },
      },
      { adminToken: 'admin' },
    );
    const server = await serve(router);
    const call = (headers: Record<string, string>, body: unknown) =>
      fetch(`${server.url}/_sandbox/counter/2`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect((await call({}, { note: 'x' })).status).toBe(401);
    const bad = await call({ 'x-sandbox-admin-token': 'admin' }, {});
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: '"note" must be a string' });
    const ok = await call({ 'x-sandbox-admin-token': 'admin' }, { note: 'x' });
    expect(await ok.json()).toEqual({ count: 2 });
  });
});
