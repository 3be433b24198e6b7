import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bamboohr } from '@hrkit/bamboohr';
import { startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import { createHrKit, type Employee } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { personio } from '@hrkit/personio';
import { startPersonioSandbox } from '@hrkit/personio/sandbox';
import type { SandboxHandle } from '@hrkit/sandbox-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyWebhook, MemorySyncStore, SyncEngine, type SyncStore, summarize } from '@hrkit/sync';
import { SqliteSyncStore } from '@hrkit/sync/sqlite';

/**
 * The sync engine as a library (no CLI) against each real adapter and its sandbox: the memory and SQLite stores end
 * identical, a re-sync finds nothing, a real signed delivery goes through applyWebhook, and the summary adds up.
 */
type Delivery = { body: string; headers: Record<string, string> };
/** A signature covers the body, so a changed body is forged; Personio's static token covers only the sender. */
const changedBody = (delivery: Delivery) => ({ ...delivery, body: `${delivery.body} ` });
const cases = [
  {
    provider: 'hibob',
    forge: changedBody,
    start: () => startHiBobSandbox({ seed: 9, employees: 30, rateLimits: false }),
  },
  {
    provider: 'bamboohr',
    forge: changedBody,
    start: () => startBambooHrSandbox({ seed: 9, employees: 30, rateLimits: false }),
  },
  {
    provider: 'personio',
    forge: (delivery: Delivery) => ({ ...delivery, headers: { ...delivery.headers, authorization: 'whk_guessed' } }),
    start: () => startPersonioSandbox({ seed: 9, employees: 30, rateLimits: false }),
  },
] as const;

describe.each(cases)('SyncEngine against the $provider sandbox', ({ provider, forge, start }) => {
  let sandbox: SandboxHandle;
  let dir: string;
  beforeAll(async () => {
    sandbox = await start();
    dir = mkdtempSync(join(tmpdir(), `hrkit-sync-${provider}-`));
  });
  afterAll(async () => {
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const connect = () =>
    createHrKit({ providers: [hibob(), bamboohr(), personio()] }).connect(provider, sandbox.connectionConfig(), {
      rateLimits: false,
    });
  const snapshot = async (store: SyncStore) => ({
    records: [
      ...(await store.listRecords(provider, 'employee', { includeDeleted: true })),
      ...(await store.listRecords(provider, 'time_off_request', { includeDeleted: true })),
    ],
    events: (await store.listEvents(provider)).map((stored) => stored.event),
  });

  it('ends identical in memory and SQLite, finds nothing on re-sync, and summarizes every employee', async () => {
    const connection = connect();
    const fixed = Date.now();
    const memory = new MemorySyncStore();
    const sqlite = new SqliteSyncStore(join(dir, 'store.sqlite'));
    try {
      for (const store of [memory, sqlite]) {
        const first = await new SyncEngine(store).sync(connection, { now: () => fixed });
        expect(first.counts.employees.created).toBe(
          sandbox.expected.employeeRemoteIds({ includeInactive: true }).length,
        );
        const again = await new SyncEngine(store).sync(connection, { now: () => fixed + 60_000, full: true });
        expect([again.newEvents, again.warnings]).toEqual([0, []]);
      }
      const fromMemory = await snapshot(memory);
      expect(fromMemory.records.length).toBeGreaterThan(30);
      expect(await snapshot(sqlite)).toEqual(fromMemory);

      const summary = await summarize(sqlite, { connectionId: provider, connection });
      const all = sandbox.expected.employeeRemoteIds({ includeInactive: true }).length;
      expect(summary.headcount + summary.terminated + summary.deleted).toBe(all);
      expect(Object.values(summary.byWorkerKind).reduce((a, b) => a + b, 0)).toBe(summary.headcount);
      expect(summary.outTodaySource).toBe(connection.supports('timeOff.outToday') ? 'provider' : 'store');
    } finally {
      await memory.close();
      await sqlite.close();
    }
  });

  it('applies a real signed delivery: fetches the record, and a forged one changes nothing', async () => {
    const connection = connect();
    const store = new MemorySyncStore();
    await new SyncEngine(store).sync(connection);
    const delivery = sandbox.webhooks!.sampleDelivery();
    const result = await applyWebhook(store, connection, delivery, sandbox.webhooks!.secret);
    expect(result.kind).toBe('events');
    expect(result.received).toBeGreaterThan(0);
    // The sample event points at a record the sync already holds as the provider has it: nothing new to report.
    expect(result.applied).toEqual([]);

    // Make the stored copy stale: the delivery must fetch the record and restore it, emitting the provider's event.
    const outcome = connection.webhooks.handle(delivery, sandbox.webhooks!.secret);
    const employeeEvent = outcome.kind === 'events' ? outcome.events.find((e) => e.entity === 'employee') : undefined;
    expect(employeeEvent).toBeDefined();
    const id = employeeEvent!.entityId;
    const row = (await store.getRecord(provider, 'employee', id))!;
    await store.transaction((unit) =>
      unit.putRecord(provider, {
        ...row,
        fingerprint: 'stale',
        data: { ...(row.data as Employee), jobTitle: 'stale' },
      }),
    );
    const refreshed = await applyWebhook(store, connection, delivery, sandbox.webhooks!.secret);
    expect(refreshed.applied.map((event) => [event.entityId, event.origin])).toEqual([[id, 'webhook']]);
    const restored = await store.getRecord(provider, 'employee', id);
    expect((restored?.data as Employee | undefined)?.jobTitle).not.toBe('stale');

    const forged = forge(delivery);
    const before = await store.listEvents(provider);
    await expect(applyWebhook(store, connection, forged, sandbox.webhooks!.secret)).rejects.toMatchObject({
      code: 'WEBHOOK_VERIFICATION',
    });
    expect(await store.listEvents(provider)).toEqual(before);
  });
});
