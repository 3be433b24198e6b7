import { createHrKit, type HttpRequest } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { MemorySyncStore, SyncEngine } from '@hrkit/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * HiBob's changes feed says `Canceled` for a declined request too, so the sync confirms a feed cancellation by reading
 * the request (docs/sync.md › Time off). Those reads fall under HiBob's 50-per-minute allowance: a full re-sync that
 * finds no change must not send them again (docs/performance.md › Listing, time-off memory and confirmations).
 */
const HOUR = 3_600_000;
const REQUEST_READ = /^\/v1\/timeoff\/employees\/[^/]+\/requests\/[^/]+$/;

describe('confirmation reads against the HiBob sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
  beforeAll(async () => {
    sandbox = await startHiBobSandbox({ seed: 1, employees: 300, rateLimits: false });
  });
  afterAll(() => sandbox?.close());

  function connect() {
    const connection = createHrKit({ providers: [hibob()] }).connect('hibob', sandbox.connectionConfig(), {
      rateLimits: false,
    });
    const http = (connection.connector as unknown as { client: { http: { request(r: HttpRequest): unknown } } }).client
      .http;
    const paths: string[] = [];
    const send = http.request.bind(http);
    http.request = (request: HttpRequest) => {
      paths.push(request.path);
      return send(request);
    };
    return { connection, reads: () => paths.filter((path) => REQUEST_READ.test(path)).length };
  }

  it('reads each feed cancellation once; a full re-sync with no change reads none and changes nothing', async () => {
    const store = new MemorySyncStore();
    const engine = new SyncEngine(store);
    const first = connect();
    // The sandbox stamps its latest changes (declines among them) at start-up; the syncs run an hour and two hours
    // later, so that the second one's look at the feed since its cursor (minus the overlap) finds no change.
    const later = (hours: number) => () => Date.now() + hours * HOUR;
    const result = await engine.sync(first.connection, { full: true, now: later(1) });
    const stored = await store.listRecords('hibob', 'time_off_request', { includeDeleted: true });
    const declined = stored.filter(
      (record) => (record.data as { status: { value: string } }).status.value === 'declined',
    );
    expect(declined.length).toBeGreaterThan(0);
    expect(first.reads()).toBeGreaterThanOrEqual(declined.length);
    expect(result.counts.timeOffRequests.created).toBe(stored.length);

    const snapshot = (records: typeof stored) =>
      records.map((record) => [record.id, record.fingerprint, record.version]);
    const again = connect();
    const second = await engine.sync(again.connection, { full: true, now: later(2) });
    expect(again.reads()).toBe(0);
    expect(second.newEvents).toBe(0);
    expect(snapshot(await store.listRecords('hibob', 'time_off_request', { includeDeleted: true }))).toEqual(
      snapshot(stored),
    );
  });
});
