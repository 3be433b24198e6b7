import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHrKit } from '@hrkit/core';
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

/** Forwards everything to `target`; answers of the id listing go through `corrupt` first. */
async function corruptingProxy(
  target: string,
  corrupt: () => Corruption | null,
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
    const idListing = request.url?.startsWith('/v1/people/search') && /"fields":\["root\.id"\]/.test(body.toString());
    if (mutation && idListing && answer.ok) {
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
