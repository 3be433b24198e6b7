import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bamboohr } from '@hrkit/bamboohr';
import { startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import { createHrKit, type Employee } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { MemorySyncStore, SyncEngine } from '@hrkit/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Bad provider data is reported, never turned into events: a proxy in front of the HiBob sandbox corrupts one person
 * of the id listing (`POST /v1/people/search` for `root.id`). The full sync must report the record (index, field)
 * and run no deletion pass — before, the person was dropped with a debug log and the sync emitted `deleted`.
 */

type Corruption = (people: Record<string, unknown>[]) => void;

/** Forwards everything to `target`; people searches whose body matches `which` (default: the id listing) go through `corrupt`. */
async function corruptingProxy(
  target: string,
  corrupt: () => Corruption | null,
  which: RegExp = /"fields":\["root\.id"\]/,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers))
      if (typeof value === 'string' && key !== 'host' && key !== 'content-length') headers[key] = value;
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    let text = await answer.text();
    const mutation = corrupt();
    const chosen = request.url?.startsWith('/v1/people/search') && which.test(body.toString());
    if (mutation && chosen && answer.ok) {
      const json = JSON.parse(text) as { employees: Record<string, unknown>[] };
      mutation(json.employees);
      text = JSON.stringify(json);
    }
    const out: Record<string, string> = {};
    answer.headers.forEach((value, key) => {
      if (key !== 'content-length' && key !== 'content-encoding' && key !== 'transfer-encoding') out[key] = value;
    });
    response.writeHead(answer.status, out).end(text);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('a HiBob listing with an unreadable person', () => {
  let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
  let proxy: { url: string; server: Server };
  let corruption: Corruption | null = null;
  beforeAll(async () => {
    sandbox = await startHiBobSandbox({ seed: 41, employees: 12, rateLimits: false });
    proxy = await corruptingProxy(sandbox.url, () => corruption);
  });
  afterAll(async () => {
    proxy?.server.close();
    await sandbox?.close();
  });

  it.each<[string, Corruption]>([
    [
      'missing id',
      (people) => {
        delete people[3]!.id;
        delete people[3]!['/root/id'];
      },
    ],
    [
      'non-string id',
      (people) => {
        people[3]!.id = { nested: true };
        people[3]!['/root/id'] = { value: { nested: true } };
      },
    ],
    [
      'duplicate id',
      (people) => {
        people[3]!.id = people[2]!.id;
        people[3]!['/root/id'] = people[2]!['/root/id'];
      },
    ],
  ])('%s: reported with its index and field, and no `deleted` for the live person', async (_name, corrupt) => {
    const connection = createHrKit({ providers: [hibob()] }).connect(
      'hibob',
      { ...sandbox.connectionConfig(), baseUrl: proxy.url },
      { rateLimits: false },
    );
    const store = new MemorySyncStore();
    const engine = new SyncEngine(store);
    corruption = null;
    await engine.sync(connection);
    corruption = corrupt;
    try {
      const result = await engine.sync(connection, { full: true });
      const events = (await store.listEvents('hibob')).map((stored) => stored.event);
      expect(events.filter((event) => event.action === 'deleted')).toEqual([]);
      expect(result.unreadable.employees).toBeGreaterThanOrEqual(1);
      expect(result.dataIssues).toEqual(
        expect.arrayContaining([expect.objectContaining({ entity: 'employee', recordIndex: 3, field: 'id' })]),
      );
      expect(result.warnings.join('\n')).toMatch(/no deletion pass/);
    } finally {
      corruption = null;
    }
  });
});

describe('a HiBob person with unreadable values', () => {
  let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
  let proxy: { url: string; server: Server };
  let target: string | null = null;
  beforeAll(async () => {
    sandbox = await startHiBobSandbox({ seed: 42, employees: 8, rateLimits: false });
    // Full reads (not the id listing) carry the person's values: corrupt their start date and first name.
    proxy = await corruptingFullReads(sandbox.url, () => target);
  });
  afterAll(async () => {
    proxy?.server.close();
    await sandbox?.close();
  });

  it('are left null on the record as typed data issues, listed by the sync, and never an `updated` event', async () => {
    const connection = createHrKit({ providers: [hibob()] }).connect(
      'hibob',
      { ...sandbox.connectionConfig(), baseUrl: proxy.url },
      { rateLimits: false },
    );
    const store = new MemorySyncStore();
    const engine = new SyncEngine(store);
    await engine.sync(connection);
    const before = (await store.listEvents('hibob')).length;
    target = sandbox.expected.employeeRemoteIds({ includeInactive: false })[1]!;
    const result = await engine.sync(connection, { full: true });
    expect((await store.listEvents('hibob')).slice(before)).toEqual([]);
    expect(result.dataIssues).toEqual(
      expect.arrayContaining([
        { entity: 'employee', recordId: target, field: 'startDate', value: '2026-13-45', reason: expect.any(String) },
        { entity: 'employee', recordId: target, field: 'name.first', value: { nested: true }, reason: 'not a text' },
      ]),
    );
    const row = await store.getRecord('hibob', 'employee', `hibob:${target}`);
    expect((row?.data as Employee | undefined)?.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    target = null;
  });
});

/** Forwards to `target`; in answers of full people reads, the person `who()` names gets unreadable values. */
function corruptingFullReads(target: string, who: () => string | null) {
  return corruptingProxy(
    target,
    () => {
      const id = who();
      if (!id) return null;
      return (people) => {
        for (const person of people) {
          if (person.id !== id) continue;
          if ('/work/startDate' in person) {
            person['/work/startDate'] = { value: '2026-13-45' };
            person.work = { ...(person.work as object), startDate: '2026-13-45' };
          }
          if ('/root/firstName' in person) {
            person['/root/firstName'] = { value: { nested: true } };
            person.firstName = { nested: true };
          }
        }
      };
    },
    /"fields":\["root\.id",/,
  );
}

describe('a BambooHR person with an unreadable hire date (sandbox control API)', () => {
  it('is reported as a data issue on startDate and hireDate, and the stored dates stay: no `updated`', async () => {
    const sandbox = await startBambooHrSandbox({ seed: 43, employees: 6, rateLimits: false });
    try {
      const connection = createHrKit({ providers: [bamboohr()] }).connect('bamboohr', sandbox.connectionConfig(), {
        rateLimits: false,
      });
      const store = new MemorySyncStore();
      const engine = new SyncEngine(store);
      await engine.sync(connection);
      const before = (await store.listEvents('bamboohr')).length;
      const target = sandbox.expected.employeeRemoteIds({ includeInactive: false })[1]!;
      const stored = (await store.getRecord('bamboohr', 'employee', `bamboohr:${target}`))?.data as Employee;
      sandbox.control.updateEmployee(target, { hireDate: '2026-13-45' });
      const result = await engine.sync(connection, { full: true });
      expect((await store.listEvents('bamboohr')).slice(before)).toEqual([]);
      expect(result.dataIssues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ entity: 'employee', recordId: target, field: 'startDate', value: '2026-13-45' }),
        ]),
      );
      const row = (await store.getRecord('bamboohr', 'employee', `bamboohr:${target}`))?.data as Employee;
      expect([row.startDate, row.hireDate]).toEqual([stored.startDate, stored.hireDate]);
    } finally {
      await sandbox.close();
    }
  });
});
