import type { HttpClient, Logger } from '@hrkit/core';

/** What the pay reads need from the connector: its HTTP client (base URL without `/v1`) and its logger. */
export interface PayContext {
  http: HttpClient;
  logger: Logger;
}

/** HiBob's documented ceilings (reference §8): 200 rows/employees per bulk page, 200 employee ids per bulk call. */
export const BULK_PAGE_LIMIT = 200;
export const BULK_EMPLOYEE_IDS_LIMIT = 200;
/** Per-employee GETs are cheaper than a bulk scan only for a handful of employees. */
export const PER_EMPLOYEE_READ_MAX = 5;
/** Attendance search: at most a 33-day clock-in range per call (docs); we stay a little under it. */
export const ATTENDANCE_WINDOW_DAYS = 31;
/** Attendance search page size and employee ids per call: undocumented ceilings, kept moderate. */
export const ATTENDANCE_PAGE_LIMIT = 100;
export const ATTENDANCE_EMPLOYEE_IDS_PER_CALL = 100;
