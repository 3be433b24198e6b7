import { type AttendanceOptions, type AttendanceRecord, chunk } from '@hrkit/core';
import { readAttendancePages } from './attendance-client.js';
import { dateWindows } from './date-windows.js';
import { readAllEmployeeIds } from './employee-ids.js';
import { mapAttendanceEntry } from './map-attendance.js';
import { ATTENDANCE_EMPLOYEE_IDS_PER_CALL, ATTENDANCE_WINDOW_DAYS, type PayContext } from './pay-context.js';
import { PAY_PROVIDER } from './provider.js';

/**
 * Attendance entries whose clock-in date lies in [from, to], via `POST /v1/attendance/entries/search`. The search
 * needs employee ids and at most 33 days per call: the range is split into windows and the ids into chunks; each
 * (chunk, window) query is paged with its cursor. Without `employeeIds`, every readable employee is read.
 */
export async function* listHiBobAttendance(
  context: PayContext,
  options: AttendanceOptions,
): AsyncGenerator<AttendanceRecord> {
  const ids = options.employeeIds?.length
    ? [...new Set(options.employeeIds)]
    : await readAllEmployeeIds(context, options.signal);
  let entries = 0;
  for (const window of dateWindows(options.from, options.to, ATTENDANCE_WINDOW_DAYS)) {
    for (const employeeIds of chunk(ids, ATTENDANCE_EMPLOYEE_IDS_PER_CALL)) {
      const pages = readAttendancePages(context, {
        employeeIds,
        ...window,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      for await (const items of pages) {
        for (const item of items) {
          entries++;
          yield mapAttendanceEntry(item, { includeRaw: options.includeRaw ?? false });
        }
      }
    }
  }
  context.logger.info('hibob.attendance.done', { provider: PAY_PROVIDER, entries, employees: ids.length });
}
