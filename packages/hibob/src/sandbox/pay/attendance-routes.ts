import { issueCursor, readCursor } from './cursor.js';
import type { PaySandboxData, SandboxAttendanceEntry } from './pay-data.js';
import { errorReply, type PayReply, type PayRoute, type PayRouteRequest } from './pay-route-types.js';

export interface AttendanceRouteOptions {
  /** The account bought Time and Attendance (default true); false answers 404. */
  attendanceModule?: boolean;
}

const FIELD_PREFIX = '/attendanceEntry/';
const DAY_MS = 86_400_000;

export function attendanceRoutes(data: PaySandboxData, options: AttendanceRouteOptions = {}): PayRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/attendance/entries/search',
      name: 'hibob.attendance.entries.search',
      handler(request, access) {
        if (options.attendanceModule === false) return errorReply(404, 'not_found', 'Not found');
        if (!access.attendance)
          return errorReply(
            403,
            'forbidden',
            'The service user does not have permission to manage time attendance sheets',
          );
        return searchEntries(request, data, access.audience);
      },
    },
  ];
}

interface Filter {
  field: string;
  operator: string;
  values: unknown[];
}

function searchEntries(
  request: PayRouteRequest,
  data: PaySandboxData,
  audience: ReadonlySet<string> | undefined,
): PayReply {
  let body: Record<string, unknown>;
  try {
    const parsed = request.json();
    body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return errorReply(400, 'invalid_body', 'the body must be JSON');
  }
  const fields = body.fields;
  if (
    !Array.isArray(fields) ||
    fields.length === 0 ||
    !fields.every((f) => typeof f === 'string' && f.startsWith(FIELD_PREFIX))
  )
    return errorReply(400, 'invalid_fields', 'fields must list /attendanceEntry/ field ids');
  const filters = readFilters(body.filters);
  if (!filters) return errorReply(400, 'invalid_filters', 'filters must be a list of {fieldId, operator, values}');
  const employees = filters.find((f) => f.field === `${FIELD_PREFIX}employeeId` && f.operator === 'equals');
  const from = filters.find((f) => f.field === `${FIELD_PREFIX}clockInDate` && f.operator === 'from')?.values[0];
  const to = filters.find((f) => f.field === `${FIELD_PREFIX}clockInDate` && f.operator === 'to')?.values[0];
  if (!employees || employees.values.length === 0)
    return errorReply(400, 'missing_filter', 'an /attendanceEntry/employeeId equals filter is required');
  if (
    typeof from !== 'string' ||
    typeof to !== 'string' ||
    Number.isNaN(Date.parse(from)) ||
    Number.isNaN(Date.parse(to))
  )
    return errorReply(400, 'missing_filter', '/attendanceEntry/clockInDate from and to filters are required');
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) return errorReply(400, 'invalid_range', 'from must not be after to');
  if (days > 33) return errorReply(400, 'invalid_range', 'the maximum date range is 33 days');
  const limitValue = body.limit ?? request.query.get('limit') ?? 50;
  const limit = Number(limitValue);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    return errorReply(400, 'invalid_limit', 'limit must be an integer between 1 and 200');
  const fingerprint = JSON.stringify({ fields, filters, limit });
  const cursor = body.cursor ?? request.query.get('cursor');
  let offset = 0;
  if (typeof cursor === 'string' && cursor !== '') {
    const read = readCursor(cursor, fingerprint);
    if ('error' in read) return errorReply(400, 'invalid_cursor', read.error);
    offset = read.offset;
  }
  const matching: SandboxAttendanceEntry[] = [];
  // Whether HiBob reports employees outside the audience here is undocumented: they are left out.
  for (const id of employees.values.map(String).filter((id) => !audience || audience.has(id)))
    for (let day = Date.parse(from); day <= Date.parse(to); day += DAY_MS)
      matching.push(...data.attendanceOn(id, new Date(day).toISOString().slice(0, 10)));
  const page = matching.slice(offset, offset + limit).map((entry) => project(entry, fields as string[]));
  const next = offset + limit < matching.length ? issueCursor(offset + limit, fingerprint) : null;
  return { status: 200, json: { results: page, response_metadata: { next_cursor: next } } };
}

/** Accepts `fieldId` (as the daily-breakdown docs show) and `fieldPath` (as people search uses). */
function readFilters(input: unknown): Filter[] | null {
  if (!Array.isArray(input)) return null;
  const filters: Filter[] = [];
  for (const item of input) {
    if (!item || typeof item !== 'object') return null;
    const record = item as Record<string, unknown>;
    const field = record.fieldId ?? record.fieldPath;
    if (typeof field !== 'string' || typeof record.operator !== 'string' || !Array.isArray(record.values)) return null;
    filters.push({ field, operator: record.operator, values: record.values });
  }
  return filters;
}

/** Only the requested fields come back, under their `/attendanceEntry/` ids. */
function project(entry: SandboxAttendanceEntry, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const key = field.slice(FIELD_PREFIX.length) as keyof SandboxAttendanceEntry;
    if (key in entry) out[field] = entry[key];
  }
  return out;
}
