import type { ChangeEvent } from '@hrkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../src/index.js';
import { startTestFleet, type TestFleet } from './fleet-harness.js';
import { countingInbox } from './counting-inbox.js';

let fleet: TestFleet | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

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
    detectedAt: '2026-06-01T09:00:00.000Z',
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: 'employee.updated',
  };
}

/**
 * Connections `waiting` (deliveries pending), `quiet` (none), `held` (pending, but paused), plus `extra` more quiet
 * ones: what the scheduler's inbox rebuild must tell apart.
 */
async function fleetWithInboxes(extra: number): Promise<TestFleet> {
  const started = await startTestFleet(0);
  const ids = ['waiting', 'quiet', 'held', ...Array.from({ length: extra }, (_, n) => `quiet-${n}`)];
  for (const id of ids)
    await started.registry.add({
      id,
      provider: 'hibob',
      tenant: id,
      credentials: { serviceUserId: 'SERVICE-1', token: 'unused', baseUrl: 'http://127.0.0.1:1' },
      webhookSecret: 'whsec-0123456789abcdef',
    });
  await started.registry.pause('held', 'paused by an operator');
  for (const id of ['waiting', 'held'])
    await started.store.transaction((unit) =>
      unit.enqueueDelivery(id, { bodyHash: `body-${id}`, receivedAt: '2026-06-01T09:00:00.000Z', events: [event(id)] }),
    );
  return started;
}

describe('scheduler: rebuilding inbox drains', () => {
  it('reads every connection’s pending inbox in one query per tick when the store can, and no depth per connection', async () => {
    fleet = await fleetWithInboxes(20);
    const { inbox, calls } = countingInbox(fleet.store, true);
    const scheduler = new Scheduler(fleet.registry, fleet.queues, inbox);
    expect((await scheduler.tick(Date.now())).applies).toEqual(['waiting']);
    expect(calls).toEqual({ inboxDepth: [], inboxDepths: 1 });
    // The next tick: one query again; the drain already waits, so nothing new is enqueued.
    expect((await scheduler.tick(Date.now())).applies).toEqual([]);
    expect(calls).toEqual({ inboxDepth: [], inboxDepths: 2 });
  });

  it('falls back to inboxDepth per connection (not paused) for a store without the aggregate', async () => {
    fleet = await fleetWithInboxes(2);
    const { inbox, calls } = countingInbox(fleet.store, false);
    const scheduler = new Scheduler(fleet.registry, fleet.queues, inbox);
    expect((await scheduler.tick(Date.now())).applies).toEqual(['waiting']);
    expect([...calls.inboxDepth].sort()).toEqual(['quiet', 'quiet-0', 'quiet-1', 'waiting']);
  });
});
