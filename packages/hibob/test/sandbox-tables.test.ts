import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HiBobSandbox } from '../src/sandbox/index.js';
import { call, sandbox } from './sandbox-helpers.js';

let bob: HiBobSandbox;
beforeAll(async () => {
  bob = await sandbox({ employees: 120 });
});
afterAll(() => bob.close());

type Rows = { values: Array<Record<string, unknown>> };
type Bulk = {
  results: Array<{ employeeId: string; values: Array<Record<string, unknown>> }>;
  response_metadata: { next_cursor: string | null };
  errors: Array<{ employeeId: string; code: string }>;
};

describe('employee tables', () => {
  it('serves work history with dated rows, one current row and the real field names', async () => {
    const promoted = bob.state.employees.find(
      (e) => e.changeDate !== null && e.changeDate <= '2026-06-15' && e.terminationDate === null,
    )!;
    const response = await call<Rows>(bob.connectionConfig(), 'GET', `/v1/people/${promoted.id}/work`);
    expect(response.status).toBe(200);
    const rows = response.body.values;
    expect(rows.map((row) => row.effectiveDate)).toEqual([promoted.startDate, promoted.changeDate]);
    expect(rows.map((row) => row.isCurrent)).toEqual([false, true]);
    expect(rows[1]).toMatchObject({
      title: promoted.title,
      department: promoted.department,
      siteId: promoted.siteId,
      site: bob.state.siteName(promoted.siteId!),
      workChangeType: 'Promotion',
      endEffectiveDate: null,
      activeEffectiveDate: promoted.changeDate,
      customColumns: {},
    });
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'id',
        'effectiveDate',
        'endEffectiveDate',
        'isCurrent',
        'canBeDeleted',
        'creationDate',
        'modificationDate',
        'change',
        'activeEffectiveDate',
        'customColumns',
        'department',
        'reportsTo',
        'site',
        'siteId',
        'title',
        'workChangeType',
      ].sort(),
    );
  });

  it('serves employment rows with display-string contract and lifecycle rows with statuses', async () => {
    const leaver = bob.state.employees.find((e) => e.terminationDate !== null)!;
    const employment = await call<Rows>(bob.connectionConfig(), 'GET', `/v1/people/${leaver.id}/employment`);
    expect(employment.body.values[0]).toMatchObject({
      contract: bob.state.listItemName('employmentstatus', leaver.contract!),
      weeklyHours: leaver.weeklyHours,
      fte: leaver.fte,
    });
    const lifecycle = await call<Rows>(bob.connectionConfig(), 'GET', `/v1/people/${leaver.id}/lifecycle`);
    const statuses = lifecycle.body.values.map((row) => [row.status, row.employeeStatus]);
    expect(statuses[statuses.length - 1]).toEqual(['Terminated', 'Inactive']);
    expect(statuses).toContainEqual(['Employed', 'Active']);
    expect(lifecycle.body.values.at(-1)).toMatchObject({ effectiveDate: leaver.terminationDate, isCurrent: true });
  });

  it('adds a humanReadable copy per row with includeHumanReadable=true', async () => {
    const employee = bob.state.employees[1]!;
    const rows = await call<Rows>(
      bob.connectionConfig(),
      'GET',
      `/v1/people/${employee.id}/work?includeHumanReadable=true`,
    );
    const first = rows.body.values[0]!;
    const firstTitle = employee.previousTitle ?? employee.title!;
    expect(first.title).toBe(firstTitle);
    expect(first.humanReadable).toMatchObject({
      title: bob.state.listItemName('title', firstTitle),
      effectiveDate: employee.startDate,
    });
    const plain = await call<Rows>(bob.connectionConfig(), 'GET', `/v1/people/${employee.id}/work`);
    expect(plain.body.values[0]).not.toHaveProperty('humanReadable');
  });

  it('answers 403 without the table category and 404 for unknown employees', async () => {
    const restricted = bob.restrictedConnection().config;
    expect((await call(restricted, 'GET', `/v1/people/${bob.state.employees[0]!.id}/work`)).status).toBe(403);
    expect((await call(bob.connectionConfig(), 'GET', '/v1/people/1000000000000000001/work')).status).toBe(404);
  });
});

describe('bulk tables', () => {
  const bulk = (query: string) => call<Bulk>(bob.connectionConfig(), 'GET', `/v1/bulk/people/work${query}`);

  it('pages through everyone with an opaque cursor until next_cursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: { status: number; body: Bulk } = await bulk(
        `?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.status).toBe(200);
      seen.push(...response.body.results.map((result) => result.employeeId));
      cursor = response.body.response_metadata.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(bob.state.employees.map((e) => e.id));
    const defaultPage = await bulk('');
    expect(defaultPage.body.results.length).toBe(50);
  });

  it('rejects limit > 200, more than 200 employeeIds, and filters changed between pages', async () => {
    expect((await bulk('?limit=201')).body).toEqual({
      key: 'bad_request',
      error: 'limit must not exceed 200, got 201.',
    });
    expect((await bulk('?limit=0')).status).toBe(400);
    const ids = Array.from({ length: 201 }, (_, i) => String(1e18 + i)).join(',');
    expect((await bulk(`?employeeIds=${ids}`)).status).toBe(400);
    const first = await bulk('?limit=10&includeArchived=false');
    const cursor = encodeURIComponent(first.body.response_metadata.next_cursor!);
    expect((await bulk(`?limit=10&includeArchived=false&cursor=${cursor}`)).status).toBe(200);
    const changed = await bulk(`?limit=10&includeArchived=true&cursor=${cursor}`);
    expect(changed.status).toBe(400);
    expect(changed.body).toMatchObject({ key: 'bad_request' });
    expect((await bulk('?cursor=garbage')).status).toBe(400);
  });

  it('reports requested people outside the audience under errors and still answers the rest', async () => {
    const london = bob.control.createServiceUser({ audience: { siteIds: [2606110] } });
    const inside = bob.state.employees.find((e) => e.siteId === 2606110)!;
    const outside = bob.state.employees.find((e) => e.siteId !== 2606110)!;
    const response = await call<Bulk>(
      london,
      'GET',
      `/v1/bulk/people/lifecycle?employeeIds=${inside.id},${outside.id}`,
    );
    expect(response.body.results.map((r) => r.employeeId)).toEqual([inside.id]);
    expect(response.body.errors).toEqual([
      {
        employeeId: outside.id,
        code: 'MISSING_PERMISSION',
        message: `No permission to access employee ${outside.id}.`,
      },
    ]);
  });
});

describe('control API keeps tables, search and events consistent', () => {
  it('a work row effective today becomes the current title in search', async () => {
    const employee = bob.state.employees.find((e) => e.terminationDate === null && e.startDate < '2026-01-01')!;
    const newTitle = bob.state.data.namedLists
      .find((l) => l.name === 'title')!
      .items.find((i) => i.id !== employee.title)!.id;
    bob.control.addTableRow(employee.id, 'work', { effectiveDate: '2026-06-15', title: newTitle });
    const search = await call<{ employees: Array<{ work: { title: string } }> }>(
      bob.connectionConfig(),
      'POST',
      '/v1/people/search',
      {
        fields: ['work.title'],
        filters: [{ fieldPath: 'root.id', operator: 'equals', values: [employee.id] }],
      },
    );
    expect(search.body.employees[0]!.work.title).toBe(newTitle);
    const rows = await call<Rows>(bob.connectionConfig(), 'GET', `/v1/people/${employee.id}/work`);
    expect(rows.body.values.at(-1)).toMatchObject({ title: newTitle, isCurrent: true, effectiveDate: '2026-06-15' });
  });
});
