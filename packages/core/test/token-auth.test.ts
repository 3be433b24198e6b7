import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, clientCredentials, type HttpClientOptions } from '../src/index.js';
import {
  type Handler,
  type LocalServer,
  rejection,
  type ReceivedRequest,
  sendJson,
  startServer,
  testClient,
} from './local-server.js';

const SECRET = 'client-secret-9f8e7d6c';
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A provider with a token endpoint: `POST /oauth/token` issues `token-<n>` (lifetime `lifetime` s) and `GET /data`
 * wants the newest one. `exchangeFailures` 503s are answered first; `refuse` makes /data answer 401 once.
 */
function provider(options: { lifetime?: number; exchangeFailures?: number; refuseOnce?: boolean; reject?: boolean }) {
  let issued = 0;
  let failures = options.exchangeFailures ?? 0;
  let refuse = options.refuseOnce ?? false;
  const handler: Handler = (request: ReceivedRequest, response) => {
    if (request.url.startsWith('/oauth/token')) {
      if (failures > 0) {
        failures--;
        return sendJson(response, 503, { error: 'busy' });
      }
      if (options.reject) return sendJson(response, 401, { error: `invalid_client ${SECRET}` });
      issued++;
      return sendJson(response, 200, { access_token: `token-${issued}-abcdef`, expires_in: options.lifetime ?? 3600 });
    }
    const auth = request.headers.authorization;
    if (auth !== `Bearer token-${issued}-abcdef` || refuse) {
      refuse = false;
      return sendJson(response, 401, { error: `token ${auth} refused` });
    }
    return sendJson(response, 200, { ok: true });
  };
  return handler;
}

function tokenClient(baseUrl: string, extra: Partial<HttpClientOptions> = {}) {
  return testClient(baseUrl, {
    auth: {
      kind: 'token',
      exchange: clientCredentials({ path: '/oauth/token', clientId: 'client-1', clientSecret: SECRET }),
    },
    ...extra,
  });
}

const paths = (received: ReceivedRequest[]) => received.map((request) => `${request.method} ${request.url}`);

describe('token auth', () => {
  it('exchanges once with the credentials in the form body (never the URL) and caches the token', async () => {
    server = await startServer(provider({}));
    const { client } = tokenClient(server.baseUrl);
    await client.get('/data');
    await client.get('/data');
    expect(paths(server.received)).toEqual(['POST /oauth/token', 'GET /data', 'GET /data']);
    const exchange = server.received[0]!;
    expect(exchange.url).not.toContain(SECRET);
    expect(new URLSearchParams(exchange.body).get('client_secret')).toBe(SECRET);
    expect(new URLSearchParams(exchange.body).get('grant_type')).toBe('client_credentials');
    expect(exchange.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('concurrent first calls share one exchange', async () => {
    server = await startServer(provider({}));
    const { client } = tokenClient(server.baseUrl);
    await Promise.all([client.get('/data'), client.get('/data'), client.get('/data')]);
    expect(paths(server.received).filter((path) => path.startsWith('POST'))).toHaveLength(1);
  });

  it('refreshes before expiry (default 60 s ahead), on the injected clock', async () => {
    server = await startServer(provider({ lifetime: 600 }));
    const { client, clock } = tokenClient(server.baseUrl);
    await client.get('/data');
    clock.advance(539_000);
    await client.get('/data');
    expect(paths(server.received).filter((path) => path.startsWith('POST'))).toHaveLength(1);
    clock.advance(2_000); // now within 60 s of expiry
    await client.get('/data');
    expect(paths(server.received)).toEqual([
      'POST /oauth/token',
      'GET /data',
      'GET /data',
      'POST /oauth/token',
      'GET /data',
    ]);
  });

  it('re-authenticates once when a request is refused with 401, then succeeds', async () => {
    server = await startServer(provider({ refuseOnce: true }));
    const { client } = tokenClient(server.baseUrl);
    await expect(client.get('/data')).resolves.toMatchObject({ status: 200 });
    expect(paths(server.received)).toEqual(['POST /oauth/token', 'GET /data', 'POST /oauth/token', 'GET /data']);
  });

  it('a second 401 after re-authenticating is an AuthenticationError (no loop)', async () => {
    const always401: Handler = (request, response) =>
      request.url.startsWith('/oauth/token')
        ? sendJson(response, 200, { access_token: 'token-xyz-123456', expires_in: 3600 })
        : sendJson(response, 401, { error: 'no' });
    server = await startServer(always401);
    const { client } = tokenClient(server.baseUrl);
    expect(await rejection(client.get('/data'))).toBeInstanceOf(AuthenticationError);
    expect(server.received).toHaveLength(4);
  });

  it('retries a failed exchange like any idempotent read (it creates nothing)', async () => {
    server = await startServer(provider({ exchangeFailures: 2 }));
    const { client, clock } = tokenClient(server.baseUrl);
    await client.get('/data');
    expect(paths(server.received)).toEqual([
      'POST /oauth/token',
      'POST /oauth/token',
      'POST /oauth/token',
      'GET /data',
    ]);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('a refused exchange is an AuthenticationError without the secret; the runtime token is redacted', async () => {
    server = await startServer(provider({ reject: true }));
    const { client, logger } = tokenClient(server.baseUrl, {});
    client.redactor.add(SECRET);
    const error = (await rejection(client.get('/data'))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/refused the client credentials at POST \/oauth\/token \(401\)/);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(SECRET);
    expect(logger.text()).not.toContain(SECRET);
  });

  it('the runtime token never appears in an error, even when the provider echoes it', async () => {
    const echo: Handler = (request, response) =>
      request.url.startsWith('/oauth/token')
        ? sendJson(response, 200, { access_token: 'runtime-token-5551234', expires_in: 3600 })
        : sendJson(response, 500, { error: `bad request with ${request.headers.authorization}` });
    server = await startServer(echo);
    const { client, logger } = tokenClient(server.baseUrl, { retry: { limit: 0 } });
    const error = (await rejection(client.get('/data'))) as Error;
    expect(error.message).toContain('[REDACTED]');
    expect(error.message).not.toContain('runtime-token-5551234');
    expect(logger.text()).not.toContain('runtime-token-5551234');
  });

  it('json bodies and provider-specific token answers (e.g. { data: { token } })', async () => {
    const handler: Handler = (request, response) =>
      request.url === '/auth'
        ? sendJson(response, 200, { success: true, data: { token: 'personio-like-token-1' } })
        : sendJson(response, request.headers.authorization === 'Bearer personio-like-token-1' ? 200 : 401, {});
    server = await startServer(handler);
    const { client } = testClient(server.baseUrl, {
      auth: {
        kind: 'token',
        exchange: clientCredentials({
          path: '/auth',
          clientId: 'id-1',
          clientSecret: SECRET,
          body: 'json',
          read: (body) => {
            const token = (body as { data?: { token?: unknown } }).data?.token;
            return typeof token === 'string' ? { value: token } : null;
          },
        }),
      },
    });
    await client.get('/data');
    expect(JSON.parse(server.received[0]!.body)).toEqual({ client_id: 'id-1', client_secret: SECRET });
  });
});
