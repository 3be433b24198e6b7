import type { ChangeEvent } from '@hrkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { FleetMetrics } from '../src/index.js';
import { startTestFleet, type TestFleet } from './fleet-harness.js';
import { countingInbox } from './counting-inbox.js';

let fleet: TestFleet | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

const T0 = '2026-06-01T09:00:00.000Z';

function event(id: string): ChangeEvent {
  return {
    id,
    provider: 'hibob',
    entity: 'employee',
    action: 'updated',
    entityId: `hibob:${id}`,
    remoteId: id,
    employeeId: `hibob:${id}`,
    occurredAt: null,
    detectedAt: T0,
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: 'employee.updated',
  };
}

/**
 * `quiet-0…quiet-<extra-1>` with empty inboxes, `waiting` with 2 pending items, `mixed` with 1 pending and 1 dead,
 * `given-up` with 2 dead only: what the inbox gauge must tell apart.
 */
async function fleetWithInboxes(extra: number): Promise<TestFleet> {
  const started = await startTestFleet(0);
  const ids = ['waiting', 'mixed', 'given-up', ...Array.from({ length: extra }, (_, n) => `quiet-${n}`)];
  for (const id of ids)
    await started.registry.add({
      id,
      provider: 'hibob',
      tenant: id,
      credentials: { serviceUserId: 'SERVICE-1', token: 'unused', baseUrl: 'http://127.0.0.1:1' },
      webhookSecret: 'whsec-0123456789abcdef',
    });
  for (const id of ['waiting', 'mixed', 'given-up'])
    await started.store.transaction((unit) =>
      unit.enqueueDelivery(id, {
        bodyHash: `body-${id}`,
        receivedAt: T0,
        events: [event(`${id}-1`), event(`${id}-2`)],
      }),
    );
  const give = async (connectionId: string, count: number) => {
    const seqs = (await started.store.listInbox(connectionId)).slice(0, count).map((item) => item.seq);
    await started.store.transaction((unit) =>
      unit.markInboxFailed(connectionId, seqs, { error: 'ProviderError PROVIDER HTTP 503', retryAt: null }),
    );
  };
  await give('mixed', 1);
  await give('given-up', 2);
  return started;
}

function inboxLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('hrkit_fleet_inbox_items{'))
    .sort();
}

const line = (connection: string, status: string, value: number) =>
  `hrkit_fleet_inbox_items{connection="${connection}",provider="hibob",status="${status}"} ${value}`;

const EXPECTED = (extra: number) =>
  [
    line('waiting', 'pending', 2),
    line('waiting', 'dead', 0),
    line('mixed', 'pending', 1),
    line('mixed', 'dead', 1),
    line('given-up', 'pending', 0),
    line('given-up', 'dead', 2),
    ...Array.from({ length: extra }, (_, n) => [
      line(`quiet-${n}`, 'pending', 0),
      line(`quiet-${n}`, 'dead', 0),
    ]).flat(),
  ].sort();

describe('metrics: the inbox gauge', () => {
  it('reads every connection’s pending and dead items in one query per scrape when the store can', async () => {
    fleet = await fleetWithInboxes(20);
    const { inbox, calls } = countingInbox(fleet.store, true);
    const metrics = new FleetMetrics();
    metrics.watch({ registry: fleet.registry, queues: fleet.queues, inbox });
    expect(inboxLines(await metrics.text())).toEqual(EXPECTED(20));
    expect(calls).toEqual({ inboxDepth: [], inboxDepths: 1 });
    // The next scrape: one query again, and the values follow the store (`waiting` drained).
    const seqs = (await fleet.store.listInbox('waiting')).map((item) => item.seq);
    await fleet.store.transaction((unit) => unit.markInboxApplied('waiting', seqs, T0));
    const next = inboxLines(await metrics.text());
    expect(next).toContain(line('waiting', 'pending', 0));
    expect(next).toContain(line('given-up', 'dead', 2));
    expect(calls).toEqual({ inboxDepth: [], inboxDepths: 2 });
  });

  it('falls back to inboxDepth per connection for a store without the aggregate, with the same values', async () => {
    fleet = await fleetWithInboxes(2);
    const { inbox, calls } = countingInbox(fleet.store, false);
    const metrics = new FleetMetrics();
    metrics.watch({ registry: fleet.registry, queues: fleet.queues, inbox });
    expect(inboxLines(await metrics.text())).toEqual(EXPECTED(2));
    expect([...calls.inboxDepth].sort()).toEqual(['given-up', 'mixed', 'quiet-0', 'quiet-1', 'waiting']);
  });
});
