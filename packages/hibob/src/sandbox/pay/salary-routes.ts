import { issueCursor, readCursor } from './cursor.js';
import type { PaySandboxData } from './pay-data.js';
import { errorReply, type PayReply, type PayRoute, type PayRouteRequest } from './pay-route-types.js';

export interface SalaryRouteOptions {
  /** Serve `/v1/bulk/people/salaries` (default true); false answers 404 like an account without it. */
  bulkSalaries?: boolean;
  /** Serve the legacy `/v1/payroll/history` (default true). */
  payrollHistory?: boolean;
}

const NO_PAYROLL = () =>
  errorReply(403, 'forbidden', 'The service user does not have permissions to access this table or employees');

export function salaryRoutes(data: PaySandboxData, options: SalaryRouteOptions = {}): PayRoute[] {
  // Per request: the host's company may grow while the sandbox runs.
  const knownIds = () => new Set(data.employeeIds);
  return [
    {
      method: 'GET',
      pattern: '/v1/people/:id/salaries',
      name: 'hibob.salaries.employee',
      handler(request, access) {
        if (!access.payroll) return NO_PAYROLL();
        const id = request.params.id ?? '';
        if (!knownIds().has(id)) return errorReply(404, 'not_found', `Employee ${id} not found`);
        if (data.payrollHidden.has(id) || (access.audience && !access.audience.has(id))) return NO_PAYROLL();
        return { status: 200, json: { values: data.salaryRows(id) } };
      },
    },
    {
      method: 'GET',
      pattern: '/v1/bulk/people/salaries',
      name: 'hibob.salaries.bulk',
      handler(request, access) {
        if (options.bulkSalaries === false) return errorReply(404, 'not_found', 'Not found');
        if (!access.payroll) return NO_PAYROLL();
        return bulkSalaries(request, data, knownIds(), access.audience);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/payroll/history',
      name: 'hibob.payroll.history',
      handler(_request, access) {
        if (options.payrollHistory === false) return errorReply(404, 'not_found', 'Not found');
        if (!access.payroll) return NO_PAYROLL();
        const employees = data.employeeIds
          .filter((id) => !data.payrollHidden.has(id) && (!access.audience || access.audience.has(id)))
          .map((id) => ({ id, displayName: null, payroll: { salary: data.salaryRows(id) } }));
        return { status: 200, json: { employees } };
      },
    },
  ];
}

function bulkSalaries(
  request: PayRouteRequest,
  data: PaySandboxData,
  known: ReadonlySet<string>,
  audience: ReadonlySet<string> | undefined,
): PayReply {
  const limitText = request.query.get('limit');
  const limit = limitText === null ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    return errorReply(400, 'invalid_limit', 'limit must be an integer between 1 and 200');
  // Both `employeeIds=a,b` and repeated `employeeIds=a&employeeIds=b` are read.
  const requested = request.query
    .getAll('employeeIds')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (requested.length > 200) return errorReply(400, 'too_many_ids', 'at most 200 employeeIds per request');
  const includeArchived = request.query.get('includeArchived') ?? 'false';
  const fingerprint = JSON.stringify({ limit, requested, includeArchived });
  let offset = 0;
  const cursor = request.query.get('cursor');
  if (cursor) {
    const read = readCursor(cursor, fingerprint);
    if ('error' in read) return errorReply(400, 'invalid_cursor', read.error);
    offset = read.offset;
  }
  // Company-wide, people outside the audience are simply absent; asked for by id, they come back under `errors`.
  const targets = requested.length > 0 ? requested : data.employeeIds.filter((id) => !audience || audience.has(id));
  const page = targets.slice(offset, offset + limit);
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const id of page) {
    if (!known.has(id)) errors.push({ employeeId: id, code: 'NOT_FOUND', message: `Employee ${id} not found` });
    else if (data.payrollHidden.has(id) || (audience && !audience.has(id)))
      errors.push({ employeeId: id, code: 'MISSING_PERMISSION', message: 'No permission to view this employee' });
    else results.push({ employeeId: id, values: data.salaryRows(id) });
  }
  const next = offset + limit < targets.length ? issueCursor(offset + limit, fingerprint) : null;
  return {
    status: 200,
    json: { results, ...(errors.length > 0 ? { errors } : {}), response_metadata: { next_cursor: next } },
  };
}
