import { AttendanceRecord, Compensation, EmploymentHistoryEntry } from '@hrkit/core';
import { expect } from 'vitest';
import { type ConformanceContext, drain } from '../context.js';
import { expectNonEmpty, expectUniqueIds, expectValidRecords } from './assertions.js';

export async function historyValid(context: ConformanceContext): Promise<void> {
  const entries = await drain(context.connect().employees.history());
  expectNonEmpty(entries, 'employees.history');
  expectValidRecords(EmploymentHistoryEntry, entries, context.key, 'employees.history');
  expectUniqueIds(entries, 'employees.history');
  const known = new Set(context.expectedEmployeeIds(true));
  const employeeId = context.expectedEmployeeIds(false)[0];
  expect(entries.filter((entry) => !known.has(entry.employee.remoteId)).map((entry) => entry.id)).toEqual([]);
  if (employeeId === undefined) return;
  const one = await drain(context.connect().employees.history({ employeeIds: [employeeId] }));
  expect(
    one.filter((entry) => entry.employee.remoteId !== employeeId).map((entry) => entry.id),
    'employees.history({ employeeIds }) returned other employees',
  ).toEqual([]);
}

export async function employeeChangesValid(context: ConformanceContext): Promise<void> {
  const since = `${context.options.timeOffWindow.from}T00:00:00.000Z`;
  const changes = await drain(context.connect().employees.changes({ since }));
  for (const change of changes) {
    expect(typeof change.remoteId === 'string' && change.remoteId.length > 0, 'change.remoteId').toBe(true);
    expect(['created', 'updated', 'deleted']).toContain(change.action);
    if (change.changedAt !== null) expect(Date.parse(change.changedAt)).toBeGreaterThanOrEqual(Date.parse(since));
  }
}

export async function compensationValid(context: ConformanceContext): Promise<void> {
  const rows = await drain(context.connect().compensation.list({ includeCompensation: true }));
  expectNonEmpty(rows, 'compensation.list');
  expectValidRecords(Compensation, rows, context.key, 'compensation.list');
  expectUniqueIds(rows, 'compensation.list');
}

export async function attendanceInRange(context: ConformanceContext): Promise<void> {
  const { from, to } = context.options.timeOffWindow;
  const what = `attendance.list({ from: ${from}, to: ${to} })`;
  const rows = await drain(context.connect().attendance.list({ from, to, includeAttendance: true }));
  expectNonEmpty(rows, what);
  expectValidRecords(AttendanceRecord, rows, context.key, what);
  expectUniqueIds(rows, what);
  expect(
    rows.filter((row) => row.date < from || row.date > to).map((row) => row.id),
    `${what}: outside range`,
  ).toEqual([]);
}
