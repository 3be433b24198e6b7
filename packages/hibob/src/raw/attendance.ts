import { z } from 'zod';

/** Field ids of `POST /v1/attendance/entries/search` (the docs list exactly these). */
export const ATTENDANCE_ENTRY_FIELDS = [
  '/attendanceEntry/id',
  '/attendanceEntry/employeeId',
  '/attendanceEntry/clockInDate',
  '/attendanceEntry/clockOutDate',
  '/attendanceEntry/type',
  '/attendanceEntry/clockInTime',
  '/attendanceEntry/clockOutTime',
  '/attendanceEntry/duration',
  '/attendanceEntry/reasonCode',
  '/attendanceEntry/notes',
  '/attendanceEntry/projectId',
  '/attendanceEntry/taskId',
] as const;

const Scalar = z.union([z.string(), z.number()]);

/** One attendance entry after flattening (see flattenAttendanceItem): plain keys, values as given. */
export const RawAttendanceEntry = z.looseObject({
  id: Scalar.nullish(),
  employeeId: Scalar.nullish(),
  clockInDate: z.string().nullish(),
  clockOutDate: z.string().nullish(),
  type: z.string().nullish(),
  clockInTime: z.string().nullish(),
  clockOutTime: z.string().nullish(),
  duration: Scalar.nullish(),
  reasonCode: Scalar.nullish(),
  projectId: Scalar.nullish(),
  taskId: Scalar.nullish(),
  /** Not in the field list, but the API is described as time-zone aware: read a zone when one comes. */
  timeZone: z.string().nullish(),
  timezone: z.string().nullish(),
  source: z.string().nullish(),
});
export type RawAttendanceEntry = z.infer<typeof RawAttendanceEntry>;

/**
 * The response wrapper is not documented. Accept the usual HiBob wrappers (`results`, `entries`, `values`, …) or a
 * bare array, with the cursor where every other paginated HiBob endpoint puts it.
 */
export const RawAttendanceSearch = z.union([
  z.array(z.unknown()),
  z.looseObject({
    results: z.array(z.unknown()).nullish(),
    entries: z.array(z.unknown()).nullish(),
    attendanceEntries: z.array(z.unknown()).nullish(),
    values: z.array(z.unknown()).nullish(),
    items: z.array(z.unknown()).nullish(),
    data: z.array(z.unknown()).nullish(),
    response_metadata: z.looseObject({ next_cursor: z.string().nullish() }).nullish(),
  }),
]);
export type RawAttendanceSearch = z.infer<typeof RawAttendanceSearch>;

/** The items of a search answer, whichever wrapper it used. */
export function attendanceItems(body: RawAttendanceSearch): unknown[] {
  if (Array.isArray(body)) return body;
  return body.results ?? body.entries ?? body.attendanceEntries ?? body.values ?? body.items ?? body.data ?? [];
}

export function attendanceNextCursor(body: RawAttendanceSearch): string | null {
  return Array.isArray(body) ? null : (body.response_metadata?.next_cursor ?? null);
}

/**
 * One item as plain keys: accepts `{"/attendanceEntry/id": "1"}`, `{"/attendanceEntry/id": {"value": "1"}}` (the people
 * search convention), a nested `{"attendanceEntry": {...}}`, or plain `{"id": "1"}`.
 */
export function flattenAttendanceItem(item: unknown): Record<string, unknown> {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return {};
  const flat: Record<string, unknown> = {};
  const source = item as Record<string, unknown>;
  const nested = source.attendanceEntry;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) Object.assign(flat, nested);
  for (const [key, value] of Object.entries(source)) {
    if (key === 'attendanceEntry') continue;
    const plainKey = key.startsWith('/attendanceEntry/') ? key.slice('/attendanceEntry/'.length) : key;
    const unwrapped =
      value && typeof value === 'object' && !Array.isArray(value) && 'value' in value
        ? (value as { value: unknown }).value
        : value;
    // Slash keys are the documented form: they win over a nested copy.
    if (key.startsWith('/') || !(plainKey in flat)) flat[plainKey] = unwrapped;
  }
  return flat;
}
