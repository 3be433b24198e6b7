import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  Absence,
  ChangeEvent,
  Employee,
  EmploymentHistoryEntry,
  historyAsOf,
  InvalidProviderDataError,
  parseProviderData,
  TimeOffBalance,
  TimeOffPolicy,
  TimeOffRequest,
} from '../src/index.js';
import {
  charles,
  historyRow,
  sampleAbsence,
  sampleBalance,
  sampleChangeEvent,
  sampleEmployee,
  samplePolicy,
  sampleTimeOffRequest,
} from './model-fixtures.js';

/** Parse like an adapter does and return the typed error, failing the test if the record was accepted. */
function rejectionOf(schema: z.ZodType, record: unknown, recordId = 'hibob:1'): InvalidProviderDataError {
  try {
    parseProviderData(schema, record, { provider: 'hibob', what: 'record', recordId });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidProviderDataError);
    return error as InvalidProviderDataError;
  }
  throw new Error('expected the record to be rejected');
}

describe('realistic records validate', () => {
  it.each([
    ['Employee', Employee, sampleEmployee()],
    [
      'Employee with history and raw',
      Employee,
      { ...sampleEmployee(), employmentHistory: [historyRow()], raw: { a: 1 } },
    ],
    ['TimeOffRequest with half days and an edit chain', TimeOffRequest, sampleTimeOffRequest()],
    ['TimeOffBalance', TimeOffBalance, sampleBalance()],
    ['TimeOffPolicy', TimeOffPolicy, samplePolicy()],
    ['Absence', Absence, sampleAbsence()],
    ['EmploymentHistoryEntry', EmploymentHistoryEntry, historyRow()],
    ['ChangeEvent', ChangeEvent, sampleChangeEvent()],
  ] as const)('%s', (_name, schema, record) => {
    expect((schema as z.ZodType).parse(record)).toEqual(record);
  });

  it('keeps a half-day request exactly as given (portions, amounts, edit chain)', () => {
    const parsed = TimeOffRequest.parse(sampleTimeOffRequest());
    expect(parsed.start.portion).toBe('afternoon');
    expect(parsed.days.map((day) => day.amount)).toEqual([0.5, 1, 1]);
    expect(parsed.editChain).toEqual({ originalRequestId: '4410', previousRequestId: '4410' });
  });
});

describe('broken records are rejected with the field path', () => {
  it('names a bad date in startDate', () => {
    const error = rejectionOf(Employee, { ...sampleEmployee(), startDate: '2021-02-30' }, 'hibob:42');
    expect(error.path).toBe('startDate');
    expect(error.recordId).toBe('hibob:42');
    expect(error.provider).toBe('hibob');
    expect(error.message).toContain('record hibob:42');
    expect(error.message).toContain('startDate');
  });

  it('names an unknown enum value in employmentStatus.value', () => {
    const employee = sampleEmployee();
    const error = rejectionOf(Employee, {
      ...employee,
      employmentStatus: { ...employee.employmentStatus, value: 'retired' },
    });
    expect(error.path).toBe('employmentStatus.value');
  });

  it('names an extra key in a strict object, down to the key', () => {
    const employee = sampleEmployee();
    const error = rejectionOf(Employee, { ...employee, name: { ...employee.name, nickname: 'Countess' } });
    expect(error.path).toBe('name.nickname');
    expect(error.message).toContain('nickname');
  });

  it('names a number id where a string id is required', () => {
    const error = rejectionOf(Employee, { ...sampleEmployee(), remoteId: Number('3332883884017713238') });
    expect(error.path).toBe('remoteId');
  });

  it('names the index of a bad item in a list', () => {
    const request = sampleTimeOffRequest();
    const days = request.days.map((day, index) => (index === 1 ? { ...day, portion: 'evening' } : day));
    expect(rejectionOf(TimeOffRequest, { ...request, days }).path).toBe('days[1].portion');
  });

  it('rejects an hrkit id without the provider prefix', () => {
    expect(rejectionOf(ChangeEvent, { ...sampleChangeEvent(), entityId: '3332883884017713238' }).path).toBe('entityId');
  });

  it('rejects a date-time without offset', () => {
    expect(rejectionOf(ChangeEvent, { ...sampleChangeEvent(), detectedAt: '2026-11-23T08:00:05' }).path).toBe(
      'detectedAt',
    );
  });

  it('rejects a missing required field, naming it', () => {
    const { name: _name, ...withoutName } = samplePolicy();
    expect(rejectionOf(TimeOffPolicy, withoutName).path).toBe('name');
  });
});

describe('historyAsOf', () => {
  const rows = [
    historyRow({ table: 'work', effectiveDate: '2021-03-01', jobTitle: 'Engineer' }),
    historyRow({ table: 'work', effectiveDate: '2023-01-01', jobTitle: 'Senior Engineer' }),
    historyRow({ table: 'work', effectiveDate: '2025-06-01', jobTitle: 'Staff Engineer' }),
    historyRow({
      table: 'employment',
      kind: 'employment',
      effectiveDate: '2021-03-01',
      weeklyHours: 40,
      jobTitle: null,
    }),
    historyRow({
      table: 'employment',
      kind: 'employment',
      effectiveDate: '2024-02-01',
      weeklyHours: 32,
      jobTitle: null,
    }),
  ];
  const titleAndHours = (date: string) => {
    const inForce = historyAsOf(rows, date);
    return {
      title: inForce.find((row) => row.table === 'work')?.jobTitle,
      hours: inForce.find((row) => row.table === 'employment')?.weeklyHours,
      count: inForce.length,
    };
  };

  it('answers with the latest row of each table on or before the date', () => {
    expect(titleAndHours('2023-12-31')).toEqual({ title: 'Senior Engineer', hours: 40, count: 2 });
    expect(titleAndHours('2024-02-01')).toEqual({ title: 'Senior Engineer', hours: 32, count: 2 });
    expect(titleAndHours('2026-01-01')).toEqual({ title: 'Staff Engineer', hours: 32, count: 2 });
  });

  it('takes a row on its effective date, not the day before', () => {
    expect(titleAndHours('2022-12-31').title).toBe('Engineer');
    expect(titleAndHours('2023-01-01').title).toBe('Senior Engineer');
  });

  it('answers nothing before the first row', () => {
    expect(historyAsOf(rows, '2021-02-28')).toEqual([]);
  });

  it('does not depend on the order of the rows', () => {
    expect(historyAsOf([...rows].reverse(), '2024-03-01')).toEqual(
      expect.arrayContaining(historyAsOf(rows, '2024-03-01')),
    );
    expect(historyAsOf([...rows].reverse(), '2024-03-01')).toHaveLength(2);
  });

  it('drops a table whose latest row ended before the date', () => {
    const ended = [
      historyRow({ table: 'lifecycle', kind: 'lifecycle', effectiveDate: '2021-03-01', endDate: '2024-12-31' }),
    ];
    expect(historyAsOf(ended, '2024-12-31')).toHaveLength(1);
    expect(historyAsOf(ended, '2025-01-01')).toEqual([]);
  });

  it('answers per employee when given the history of several', () => {
    const other = { ...charles };
    const mixed = [
      historyRow({ table: 'work', effectiveDate: '2022-01-01', jobTitle: 'Engineer' }),
      historyRow({ table: 'work', effectiveDate: '2020-01-01', jobTitle: 'Director', employee: other }),
    ];
    const inForce = historyAsOf(mixed, '2023-01-01');
    expect(inForce.map((row) => [row.employee.id, row.jobTitle]).sort()).toEqual([
      [charles.id, 'Director'],
      ['hibob:3332883884017713238', 'Engineer'],
    ]);
  });
});
