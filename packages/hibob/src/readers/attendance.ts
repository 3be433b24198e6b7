import { type AttendanceOptions, type AttendanceRecord, chunk } from '@hrkit/core';
import type { AttendanceSearch } from '../client.js';
import { HIBOB } from '../config.js';
import { mapAttendanceEntry } from '../mapping/attendance.js';
import { attendanceItems, attendanceNextCursor } from '../raw/attendance.js';
import type { HiBobReadContext } from './context.js';
import { employeeIdOf } from './employees.js';

/** At most a 33-day clock-in range per call (docs/providers/hibob.md); we stay a little under it. */
export const ATTENDANCE_WINDOW_DAYS = 31;
/** Page size and employee ids per call: undocumented ceilings, kept moderate. */
export const ATTENDANCE_PAGE_LIMIT = 100;
export const ATTENDANCE_EMPLOYEE_IDS_PER_CALL = 100;

const DAY_MS = 86_400_000;

/**
 * Attendance entries whose clock-in date lies in [from, to], via `POST /v1/attendance/entries/search`. The search
 * needs employee ids and at most 33 days per call: the range is split into windows and the ids into chunks; each
 * (chunk, window) query is paged with its cursor. Without `employeeIds`, every readable employee is read.
 */
export async function* listAttendance(
  context: HiBobReadContext,
  options: AttendanceOptions,
): AsyncGenerator<AttendanceRecord> {
  const ids = options.employeeIds?.length
    ? [...new Set(options.employeeIds)]
    : await allEmployeeIds(context, options.signal);
  const mapping = {
    includeRaw: options.includeRaw ?? false,
    ...(options.onDataIssue ? { onDataIssue: options.onDataIssue } : {}),
  };
  let entries = 0;
  for (const window of dateWindows(options.from, options.to, ATTENDANCE_WINDOW_DAYS))
    for (const employeeIds of chunk(ids, ATTENDANCE_EMPLOYEE_IDS_PER_CALL))
      for await (const items of attendancePages(
        context,
        { employeeIds, ...window, limit: ATTENDANCE_PAGE_LIMIT },
        options.signal,
      ))
        for (const item of items) {
          entries++;
          yield mapAttendanceEntry(item, mapping);
        }
  context.logger.info('hibob.attendance.done', { provider: HIBOB, entries, employees: ids.length });
}

/** Every page of one (employees × window) search; each page adds only the cursor. */
export async function* attendancePages(
  context: HiBobReadContext,
  search: AttendanceSearch,
  signal?: AbortSignal,
): AsyncGenerator<unknown[]> {
  const query = Object.freeze({ ...search });
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const body = await context.client.attendanceEntries(query, cursor, signal);
    yield attendanceItems(body);
    const next = attendanceNextCursor(body);
    if (!next) return;
    if (seen.has(next)) throw new Error(`${HIBOB}: attendance search returned the same cursor twice`);
    seen.add(next);
    cursor = next;
  }
}

/**
 * Every employee id the service user can read (leavers too: an attendance range in the past covers them). The
 * search requires an employee filter, so a company-wide read starts here. Asks for `root.id` only.
 */
export async function allEmployeeIds(context: HiBobReadContext, signal?: AbortSignal): Promise<string[]> {
  const employees = await context.client.search({ fields: ['root.id'], showInactive: true }, signal);
  return employees.map(employeeIdOf).filter((id): id is string => id !== null);
}

/** Split an inclusive `YYYY-MM-DD` range into consecutive inclusive windows of at most `days` days. */
export function dateWindows(from: string, to: string, days: number): { from: string; to: string }[] {
  const windows: { from: string; to: string }[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let start = Date.parse(`${from}T00:00:00Z`); start <= end; start += days * DAY_MS) {
    const windowEnd = Math.min(start + (days - 1) * DAY_MS, end);
    windows.push({ from: isoDate(start), to: isoDate(windowEnd) });
  }
  return windows;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
