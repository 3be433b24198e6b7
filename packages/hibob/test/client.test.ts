import { AuthenticationError, createHrKit, NotFoundError, PermissionError, ProviderError } from '@hrkit/core';
import { MemoryLogger, VirtualClock } from '@hrkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { hibob } from '../src/internal.js';
import { json, startLocalServer } from './helpers/local-server.js';

const SERVICE_USER = 'SERVICE-USER-4711';
const TOKEN = 'tok_9f8e7d6c5b4a3210secret';
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function connect(handler: Parameters<typeof startLocalServer>[0], options: { rateLimits?: boolean } = {}) {
  const server = await startLocalServer(handler);
  servers.push(server);
  const logger = new MemoryLogger();
  const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
  const kit = createHrKit({ providers: [hibob()] });
  const bob = kit.connect(
    'hibob',
    { serviceUserId: SERVICE_USER, token: TOKEN, baseUrl: server.url },
    { logger, clock, rateLimits: options.rateLimits ?? false },
  );
  return { bob, server, logger, clock };
}

function expectNoSecrets(text: string) {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(Buffer.from(`${SERVICE_USER}:${TOKEN}`).toString('base64'));
}

describe('HiBob client behaviour against a scripted local server', () => {
  it('sends Basic auth with the service user, and a 401 is an AuthenticationError that is never retried', async () => {
    const { bob, server, logger } = await connect((_request, response) =>
      json(response, 401, { key: 'unauthorized', error: `bad credentials for ${TOKEN}` }),
    );
    const error = await bob.employees.get('3332883884017713238').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.received).toHaveLength(1); // no retry: HiBob's WAF blocks repeated failed logins
    expect(server.received[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SERVICE_USER}:${TOKEN}`).toString('base64')}`,
    );
    expect((error as Error).message).toMatch(/service user/);
    expectNoSecrets(JSON.stringify(error));
    expectNoSecrets((error as Error).message + String((error as Error).stack));
    expectNoSecrets(logger.text());
  });

  it('maps 403 to a PermissionError naming the HiBob permission, without retrying', async () => {
    const { bob, server } = await connect((request, response) => {
      if (request.url.startsWith('/v1/timeoff/whosout'))
        return json(response, 403, { key: 'forbidden', error: 'No access' });
      return json(response, 500, {});
    });
    const error = await (async () => {
      for await (const _ of bob.timeOff.whosOut({ from: '2026-03-01', to: '2026-03-07' })) void _;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).permission).toBe("People's Data › Time off › See who's out");
    expect((error as Error).message).toContain('HiBob said: "No access"');
    expect(server.received).toHaveLength(1);
  });

  it('refuses an HTML page served with 200 instead of JSON', async () => {
    const { bob } = await connect((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html><body>Bob</body></html>');
    });
    await expect(bob.connector.check()).resolves.toBeDefined();
    const error = await (async () => {
      for await (const _ of bob.timeOff.policies()) void _;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toMatch(/text\/html/);
  });

  it('sends Content-Type only with a body, never filters: [], and retries POST /people/search (a read) after a 503', async () => {
    const { bob, server } = await connect((request, response, index) => {
      if (request.url === '/v1/company/people/fields')
        return json(response, 200, [
          { id: 'root.id', categoryId: 'root', name: 'Id', jsonPath: 'id', type: 'text', typeData: {} },
        ]);
      if (request.url.startsWith('/v1/company/named-lists')) return json(response, 200, {});
      if (request.url === '/v1/people/search' && index === 2) return json(response, 503, { key: 'x', error: 'busy' });
      if (request.url === '/v1/people/search') {
        const body = JSON.parse(request.body) as { filters?: { values: string[] }[] };
        const ids = body.filters?.[0]?.values ?? ['3332883884017713238'];
        return json(response, 200, { employees: ids.map((id) => ({ id, '/root/id': { value: id } })) });
      }
      return json(response, 404, {});
    });
    const ids: string[] = [];
    for await (const employee of bob.employees.list()) ids.push(employee.remoteId);
    expect(ids).toEqual(['3332883884017713238']);
    const gets = server.received.filter((request) => request.method === 'GET');
    const posts = server.received.filter((request) => request.method === 'POST');
    for (const get of gets) expect(get.headers['content-type']).toBeUndefined();
    for (const post of posts) expect(post.headers['content-type']).toMatch(/application\/json/);
    expect(posts).toHaveLength(3); // ids, one 503, its retry
    const first = JSON.parse(posts[0]!.body) as Record<string, unknown>;
    expect(first).not.toHaveProperty('filters');
    expect(first.fields).toEqual(['root.id']);
    expect(JSON.parse(posts[2]!.body).filters).toEqual([
      { fieldPath: 'root.id', operator: 'equals', values: ['3332883884017713238'] },
    ]);
  });

  it('maps 404 on /people/{id} to NotFoundError("employee"), reading by email too', async () => {
    const { bob, server } = await connect((request, response) => {
      if (request.url === '/v1/company/people/fields') return json(response, 200, []);
      if (request.url.startsWith('/v1/company/named-lists')) return json(response, 200, {});
      return json(response, 404, { key: 'not_found', error: 'Employee not found' });
    });
    const error = await bob.employees.get('nobody@example.com').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).entity).toBe('employee');
    expect((error as NotFoundError).entityId).toBe('nobody@example.com');
    expect(server.received.at(-1)?.url).toBe('/v1/people/nobody%40example.com');
  });

  it('waits client-side under the 50/min people-search allowance instead of collecting 429s', async () => {
    const { bob, server, clock } = await connect(
      (request, response) => {
        if (request.url === '/v1/company/people/fields')
          return json(response, 200, [{ id: 'root.id', categoryId: 'root', name: 'Id', jsonPath: 'id', typeData: {} }]);
        if (request.url.startsWith('/v1/company/named-lists')) return json(response, 200, {});
        const body = JSON.parse(request.body) as { filters?: { values: string[] }[] };
        const ids =
          body.filters?.[0]?.values ??
          Array.from({ length: 60 }, (_, index) => String(4000000000000000000n + BigInt(index)));
        return json(response, 200, { employees: ids.map((id) => ({ id })) });
      },
      { rateLimits: true },
    );
    const kit = createHrKit({ providers: [hibob({ searchBatchSize: 1 })] });
    const small = kit.connect(
      'hibob',
      { serviceUserId: SERVICE_USER, token: TOKEN, baseUrl: server.url },
      { clock, rateLimits: true },
    );
    let count = 0;
    const started = clock.now();
    for await (const _ of small.employees.list()) count++;
    expect(count).toBe(60);
    expect(server.received.filter((request) => request.url === '/v1/people/search')).toHaveLength(61);
    expect(clock.now() - started).toBeGreaterThanOrEqual(60_000); // the 51st search waited for the window
    void bob;
  });
});

describe('named lists', () => {
  it('fall back to one call per list when the index is unavailable, and are fetched once per connection', async () => {
    const { bob, server } = await connect((request, response) => {
      if (request.url === '/v1/company/people/fields')
        return json(response, 200, [
          { id: 'root.id', categoryId: 'root', name: 'Id', jsonPath: 'id', typeData: {} },
          {
            id: 'work.title',
            categoryId: 'work',
            name: 'Title',
            jsonPath: 'work.title',
            type: 'list',
            typeData: { listId: 'title' },
          },
        ]);
      if (request.url.startsWith('/v1/company/named-lists/title'))
        return json(response, 200, {
          name: 'title',
          values: [{ id: 7, value: 'Engineer', name: 'Engineer', archived: false, children: [] }],
        });
      if (request.url.startsWith('/v1/company/named-lists'))
        return json(response, 404, { key: 'x', error: 'no index' });
      if (request.url === '/v1/people/search')
        return json(response, 200, { employees: [{ id: '3332883884017713238', work: { title: '7' } }] });
      return json(response, 404, {});
    });
    const first = await collect(bob.employees.list());
    const second = await collect(bob.employees.list());
    expect(first[0]?.jobTitle).toBe('Engineer');
    expect(second[0]?.jobTitle).toBe('Engineer');
    const listCalls = server.received.filter((request) => request.url.startsWith('/v1/company/named-lists'));
    expect(listCalls.map((request) => request.url.split('?')[0])).toContain('/v1/company/named-lists/title');
    const metadataCalls = server.received.filter((request) => request.url === '/v1/company/people/fields');
    expect(metadataCalls).toHaveLength(1);
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('request shaping', () => {
  const FIELDS = [
    { id: 'root.id', categoryId: 'root', name: 'Id', jsonPath: 'id', typeData: {} },
    ...Array.from({ length: 450 }, (_, index) => ({
      id: `work.custom.field_${1651169416000 + index}`,
      categoryId: 'work',
      categoryDisplayName: 'Work',
      name: `Custom ${index}`,
      jsonPath: `work.custom.field_${1651169416000 + index}`,
      type: 'text',
      typeData: {},
    })),
  ];
  const ID = '3332883884017713238';

  it('splits more than 400 fields over several searches and joins the answers per employee', async () => {
    const { bob, server } = await connect((request, response) => {
      if (request.url === '/v1/company/people/fields') return json(response, 200, FIELDS);
      if (request.url.startsWith('/v1/company/named-lists')) return json(response, 200, {});
      const body = JSON.parse(request.body) as { fields: string[]; filters?: unknown };
      const custom: Record<string, string> = {};
      for (const field of body.fields)
        if (field.startsWith('work.custom.')) custom[field.slice('work.custom.'.length)] = `v-${field}`;
      return json(response, 200, { employees: [{ id: ID, work: { custom } }] });
    });
    const [employee] = await collect(bob.employees.list());
    const searches = server.received.filter((request) => request.url === '/v1/people/search').slice(1);
    expect(searches).toHaveLength(2);
    for (const search of searches)
      expect((JSON.parse(search.body) as { fields: string[] }).fields.length).toBeLessThanOrEqual(400);
    expect(Object.keys(employee!.customFields)).toHaveLength(450);
    expect(employee!.customFields['work.custom.field_1651169416449']?.value).toBe('v-work.custom.field_1651169416449');
  });

  it('walks bulk history pages with identical filters and the cursor URL-encoded', async () => {
    const ids = ['3332883884017713238', '3332883884017713239'];
    const { bob, server } = await connect((request, response) => {
      const url = new URL(request.url, 'http://x');
      if (url.pathname.startsWith('/v1/company/'))
        return json(response, 200, url.pathname.endsWith('fields') ? [] : {});
      const table = url.pathname.split('/').at(-1);
      const cursor = url.searchParams.get('cursor');
      const row = (id: number) => ({ id, effectiveDate: `2024-0${id}-01` });
      if (!cursor)
        return json(response, 200, {
          results: [{ employeeId: ids[0], values: [row(1)] }],
          response_metadata: { next_cursor: 'a+b/c==' },
        });
      return json(response, 200, {
        results: [{ employeeId: ids[1], values: [row(2)] }],
        response_metadata: { next_cursor: null },
        table,
      });
    });
    const history = await collect(bob.employees.history({ employeeIds: ids }));
    expect(history).toHaveLength(6); // 3 tables × 2 pages × 1 row
    const bulk = server.received.filter((request) => request.url.startsWith('/v1/bulk/people/work'));
    expect(bulk).toHaveLength(2);
    const [first, second] = bulk.map((request) => new URL(request.url, 'http://x').searchParams);
    for (const key of ['employeeIds', 'limit', 'includeArchived']) expect(second!.get(key)).toBe(first!.get(key));
    expect(first!.get('employeeIds')).toBe(ids.join(','));
    expect(second!.get('cursor')).toBe('a+b/c==');
    expect(bulk[1]!.url).toContain('cursor=a%2Bb%2Fc%3D%3D');
  });
});
