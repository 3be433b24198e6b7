import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bamboohr } from '@hrkit/bamboohr';
import { ConfigurationError, createHrKit, HttpClient } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Record ids go into request paths (docs/security.md). `.` and `..` survive encodeURIComponent, so
 * `timeOff.request('..', '..')` used to request `/v1/timeoff/` with the connection's credentials. Every provider is
 * pointed at one recording server: a refused id must fail with a typed error and reach no server at all.
 */

const received: string[] = [];
const server = createServer((request, response) => {
  received.push(request.url ?? '');
  response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const kit = createHrKit({ providers: [hibob(), bamboohr()] });
const connections = () => [
  kit.connect('hibob', { serviceUserId: 'service-user', token: 'token-0123456789', baseUrl }, { retryLimit: 0 }),
  kit.connect('bamboohr', { companyDomain: 'acme', apiKey: 'key-0123456789', baseUrl }, { retryLimit: 0 }),
];

const HOSTILE = ['..', '.', '', '   ', 'a\u0000b', 'line\nbreak', '\u007f', 'tab\there'];

describe('record ids are checked before any request', () => {
  it.each(HOSTILE)('refuses the id %j on timeOff.request and employees.get of every provider', async (id) => {
    received.length = 0;
    for (const connection of connections()) {
      await expect(connection.timeOff.request(id, id)).rejects.toBeInstanceOf(ConfigurationError);
      await expect(connection.timeOff.request('1', id)).rejects.toThrow(/requestRemoteId/);
      await expect(connection.employees.get(id)).rejects.toBeInstanceOf(ConfigurationError);
    }
    expect(received).toEqual([]);
  });

  it('refuses dot segments in the HTTP toolkit too, for adapters called without the facade', async () => {
    received.length = 0;
    const bamboo = connections()[1];
    await expect(bamboo?.connector.getEmployee?.('..', {})).rejects.toBeInstanceOf(ConfigurationError);
    const http = new HttpClient({ provider: 'any', baseUrl, retry: { limit: 0 } });
    for (const path of ['/v1/timeoff/../..', '/v1/a/./b', '/v1/%2E%2e/x', '/v1/%2e', '/v1/a\u0000b', '/v1/..?x=1'])
      await expect(http.get(path)).rejects.toBeInstanceOf(ConfigurationError);
    expect(received).toEqual([]);
  });

  it('still sends ordinary ids, dots inside them included', async () => {
    received.length = 0;
    const [bob] = connections();
    await expect(bob?.employees.get('first.last')).rejects.toThrow();
    expect(received.length).toBeGreaterThan(0);
  });
});
