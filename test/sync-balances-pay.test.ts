import { bamboohr } from '@hrkit/bamboohr';
import { type BambooHrSandbox, startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import { createHrKit } from '@hrkit/core';
import { VirtualClock } from '@hrkit/core/testing';
import { MemorySyncStore, SyncEngine } from '@hrkit/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Balance and pay change events through the sync engine, opt-in like the reads (issue 16). */
const NOW = '2026-03-02T09:00:00.000Z';

describe('SyncEngine: time-off balance and compensation events', () => {
  let sandbox: BambooHrSandbox;
  beforeAll(async () => {
    sandbox = await startBambooHrSandbox({ seed: 5, employees: 20, now: NOW, rateLimits: false });
  });
  afterAll(() => sandbox.close());

  const connect = () =>
    createHrKit({ providers: [bamboohr()] }).connect('bamboohr', sandbox.connectionConfig(), {
      rateLimits: false,
      clock: new VirtualClock(Date.parse(NOW)),
    });
  const at = (minutes: number) => () => Date.parse(NOW) + minutes * 60_000;

  it('emits no balance or pay events unless the sync opts in', async () => {
    const store = new MemorySyncStore();
    await new SyncEngine(store).sync(connect(), { now: at(0) });
    const entities = new Set((await store.listEvents('bamboohr')).map((stored) => stored.event.entity));
    expect(entities.has('time_off_balance') || entities.has('compensation')).toBe(false);
  });

  it('creates, then reports only real changes: a new salary row and a balance moved by an approval', async () => {
    const store = new MemorySyncStore();
    const engine = new SyncEngine(store);
    const options = { includeBalances: true, includeCompensation: true };
    const first = await engine.sync(connect(), { ...options, now: at(0) });
    expect(first.counts.timeOffBalances?.created).toBeGreaterThan(0);
    expect(first.counts.compensation?.created).toBeGreaterThan(0);

    const quiet = await engine.sync(connect(), { ...options, now: at(5), full: true });
    expect(quiet.newEvents).toBe(0);

    const employee = [...sandbox.company.employees.values()].find((e) => !e.terminationDate)!;
    sandbox.control.addTableRow(employee.id, 'compensation', {
      startDate: '2026-03-01',
      rate: '123456.00',
      currency: 'USD',
      reason: 'Merit increase',
    });
    const request = sandbox.control.createTimeOffRequest({
      employeeId: employee.id,
      typeId: sandbox.company.types[0]!.id,
      // Leave already taken this year: the balance as of today drops by it.
      start: '2026-02-16',
      end: '2026-02-17',
    });
    sandbox.control.approve(request.id);
    const after = await engine.sync(connect(), { ...options, now: at(10), full: true });
    const events = (await store.listEvents('bamboohr')).map((stored) => stored.event).slice(-after.newEvents);
    const pay = events.filter((event) => event.entity === 'compensation');
    // The new row is created; the row it replaces now has an end date and is no longer current.
    expect(pay.map((event) => event.action).sort()).toEqual(['created', 'updated']);
    expect(pay.every((event) => event.employeeId === `bamboohr:${employee.id}`)).toBe(true);
    expect(pay.find((event) => event.action === 'updated')?.changedFields).toEqual(['endDate', 'isCurrent']);
    const balances = events.filter((event) => event.entity === 'time_off_balance');
    expect(balances.length).toBeGreaterThan(0);
    expect(
      balances.every((event) => event.action === 'updated' && event.employeeId === `bamboohr:${employee.id}`),
    ).toBe(true);
    // Events say what changed, never the amounts.
    expect(JSON.stringify(events)).not.toContain('123456');
  });
});
