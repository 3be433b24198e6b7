import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, serverRequestedDelay, TransportError } from '@hrkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultKind, type FaultProxy, SkippingClock, startFaultProxy, throughProxy } from '../src/faults/index.js';

// Upstream: echoes the path in a JSON body large enough to cut.
let upstream: Server;
let target: string;
let upstreamHits = 0;
beforeAll(async () => {
  upstream = createServer((request, response) => {
    upstreamHits++;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ path: request.url, items: Array.from({ length: 20 }, (_, index) => ({ index })) }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

const withProxy = async <T>(
  options: { seed?: number; rate?: number; faults?: FaultKind[]; slowMs?: number },
  body: (proxy: FaultProxy) => Promise<T>,
): Promise<T> => {
  const proxy = await startFaultProxy({ target, ...options });
  try {
    return await body(proxy);
  } finally {
    await proxy.close();
  }
};

const client = (proxy: FaultProxy, timeoutMs = 2_000) =>
  new HttpClient({ provider: 'test', baseUrl: proxy.url, timeoutMs, retry: { limit: 0 }, clock: new SkippingClock() });

/** The raw outcome of one request, without the HTTP toolkit's interpretation. */
async function raw(url: string): Promise<{ status: number; headers: Headers; text: string } | { error: string }> {
  try {
    const response = await fetch(url);
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    return { error: String((error as Error).cause ?? error) };
  }
}

describe('startFaultProxy', () => {
  it('keeps the target path in its url and refuses non-loopback targets', async () => {
    await withProxy({ rate: 0 }, async (proxy) => {
      expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const answer = await raw(`${proxy.url}/people?x=1`);
      expect(answer).toMatchObject({ status: 200 });
      expect(JSON.parse((answer as { text: string }).text).path).toBe('/v1/people?x=1');
      expect(proxy.stats).toMatchObject({ requests: 1, passed: 1 });
    });
    await expect(startFaultProxy({ target: 'http://example.com' })).rejects.toMatchObject({
      code: 'CONFIGURATION',
      field: 'target',
    });
    await expect(startFaultProxy({ target, rate: 2 })).rejects.toMatchObject({ field: 'rate' });
    await expect(startFaultProxy({ target, faults: ['boom' as FaultKind] })).rejects.toThrow(/unknown fault "boom"/);
  });

  it('is deterministic for a seed: the same requests get the same faults', async () => {
    const run = (seed: number) =>
      withProxy({ seed, rate: 0.3, faults: ['429', '5xx', 'truncate'] }, async (proxy) => {
        for (let index = 0; index < 40; index++) await raw(`${proxy.url}/page/${index % 8}`);
        return proxy.log.map((entry) => entry.fault);
      });
    const first = await run(5);
    expect(await run(5)).toEqual(first);
    expect(await run(6)).not.toEqual(first);
    const injected = first.filter((fault) => fault !== null).length;
    expect(injected).toBeGreaterThan(4);
    expect(injected).toBeLessThan(24);
  });

  it('429 carries a tiny advertised wait and never reaches the target', async () => {
    await withProxy({ rate: 1, faults: ['429'] }, async (proxy) => {
      const before = upstreamHits;
      const styles = new Set<string>();
      for (let index = 0; index < 12; index++) {
        const answer = await raw(`${proxy.url}/r/${index}`);
        expect(answer).toMatchObject({ status: 429 });
        const headers = Object.fromEntries((answer as { headers: Headers }).headers);
        styles.add(headers['retry-after'] !== undefined ? 'retry-after' : 'x-ratelimit-reset');
        const wait = serverRequestedDelay(headers, Date.now());
        expect(wait).not.toBeNull();
        expect(wait).toBeLessThanOrEqual(1_000);
      }
      expect(styles).toEqual(new Set(['retry-after', 'x-ratelimit-reset']));
      expect(upstreamHits).toBe(before);
      expect(proxy.stats.injected['429']).toBe(12);
    });
  });

  it('5xx answers a server error', async () => {
    await withProxy({ rate: 1, faults: ['5xx'] }, async (proxy) => {
      const answer = await raw(`${proxy.url}/x`);
      expect((answer as { status: number }).status).toBeGreaterThanOrEqual(500);
    });
  });

  it('truncate sends valid headers with a body cut short: the client sees incomplete JSON', async () => {
    await withProxy({ rate: 1, faults: ['truncate'] }, async (proxy) => {
      const answer = (await raw(`${proxy.url}/x`)) as { status: number; text: string; headers: Headers };
      expect(answer.status).toBe(200);
      expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(answer.text));
      expect(() => JSON.parse(answer.text)).toThrow();
      await expect(client(proxy).get('/x')).rejects.toThrow(/incomplete JSON/);
    });
  });

  it('drop destroys the connection mid-body', async () => {
    await withProxy({ rate: 1, faults: ['drop'] }, async (proxy) => {
      expect(await raw(`${proxy.url}/x`)).toHaveProperty('error');
      await expect(client(proxy).get('/x')).rejects.toBeInstanceOf(TransportError);
    });
  });

  it('slow holds the answer past the client timeout', async () => {
    await withProxy({ rate: 1, faults: ['slow'], slowMs: 300 }, async (proxy) => {
      const error = await client(proxy, 60)
        .get('/x')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).retryable).toBe(true);
      // Without a short timeout the same answer arrives whole.
      expect((await client(proxy).get<{ path: string }>('/x')).body.path).toBe('/v1/x');
    });
  });

  it('throughProxy moves a config onto the proxy, keeping the base path, and refuses a base URL off the sandbox', () => {
    const config = { apiKey: 'k', baseUrl: 'http://127.0.0.1:4000/api/v1' };
    expect(throughProxy(config, 'http://127.0.0.1:4000', 'http://127.0.0.1:5000')).toEqual({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:5000/api/v1',
    });
    expect(() => throughProxy(config, 'http://127.0.0.1:4001', 'http://127.0.0.1:5000')).toThrow(/not on the sandbox/);
    expect(() => throughProxy({}, 'http://127.0.0.1:4000', 'http://127.0.0.1:5000')).toThrow(/baseUrl/);
  });
});
