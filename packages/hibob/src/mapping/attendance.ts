import {
  type AttendanceKind,
  type AttendanceRecord,
  type ClockTime,
  type DataIssue,
  hrkitId,
  InvalidProviderDataError,
  parseProviderData,
} from '@hrkit/core';
import { HIBOB } from '../config.js';
import { flattenAttendanceItem, RawAttendanceEntry } from '../raw/attendance.js';
import { readId, readPayDate } from './pay-values.js';

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
  /** Where an unreadable clock-in date goes (the clock-in time's date is used); without it, the mapping fails on it. */
  onDataIssue?: (issue: DataIssue) => void;
}

/** One item of `POST /v1/attendance/entries/search` → AttendanceRecord. */
export function mapAttendanceEntry(item: unknown, context: AttendanceMappingContext = {}): AttendanceRecord {
  const flat = flattenAttendanceItem(item);
  const entry = parseProviderData(RawAttendanceEntry, flat, { provider: HIBOB, what: 'attendance entry' });
  const employee = readId(entry.employeeId) ?? context.employeeRemoteId ?? null;
  const entryId = readId(entry.id);
  const remoteId = entryId ?? `${employee}:${entry.clockInTime ?? entry.clockInDate ?? 'entry'}`;
  if (!employee) throw missing('employeeId', remoteId);
  const zone = entry.timeZone ?? entry.timezone ?? null;
  const clockIn = readClockTime(entry.clockInTime, zone);
  const clockOut = readClockTime(entry.clockOutTime, zone);
  const date =
    readPayDate(
      entry.clockInDate,
      { recordId: remoteId, path: 'attendanceEntry.clockInDate', field: 'date' },
      context.onDataIssue,
    ) ??
    clockIn?.local.slice(0, 10) ??
    null;
  if (!date) throw missing('clockInDate', remoteId);
  const duration = entry.duration === null || entry.duration === undefined ? null : Number(entry.duration);
  const type = entry.type?.trim() || null;
  return {
    id: hrkitId(HIBOB, remoteId),
    provider: HIBOB,
    remoteId,
    employee: { id: hrkitId(HIBOB, employee), remoteId: employee, displayName: null },
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
    `${HIBOB} returned an attendance entry without /attendanceEntry/${field} (record ${recordId})`,
    { provider: HIBOB, recordId, path: `attendanceEntry.${field}` },
  );
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A HiBob clock timestamp as the model's ClockTime. Bob records attendance in the employee's local time: the wall
 * time is kept exactly as written. When the timestamp carries an offset, the instant is known too; the zone is the
 * entry's own zone field when it has one, else the offset itself. Without an offset there is no instant (we do not
 * guess the zone).
 */
export function readClockTime(value: string | null | undefined, entryZone: string | null): ClockTime | null {
  if (!value) return null;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return null;
  const [, date, hours, minutes, seconds, fraction, offset] = match;
  const local = `${date}T${hours}:${minutes}:${seconds ?? '00'}${fraction ?? ''}`;
  if (!offset) return { local, timeZone: entryZone, instant: null };
  const normalizedOffset = offset.toUpperCase() === 'Z' ? '+00:00' : normalizeOffset(offset);
  return { local, timeZone: entryZone ?? normalizedOffset, instant: `${local}${normalizedOffset}` };
}

function normalizeOffset(offset: string): string {
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** Minutes between two clock times of one entry: by instants when both are known, else by wall time. */
export function minutesBetween(start: ClockTime | null, end: ClockTime | null): number | null {
  if (!start || !end) return null;
  const from = Date.parse(start.instant ?? `${start.local}Z`);
  const to = Date.parse(end.instant ?? `${end.local}Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return Math.round((to - from) / 60_000);
}
