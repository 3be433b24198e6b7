import { NotFoundError, NotSupportedError, PermissionError, parseProviderData } from '@hrkit/core';
import { ATTENDANCE_PAGE_LIMIT, type PayContext } from './pay-context.js';
import { PAY_PERMISSIONS, PAY_PROVIDER } from './provider.js';
import {
  ATTENDANCE_ENTRY_FIELDS,
  attendanceItems,
  attendanceNextCursor,
  RawAttendanceSearch,
} from './raw-attendance.js';

export interface AttendanceSearchFilters {
  employeeIds: readonly string[];
  /** Inclusive clock-in date range, at most 33 days. */
  from: string;
  to: string;
  limit?: number;
  signal?: AbortSignal;
}

const PATH = '/v1/attendance/entries/search';

/**
 * `POST /v1/attendance/entries/search`, every page of one (employees × date window) query. The body is built once;
 * each page adds only the cursor. Filters use `fieldId` like the daily-breakdown endpoint documents (the entries page
 * does not show the key name).
 */
export async function* readAttendancePages(
  context: PayContext,
  filters: AttendanceSearchFilters,
): AsyncGenerator<unknown[]> {
  const query = Object.freeze({
    fields: [...ATTENDANCE_ENTRY_FIELDS],
    filters: [
      { fieldId: '/attendanceEntry/employeeId', operator: 'equals', values: [...filters.employeeIds] },
      { fieldId: '/attendanceEntry/clockInDate', operator: 'from', values: [filters.from] },
      { fieldId: '/attendanceEntry/clockInDate', operator: 'to', values: [filters.to] },
    ],
    limit: filters.limit ?? ATTENDANCE_PAGE_LIMIT,
  });
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const response = await withAttendanceErrors(() =>
      context.http.post(PATH, cursor ? { ...query, cursor } : query, {
        idempotent: true,
        ...(filters.signal ? { signal: filters.signal } : {}),
      }),
    );
    const body = parseProviderData(RawAttendanceSearch, response.body, {
      provider: PAY_PROVIDER,
      what: 'attendance search page',
      request: `POST ${PATH}`,
    });
    yield attendanceItems(body);
    const next = attendanceNextCursor(body);
    if (!next) return;
    if (seen.has(next)) throw new Error(`${PAY_PROVIDER}: attendance search returned the same cursor twice`);
    seen.add(next);
    cursor = next;
  }
}

/** 403: the attendance permission is missing. 404: the company has not bought Time and Attendance. */
async function withAttendanceErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PermissionError && error.permission === null)
      throw new PermissionError(`${error.message} Grant ${PAY_PERMISSIONS.attendance}.`, {
        provider: PAY_PROVIDER,
        request: error.request,
        status: error.status,
        permission: PAY_PERMISSIONS.attendance,
      });
    if (error instanceof NotFoundError) {
      const unsupported = new NotSupportedError('attendance', {
        provider: PAY_PROVIDER,
        request: error.request,
        status: 404,
      });
      unsupported.message = `${PAY_PROVIDER} answered 404 on ${PATH}: the company's Bob account has no Time and Attendance module`;
      throw unsupported;
    }
    throw error;
  }
}
