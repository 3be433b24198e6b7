import { AttendanceRecord, Compensation, InvalidProviderDataError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { type DataIssue } from '@hrkit/core';
import { asIsoDate, dateWindows, mapAttendanceEntry, mapSalaryRows, readBulkErrors } from '../src/internal.js';

const EMPLOYEE = '3332883884017713238';

describe('salary rows → Compensation', () => {
  const context = { employeeRemoteId: EMPLOYEE, sourceTable: 'salaries' };

  it('maps HiBob periods and frequencies, keeping the source value', () => {
    const [row] = mapSalaryRows(
      [
        {
          id: 1000020,
          effectiveDate: '2024-01-01',
          base: { value: '85,000.50', currency: 'EUR' },
          payPeriod: 'Annual',
          payFrequency: 'Bi-Weekly',
          change: { reason: 'Promotion' },
          isCurrent: true,
        },
      ],
      context,
    );
    expect(Compensation.parse(row)).toMatchObject({
      id: `hibob:${EMPLOYEE}:1000020`,
      amount: 85000.5,
      currency: 'EUR',
      payPeriod: { value: 'year', source: { field: 'payPeriod', value: 'Annual', label: null } },
      payFrequency: { value: 'biweekly', source: { field: 'payFrequency', value: 'Bi-Weekly', label: null } },
      payType: { value: 'salary', source: { field: 'payPeriod', value: 'Annual', label: null } },
      changeReason: 'Promotion',
      flsaStatus: null,
    });
  });

  it('prefers salaryPayType and flsaCode when the row has them; unknown words become `other`, absent `unknown`', () => {
    const [row] = mapSalaryRows(
      [{ id: 1, payPeriod: 'Per shift', payFrequency: null, salaryPayType: 'Hourly', flsaCode: 'Non-Exempt' }],
      context,
    );
    expect(row?.payPeriod).toEqual({ value: 'other', source: { field: 'payPeriod', value: 'Per shift', label: null } });
    expect(row?.payFrequency).toEqual({ value: 'unknown', source: null });
    expect(row?.payType.value).toBe('hourly');
    expect(row?.flsaStatus?.value).toBe('nonexempt');
    expect(row?.amount).toBeNull();
  });

  it('sorts by effective date, undated rows last, and attaches raw only when asked', () => {
    const rows = mapSalaryRows(
      [
        { id: 3, effectiveDate: null },
        { id: 2, effectiveDate: '2025-06-01T00:00:00' },
        { id: 1, effectiveDate: '2021-02-01' },
      ],
      { ...context, includeRaw: true },
    );
    expect(rows.map((row) => row.effectiveDate)).toEqual(['2021-02-01', '2025-06-01', null]);
    expect(rows[0]?.raw).toEqual({ id: 1, effectiveDate: '2021-02-01' });
  });

  it('reads dates on the employee mapping policy (normalize.ts): unreadable is null and reported, not a throw', () => {
    // A date with an offset is read as employee dates are; before, the pay mapping threw on it.
    const [withOffset] = mapSalaryRows([{ id: 1, effectiveDate: '2024-03-01+01:00' }], context);
    expect(withOffset?.effectiveDate).toBe(asIsoDate('2024-03-01+01:00'));
    expect(withOffset?.effectiveDate).toBe('2024-03-01');
    // Not a date: null on the row and a DataIssue naming it, when the read reports issues…
    const issues: DataIssue[] = [];
    const [bad] = mapSalaryRows([{ id: 2, effectiveDate: '2024-13-45', endEffectiveDate: 'soon' }], {
      ...context,
      onDataIssue: (issue) => issues.push(issue),
    });
    expect(bad).toMatchObject({ remoteId: `${EMPLOYEE}:2`, effectiveDate: null, endDate: null });
    expect(issues).toEqual([
      { recordId: `${EMPLOYEE}:2`, field: 'effectiveDate', value: '2024-13-45', reason: 'not a date (YYYY-MM-DD)' },
      { recordId: `${EMPLOYEE}:2`, field: 'endDate', value: 'soon', reason: 'not a date (YYYY-MM-DD)' },
    ]);
    // …and a typed error naming the field when nobody handles issues (what core's Connection does without one).
    expect(() => mapSalaryRows([{ id: 2, effectiveDate: '2024-13-45' }], context)).toThrow(InvalidProviderDataError);
    expect(() => mapSalaryRows([{ id: 2, effectiveDate: '2024-13-45' }], context)).toThrow(/effectiveDate/);
    // Attendance: the same policy; an unreadable clock-in date falls back to the clock-in time's day.
    const attendanceIssues: DataIssue[] = [];
    const entry = mapAttendanceEntry(
      {
        '/attendanceEntry/id': 5,
        '/attendanceEntry/employeeId': EMPLOYEE,
        '/attendanceEntry/clockInDate': '02/11/2026',
        '/attendanceEntry/clockInTime': '2026-11-02T09:00:00',
      },
      { onDataIssue: (issue) => attendanceIssues.push(issue) },
    );
    expect(entry.date).toBe('2026-11-02');
    expect(attendanceIssues).toMatchObject([{ recordId: '5', field: 'date', value: '02/11/2026' }]);
  });

  it('rejects a non-numeric amount without quoting it', () => {
    const attempt = () =>
      mapSalaryRows([{ id: 9, base: { value: 'ninety-one thousand 91234', currency: 'USD' } }], context);
    expect(attempt).toThrow(InvalidProviderDataError);
    expect(attempt).toThrow(/base\.value/);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('91234');
    }
  });
});

describe('attendance items → AttendanceRecord', () => {
  const documented = {
    '/attendanceEntry/id': 11,
    '/attendanceEntry/employeeId': EMPLOYEE,
    '/attendanceEntry/clockInDate': '2026-11-02',
    '/attendanceEntry/type': 'work',
    '/attendanceEntry/clockInTime': '2026-11-02T08:59:00+0100',
    '/attendanceEntry/clockOutTime': '2026-11-02T17:29:00+0100',
    '/attendanceEntry/projectId': 77,
  };

  it('reads slash keys with plain values, `{value}` wrappers, a nested object or plain keys alike', () => {
    const wrapped = Object.fromEntries(Object.entries(documented).map(([key, value]) => [key, { value }]));
    const nested = {
      attendanceEntry: Object.fromEntries(Object.entries(documented).map(([key, value]) => [key.split('/')[2], value])),
    };
    const expected = mapAttendanceEntry(documented);
    expect(AttendanceRecord.parse(expected)).toMatchObject({
      remoteId: '11',
      date: '2026-11-02',
      clockIn: { local: '2026-11-02T08:59:00', timeZone: '+01:00', instant: '2026-11-02T08:59:00+01:00' },
      workedMinutes: 510,
      project: { remoteId: '77', name: null },
    });
    expect(mapAttendanceEntry(wrapped)).toEqual(expected);
    expect(mapAttendanceEntry(nested)).toEqual(expected);
  });

  it('keeps a zone-less wall time as local only, with the entry zone when given; no instant is guessed', () => {
    const record = mapAttendanceEntry({
      ...documented,
      '/attendanceEntry/clockInTime': '2026-11-02 08:59',
      '/attendanceEntry/clockOutTime': null,
      timeZone: 'Europe/Berlin',
    });
    expect(record.clockIn).toEqual({ local: '2026-11-02T08:59:00', timeZone: 'Europe/Berlin', instant: null });
    expect(record.clockOut).toBeNull();
    expect(record.workedMinutes).toBeNull();
  });

  it('fails with the field path when the entry has no employee or no date', () => {
    expect(() =>
      mapAttendanceEntry({ '/attendanceEntry/id': 1, '/attendanceEntry/clockInDate': '2026-11-02' }),
    ).toThrow(/employeeId/);
    expect(() => mapAttendanceEntry({ '/attendanceEntry/id': 1, '/attendanceEntry/employeeId': EMPLOYEE })).toThrow(
      /clockInDate/,
    );
  });
});

describe('bulk `errors` layouts', () => {
  it('reads a list of objects, a map keyed by id and a list of ids', () => {
    expect(readBulkErrors([{ employeeId: '1', code: 'MISSING_PERMISSION', message: 'no' }], 'bulk')).toEqual([
      { employeeRemoteId: '1', code: 'MISSING_PERMISSION', message: 'no', source: 'bulk' },
    ]);
    expect(readBulkErrors({ '2': { error: 'FORBIDDEN' } }, 'bulk')).toEqual([
      { employeeRemoteId: '2', code: 'FORBIDDEN', message: null, source: 'bulk' },
    ]);
    expect(readBulkErrors(['3'], 'bulk').map((issue) => issue.employeeRemoteId)).toEqual(['3']);
    expect(readBulkErrors(undefined, 'bulk')).toEqual([]);
  });
});

describe('date windows', () => {
  it('covers the range with inclusive windows of at most N days, no gap, no overlap', () => {
    expect(dateWindows('2026-01-30', '2026-03-05', 31)).toEqual([
      { from: '2026-01-30', to: '2026-03-01' },
      { from: '2026-03-02', to: '2026-03-05' },
    ]);
    expect(dateWindows('2026-03-05', '2026-03-05', 31)).toEqual([{ from: '2026-03-05', to: '2026-03-05' }]);
  });
});
