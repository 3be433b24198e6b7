import { type ChangeEvent, createHrKit } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySyncStore, SyncEngine } from '@hrkit/sync';

/**
 * HiBob "hard updates": editing a request's dates creates a new request id pointing back at the old one, and the old
 * one is cancelled. The sync must report both — the new request `created` with `previousRemoteId`, the old one by
 * its new status — so a consumer can follow the edit chain.
 */
describe('time-off edit chains from the HiBob changes feed', () => {
  let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
  beforeAll(async () => {
    sandbox = await startHiBobSandbox({ seed: 4, employees: 12, rateLimits: false });
  });
  afterAll(() => sandbox?.close());

  it('reports the new request with previousRemoteId and the old one by its status', async () => {
    const connection = createHrKit({ providers: [hibob()] }).connect('hibob', sandbox.connectionConfig(), {
      rateLimits: false,
    });
    const store = new MemorySyncStore();
    const engine = new SyncEngine(store);
    const employeeId = sandbox.expected.employeeRemoteIds({ includeInactive: false })[0]!;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const original = (await (
      await fetch(`${sandbox.url}/_sandbox/timeoff/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          employeeId,
          policyType: 'Holiday',
          type: 'days',
          startDate: day(30),
          endDate: day(31),
          status: 'approved',
        }),
      })
    ).json()) as { requestId: number };
    await engine.sync(connection);
    const seen = (await store.listEvents('hibob')).length;

    const edited = (await (
      await fetch(`${sandbox.url}/_sandbox/timeoff/requests/${original.requestId}/edit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ startDate: day(32), endDate: day(33) }),
      })
    ).json()) as { requestId: number };
    const result = await engine.sync(connection);
    expect(result.mode).toBe('incremental');
    const events: ChangeEvent[] = (await store.listEvents('hibob')).slice(seen).map((stored) => stored.event);
    expect(events.map((e) => [e.remoteId, e.action, e.previousRemoteId])).toEqual(
      expect.arrayContaining([
        [String(edited.requestId), 'created', String(original.requestId)],
        [String(original.requestId), expect.stringMatching(/^(cancelled|deleted)$/), null],
      ]),
    );
    expect(events).toHaveLength(2);
  });
});
