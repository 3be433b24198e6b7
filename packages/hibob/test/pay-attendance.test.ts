import { NotSupportedError, PermissionError } from '@hrkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAttendance } from '../src/internal.js';
import { type PaySandbox, startPaySandbox } from '../src/sandbox/pay/index.js';
import { collect, collectUntilError, payContext } from './pay-helpers.js';

const DAY_MS = 86_400_000;

function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = Date.parse(from); day <= Date.parse(to); day += DAY_MS)
    dates.push(new Date(day).toISOString().slice(0, 10));
  return dates;
}

describe('attendance against the pay sandbox', () => {
  let sandbox: PaySandbox;
  beforeAll(async () => {
    sandbox = await startPaySandbox({ seed: 11, employees: 12, payrollHidden: 0, today: '2026-11-20' });
  });
  afterAll(() => sandbox.close());

  const searchHits = () => sandbox.hits.filter((hit) => hit.route === 'hibob.attendance.entries.search');
  interface SearchBody {
    filters: { fieldId: string; operator: string; values: string[] }[];
    limit: number;
    cursor?: string;
    fields: string[];
  }

  it('reads every entry of an 81-day range exactly once: 33-day windows, cursor pages, identical filters', async () => {
    sandbox.hits.length = 0;
    const from = '2026-09-01';
    const to = '2026-11-20';
    const ids = sandbox.data.employeeIds as string[];
    const records = await collect(listAttendance(payContext(sandbox), { from, to, employeeIds: ids }));
    const expected = ids.flatMap((id) => datesBetween(from, to).flatMap((date) => sandbox.data.attendanceOn(id, date)));
    expect(expected.length).toBeGreaterThan(300);
    expect(records.map((record) => record.remoteId).sort()).toEqual(expected.map((entry) => entry.id).sort());

    const bodies = searchHits().map((hit) => hit.body as SearchBody);
    expect(searchHits().every((hit) => hit.status === 200)).toBe(true);
    const windows = new Map<string, SearchBody[]>();
    for (const body of bodies) {
      const from = body.filters.find((f) => f.operator === 'from')?.values[0] as string;
      const to = body.filters.find((f) => f.operator === 'to')?.values[0] as string;
      expect((Date.parse(to) - Date.parse(from)) / DAY_MS + 1).toBeLessThanOrEqual(33);
      windows.set(`${from}..${to}`, [...(windows.get(`${from}..${to}`) ?? []), body]);
    }
    expect([...windows.keys()]).toEqual(['2026-09-01..2026-10-01', '2026-10-02..2026-11-01', '2026-11-02..2026-11-20']);
    // Each window needed several pages, and every page repeated the first page's filters.
    for (const pages of windows.values()) {
      expect(pages.length).toBeGreaterThan(1);
      const [first, ...rest] = pages.map(({ cursor: _cursor, ...query }) => query);
      for (const query of rest) expect(query).toEqual(first);
    }
  });

  it('keeps local wall time, the offset and the instant; durations; breaks; today’s open entry', async () => {
    const ids = sandbox.data.employeeIds as string[];
    const records = await collect(
      listAttendance(payContext(sandbox), { from: '2026-11-16', to: '2026-11-20', employeeIds: ids }),
    );
    const clocked = records.find((record) => record.kind.value === 'work' && record.clockIn && record.clockOut);
    const served = sandbox.data
      .attendanceOn(clocked?.employee.remoteId as string, clocked?.date as string)
      .find((entry) => entry.id === clocked?.remoteId);
    const [, wall, offset] = /^(.{19})(.*)$/.exec(served?.clockInTime as string) ?? [];
    expect(clocked?.clockIn).toEqual({ local: wall, timeZone: offset, instant: `${wall}${offset}` });
    expect(clocked?.workedMinutes).toBe(
      (Date.parse(served?.clockOutTime as string) - Date.parse(served?.clockInTime as string)) / 60_000,
    );

    const durationOnly = records.find((record) => record.clockIn === null);
    expect(durationOnly?.workedMinutes).toBeGreaterThanOrEqual(420);
    expect(durationOnly?.kind).toEqual({
      value: 'work',
      source: { field: '/attendanceEntry/type', value: 'work', label: null },
    });

    const breaks = records.filter((record) => record.kind.value === 'break');
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.every((record) => record.workedMinutes === 30)).toBe(true);

    const open = records.filter((record) => record.date === '2026-11-20' && record.clockIn && !record.clockOut);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((record) => record.workedMinutes === null)).toBe(true);
  });

  it('without employeeIds lists the employees first (ids only), then reads all of them', async () => {
    sandbox.hits.length = 0;
    const records = await collect(listAttendance(payContext(sandbox), { from: '2026-11-02', to: '2026-11-06' }));
    expect(sandbox.hits[0]?.route).toBe('hibob.people.search');
    // Ids only, leavers included (the same people search the employee reader sends, humanReadable as always).
    expect(sandbox.hits[0]?.body).toMatchObject({ fields: ['root.id'], showInactive: true });
    expect(new Set(records.map((record) => record.employee.remoteId)).size).toBeGreaterThan(8);
  });

  it('names the attendance permission when the service user lacks it', async () => {
    const { items, error } = await collectUntilError(
      listAttendance(payContext(sandbox, sandbox.restricted), {
        from: '2026-11-02',
        to: '2026-11-06',
        employeeIds: ['x'],
      }),
    );
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).permission).toBe(
      "People's Data › Time attendance › Manage time attendance sheets",
    );
  });

  it('the sandbox refuses ranges over 33 days and searches without an employee filter', async () => {
    const { http } = payContext(sandbox);
    const filters = (from: string, to: string) => [
      { fieldId: '/attendanceEntry/clockInDate', operator: 'from', values: [from] },
      { fieldId: '/attendanceEntry/clockInDate', operator: 'to', values: [to] },
    ];
    const fields = ['/attendanceEntry/id'];
    await expect(
      http.post(
        '/v1/attendance/entries/search',
        { fields, filters: filters('2026-09-01', '2026-10-10') },
        { idempotent: true },
      ),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      http.post(
        '/v1/attendance/entries/search',
        {
          fields,
          filters: [
            ...filters('2026-09-01', '2026-09-30'),
            { fieldId: '/attendanceEntry/employeeId', operator: 'equals', values: ['1'] },
          ],
        },
        { idempotent: true },
      ),
    ).resolves.toMatchObject({ status: 200 });
    await expect(
      http.post(
        '/v1/attendance/entries/search',
        { fields, filters: filters('2026-09-01', '2026-09-30') },
        { idempotent: true },
      ),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('attendance on an account without Time and Attendance', () => {
  it('reports the missing module as NotSupportedError', async () => {
    const sandbox = await startPaySandbox({ seed: 2, employees: 3, attendanceModule: false });
    try {
      const { error } = await collectUntilError(
        listAttendance(payContext(sandbox), { from: '2026-11-02', to: '2026-11-06' }),
      );
      expect(error).toBeInstanceOf(NotSupportedError);
      expect((error as Error).message).toMatch(/Time and Attendance module/);
    } finally {
      await sandbox.close();
    }
  });
});
