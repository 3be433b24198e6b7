import {
  type AttendanceKind,
  type AttendanceRecord,
  hrkitId,
  InvalidProviderDataError,
  parseProviderData,
} from '@hrkit/core';
import { minutesBetween, readClockTime } from './clock-time.js';
import { readDate, readId } from './pay-values.js';
import { PAY_PROVIDER } from './provider.js';
import { flattenAttendanceItem, RawAttendanceEntry } from './raw-attendance.js';

const KINDS: Record<string, AttendanceKind> = {
  work: 'work',
  regular: 'work',
  clockin: 'work',
  attendance: 'work',
  break: 'break',
  unpaidbreak: 'break',
  paidbreak: 'break',
  overtime: 'overtime',
  oncall: 'on_call',
  absence: 'absence',
  timeoff: 'absence',
};

export interface AttendanceMappingContext {
  includeRaw?: boolean;
  /** Used when the entry does not name its employee (e.g. the `employeeId` field was not returned). */
  employeeRemoteId?: string;
}

/** One item of `POST /v1/attendance/entries/search` → AttendanceRecord. */
export function mapAttendanceEntry(item: unknown, context: AttendanceMappingContext = {}): AttendanceRecord {
  const flat = flattenAttendanceItem(item);
  const entry = parseProviderData(RawAttendanceEntry, flat, { provider: PAY_PROVIDER, what: 'attendance entry' });
  const employee = readId(entry.employeeId) ?? context.employeeRemoteId ?? null;
  const entryId = readId(entry.id);
  const remoteId = entryId ?? `${employee}:${entry.clockInTime ?? entry.clockInDate ?? 'entry'}`;
  if (!employee) throw missing('employeeId', remoteId);
  const zone = entry.timeZone ?? entry.timezone ?? null;
  const clockIn = readClockTime(entry.clockInTime, zone);
  const clockOut = readClockTime(entry.clockOutTime, zone);
  const date =
    readDate(entry.clockInDate, { recordId: remoteId, path: 'attendanceEntry.clockInDate' }) ??
    clockIn?.local.slice(0, 10) ??
    null;
  if (!date) throw missing('clockInDate', remoteId);
  const duration = entry.duration === null || entry.duration === undefined ? null : Number(entry.duration);
  const type = entry.type?.trim() || null;
  return {
    id: hrkitId(PAY_PROVIDER, remoteId),
    provider: PAY_PROVIDER,
    remoteId,
    employee: { id: hrkitId(PAY_PROVIDER, employee), remoteId: employee, displayName: null },
    date,
    clockIn,
    clockOut,
    // Bob's `duration` is in minutes (the create endpoint documents minutes); otherwise derive it from the clock.
    workedMinutes: duration !== null && Number.isFinite(duration) ? duration : minutesBetween(clockIn, clockOut),
    kind: type
      ? {
          value: KINDS[type.toLowerCase().replace(/[^a-z]/g, '')] ?? 'other',
          source: { field: '/attendanceEntry/type', value: type, label: null },
        }
      : { value: 'other', source: null },
    origin: entry.source ?? null,
    reasonCode: readId(entry.reasonCode),
    project: readId(entry.projectId) ? { remoteId: readId(entry.projectId) as string, name: null } : null,
    task: readId(entry.taskId) ? { remoteId: readId(entry.taskId) as string, name: null } : null,
    ...(context.includeRaw && item && typeof item === 'object' ? { raw: item as Record<string, unknown> } : {}),
  };
}

function missing(field: string, recordId: string): InvalidProviderDataError {
  return new InvalidProviderDataError(
    `${PAY_PROVIDER} returned an attendance entry without /attendanceEntry/${field} (record ${recordId})`,
    { provider: PAY_PROVIDER, recordId, path: `attendanceEntry.${field}` },
  );
}
