import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT, ProviderError, TransportError, VERSION } from '../src/index.js';
import { type Handler, type LocalServer, ok, rejection, sequence, startServer, testClient } from './local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Promises 100 bytes of JSON, sends the first few, then drops the connection. */
const closesEarly: Handler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  response.write('{"employees":[{"id":');
  response.destroy();
};

/** A complete HTTP answer whose JSON is cut off (the provider's own bug). */
const cutJson: Handler = (_request, response) => {
  const text = '{"employees":[{"id":"1"';
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
};

const html: Handler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end('<html><body>Maintenance</body></html>');
};

describe('HttpClient bodies and transport', () => {
  it('retries a body the connection dropped before content-length was reached', async () => {
    server = await startServer(sequence(closesEarly, ok));
    const { client, clock } = testClient(server.baseUrl);
    const response = await client.get('/people');
    expect(response.body).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('raises TransportError once retries on a dropped body are exhausted', async () => {
    server = await startServer(closesEarly);
    const { client } = testClient(server.baseUrl, { retry: { limit: 2 } });
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).retryable).toBe(true);
    expect(server.received).toHaveLength(3);
  });

  it('retries a cut-off JSON body, then raises TransportError naming the request', async () => {
    server = await startServer(cutJson);
    const { client } = testClient(server.baseUrl, { retry: { limit: 1 } });
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toMatch(/GET \/people .*incomplete JSON/);
    expect((error as TransportError).status).toBe(200);
    expect(server.received).toHaveLength(2);
  });

  it('recovers when a cut-off JSON body is followed by a complete one', async () => {
    server = await startServer(sequence(cutJson, ok));
    const { client } = testClient(server.baseUrl);
    expect((await client.get('/people')).body).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });

  it('turns a request timeout into TransportError without waiting long', async () => {
    // The handler never answers; a 50 ms timeout keeps the test fast.
    server = await startServer(() => {});
    const { client } = testClient(server.baseUrl, { timeoutMs: 50, retry: { limit: 1 } });
    const started = Date.now();
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toContain('ETIMEDOUT');
    expect(server.received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('raises a non-retryable ProviderError for an HTML page answered with 200', async () => {
    server = await startServer(html);
    const { client } = testClient(server.baseUrl);
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).retryable).toBe(false);
    expect((error as ProviderError).message).toContain('text/html');
    expect(server.received).toHaveLength(1);
  });

  it('returns text untouched when the caller asks for text', async () => {
    server = await startServer(html);
    const { client } = testClient(server.baseUrl);
    const response = await client.get('/report', { responseType: 'text' });
    expect(response.body).toBe('<html><body>Maintenance</body></html>');
  });

  it('sends the default User-Agent with the hrkit version', async () => {
    server = await startServer(ok);
    const { client } = testClient(server.baseUrl);
    await client.get('/people');
    expect(DEFAULT_USER_AGENT).toBe(`hrkit/${VERSION}`);
    expect(server.received[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('sends the User-Agent the adapter sets, and its extra headers', async () => {
    server = await startServer(ok);
    const { client } = testClient(server.baseUrl, {
      userAgent: 'hrkit-hibob/0.1.0',
      headers: { 'x-client': 'tests' },
    });
    await client.get('/people', { searchParams: { showInactive: true, ids: ['1', '2'] } });
    const received = server.received[0]!;
    expect(received.headers['user-agent']).toBe('hrkit-hibob/0.1.0');
    expect(received.headers['x-client']).toBe('tests');
    expect(received.headers.accept).toBe('application/json');
    expect(received.url).toBe('/people?showInactive=true&ids=1&ids=2');
  });
});

describe('HttpClient without an answer', () => {
  it('raises TransportError when nothing listens, after the retries', async () => {
    const closed = await startServer(ok);
    const baseUrl = closed.baseUrl;
    await closed.close();
    const { client, clock } = testClient(baseUrl, { retry: { limit: 2 } });
    const error = await rejection(client.get('/people'));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toContain('ECONNREFUSED');
    expect(clock.sleeps).toHaveLength(2);
    expect(client.stats.requests).toBe(3);
  });

  it('stops at once with the abort reason when the caller aborts, instead of retrying', async () => {
    server = await startServer(() => {});
    const { client } = testClient(server.baseUrl, { timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = rejection(client.get('/people', { signal: controller.signal }));
    // Abort once the request reached the server, so the abort hits an in-flight request.
    while (server.received.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('caller gave up'));
    const error = await pending;
    expect((error as Error).message).toBe('caller gave up');
    expect(server.received).toHaveLength(1);
  });
});
