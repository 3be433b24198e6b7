import type { CapabilityName } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import type { SyncStore } from '../src/index.js';
import { BAMBOO_LIKE, HIBOB_LIKE, requestFixture } from '../src/testing/index.js';
import { brief, harness } from './harness.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

/** Bad provider data is reported, never turned into events (docs/sync.md "Data issues"). */
describe.each(STORE_KINDS)('bad provider data (%s store)', (_kind, open) => {
  let store: SyncStore;
  freshStorePerTest(open, (opened) => {
    store = opened;
  });

  it('an unreadable record makes the listing incomplete: no deletion pass, and the run says how many and why', async () => {
    const h = harness(store, HIBOB_LIKE);
    for (const id of ['1', '2', '3']) h.company.addEmployee(id);
    await h.sync();
    // Person 2's record comes back unreadable (say, a non-string id): it is not in the listing, yet not deleted.
    h.company.employees.delete('2');
    h.company.unreadableEmployees = [{ recordIndex: 1, field: 'id', value: 42, reason: 'id is not a string' }];
    const result = await h.sync({ full: true });
    expect(brief(await h.events()).filter((line) => line.includes('deleted'))).toEqual([]);
    expect(result.unreadable).toEqual({ employees: 1, timeOffRequests: 0 });
    expect(result.dataIssues).toEqual([
      { entity: 'employee', recordIndex: 1, field: 'id', value: 42, reason: 'id is not a string' },
    ]);
    expect(result.warnings.join('\n')).toMatch(/employees listing had unreadable records .* no deletion pass/);
    // Once the listing reads cleanly again, absence means deleted.
    h.company.unreadableEmployees = [];
    await h.sync({ full: true });
    expect(brief(await h.events())).toContain('employee 2 deleted');
  });

  it('a duplicate id is a reported data issue, never a second record nor a deleted', async () => {
    const h = harness(store, HIBOB_LIKE);
    for (const id of ['1', '2', '3']) h.company.addEmployee(id);
    await h.sync();
    // A corrupted listing: person 2 is missing and person 1 appears twice (2's record carried 1's id).
    h.company.employees.delete('2');
    h.company.duplicateEmployeeIds = ['1'];
    const result = await h.sync({ full: true });
    expect(brief(await h.events())).toEqual(['employee 1 created', 'employee 2 created', 'employee 3 created']);
    expect(result.dataIssues).toEqual([
      expect.objectContaining({
        entity: 'employee',
        recordId: '1',
        field: 'id',
        reason: expect.stringMatching(/duplicate id/),
      }),
    ]);
    expect(result.unreadable.employees).toBe(1);
    expect((await store.listRecords('fake', 'employee')).map((row) => row.id)).toEqual(['fake:1', 'fake:2', 'fake:3']);
  });

  it('a value that fails to parse is kept as stored and listed, never nulled into an `updated` event', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    await h.sync();
    h.company.updateEmployee('1', (e) => ({
      ...e,
      hireDate: null,
      dataIssues: [{ field: 'hireDate', value: '2026-13-45', reason: 'not a date' }],
    }));
    const result = await h.sync();
    expect(result.newEvents).toBe(0);
    expect(result.dataIssues).toEqual([
      { entity: 'employee', recordId: '1', field: 'hireDate', value: '2026-13-45', reason: 'not a date' },
    ]);
    const row = await store.getRecord('fake', 'employee', 'fake:1');
    expect((row?.data as { hireDate?: string } | undefined)?.hireDate).toBe('2024-01-01');
    // A real change next to an unreadable value is still reported, naming only the real change.
    h.company.updateEmployee('1', (e) => ({ ...e, jobTitle: 'CTO' }));
    await h.sync();
    expect(brief(await h.events()).at(-1)).toBe('employee 1 updated [jobTitle]');
  });

  it('a time-off amount that fails to parse is listed, not turned into an event', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addRequest('r1', '1');
    await h.sync();
    h.company.advance(60_000);
    h.company.addRequest('r1', '1', {
      amount: null,
      dataIssues: [{ field: 'amount', value: 'lots', reason: 'not a number' }],
    });
    const result = await h.sync();
    expect(result.newEvents).toBe(0);
    expect(result.dataIssues).toEqual([
      { entity: 'time_off_request', recordId: 'r1', field: 'amount', value: 'lots', reason: 'not a number' },
    ]);
  });

  it('a feed resolves the same request by its own timestamp: an older snapshot arriving last never wins', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addRequest('r1', '1', {
      status: { value: 'approved', source: null },
      updatedAt: '2026-06-01T08:00:00.000Z',
    });
    h.company.staleFeedSnapshots = [
      {
        ...requestFixture('fake', 'r1', '1'),
        status: { value: 'requested', source: null },
        updatedAt: '2026-05-30T08:00:00.000Z',
      },
    ];
    await h.sync();
    expect(brief(await h.events())).toEqual(['employee 1 created', 'time_off_request r1 created']);
    const row = await store.getRecord('fake', 'time_off_request', 'fake:r1');
    expect((row?.data as { status: { value: string } } | undefined)?.status.value).toBe('approved');
  });

  const paths: [string, CapabilityName[]][] = [
    ['HiBob-like feed', HIBOB_LIKE],
    ['BambooHR-like range read', BAMBOO_LIKE],
  ];
  it.each(paths)(
    'a request that ends before it starts is a data issue, neither skipped silently nor accepted (%s)',
    async (_name, capabilities) => {
      const h = harness(store, capabilities);
      h.company.addEmployee('1');
      h.company.addRequest('r1', '1', {
        start: { date: '2026-06-10', portion: 'all_day', time: null },
        end: { date: '2026-06-05', portion: 'all_day', time: null },
      });
      const result = await h.sync();
      expect(await store.getRecord('fake', 'time_off_request', 'fake:r1')).toBeNull();
      expect(result.dataIssues).toEqual([
        expect.objectContaining({
          entity: 'time_off_request',
          recordId: 'r1',
          field: 'end.date',
          value: '2026-06-05',
          reason: expect.stringMatching(/ends .* before it starts/),
        }),
      ]);
      expect(result.unreadable.timeOffRequests).toBe(1);
    },
  );
});
