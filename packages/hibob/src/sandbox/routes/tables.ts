import { jsonReply } from '@hrkit/sandbox-kit';
import { canViewCategory, canViewHistory, inAudience, type ServiceUser } from '../access/service-users.js';
import { bobErrors, fail } from '../http/errors.js';
import { BOB_RATE_LIMITS } from '../http/rate-limits.js';
import type { BobRouteApi } from '../http/route-api.js';
import type { CompanyState } from '../state/company-state.js';
import type { BobEmployee, TableName } from '../state/types.js';
import { renderTable } from '../view/table-rows.js';

/** Which People's Data category guards each table. */
const TABLE_CATEGORY: Record<TableName, string> = { work: 'work', employment: 'employment', lifecycle: 'lifecycle' };
const MAX_LIMIT = 200;
const DEFAULT_LIMIT = 50;
const MAX_EMPLOYEE_IDS = 200;

function tableOf(name: string | undefined): TableName | undefined {
  return name === 'work' || name === 'employment' || name === 'lifecycle' ? name : undefined;
}

export function registerTableRoutes(api: BobRouteApi): void {
  const { state } = api;
  api.route({
    method: 'GET',
    pattern: '/v1/people/:id/:table',
    endpoint: 'tables.read',
    limit: BOB_RATE_LIMITS['tables.read'],
    handler: (request, caller) => {
      const table = tableOf(request.params.table);
      if (!table) return bobErrors.notFound(`Table ${request.params.table} was not found.`);
      if (!canViewCategory(caller, TABLE_CATEGORY[table])) return bobErrors.forbidden(`${table} table`);
      const employee = state.employee(request.params.id ?? '');
      if (!employee) return bobErrors.notFound(`Employee ${request.params.id} was not found.`);
      if (!inAudience(caller, employee, state.today()))
        return bobErrors.forbidden('employee outside the access audience');
      return jsonReply(200, {
        values: visibleRows(
          caller,
          table,
          renderTable(employee, table, state, request.query.get('includeHumanReadable') === 'true'),
        ),
      });
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/bulk/people/:table',
    endpoint: 'bulk.read',
    limit: BOB_RATE_LIMITS['bulk.read'],
    handler: (request, caller) => {
      const table = tableOf(request.params.table);
      if (!table) return bobErrors.notFound(`Bulk table ${request.params.table} was not found.`);
      if (!canViewCategory(caller, TABLE_CATEGORY[table])) return bobErrors.forbidden(`${table} table`);
      const limit = parseLimit(request.query.get('limit'));
      const employeeIdsParam = request.query.get('employeeIds');
      const employeeIds = employeeIdsParam
        ? employeeIdsParam
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : null;
      if (employeeIds && employeeIds.length > MAX_EMPLOYEE_IDS) {
        fail(bobErrors.badRequest(`employeeIds may hold at most ${MAX_EMPLOYEE_IDS} ids, got ${employeeIds.length}.`));
      }
      const filterKey = JSON.stringify([table, employeeIdsParam ?? '', request.query.get('includeArchived') ?? '']);
      const cursor = request.query.get('cursor');
      const after = cursor ? decodeCursor(cursor, filterKey) : 0;
      const { population, errors } = populationOf(state, caller, employeeIds);
      const start = firstAfter(population, after);
      const page = population.slice(start, start + limit);
      const more = start + limit < population.length;
      const last = page[page.length - 1];
      return jsonReply(200, {
        results: page.map((employee) => ({
          employeeId: employee.id,
          values: visibleRows(caller, table, renderTable(employee, table, state, false)),
        })),
        response_metadata: { next_cursor: more && last ? encodeCursor(last.seq, filterKey) : null },
        // Requested people the caller may not see come back here; the rest of the page still answers.
        errors: cursor ? [] : errors,
      });
    },
  });
}

/**
 * "View" without "View history" on the table's category: HiBob answers with the current row only (hibob-api.md
 * §1, "View history" for table history) — a 200 that silently lacks the past, like omitted fields.
 */
function visibleRows<Row extends Record<string, unknown>>(caller: ServiceUser, table: TableName, rows: Row[]): Row[] {
  return canViewHistory(caller, TABLE_CATEGORY[table]) ? rows : rows.filter((row) => row.isCurrent === true);
}

function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1)
    fail(bobErrors.badRequest(`limit must be an integer between 1 and ${MAX_LIMIT}, got "${raw}".`));
  if (limit > MAX_LIMIT) fail(bobErrors.badRequest(`limit must not exceed ${MAX_LIMIT}, got ${limit}.`));
  return limit;
}

function populationOf(
  state: CompanyState,
  caller: ServiceUser,
  employeeIds: string[] | null,
): { population: BobEmployee[]; errors: Array<{ employeeId: string; code: string; message: string }> } {
  const today = state.today();
  if (!employeeIds)
    return { population: state.employees.filter((employee) => inAudience(caller, employee, today)), errors: [] };
  const errors: Array<{ employeeId: string; code: string; message: string }> = [];
  const population: BobEmployee[] = [];
  for (const id of new Set(employeeIds)) {
    const employee = state.employee(id);
    if (!employee) errors.push({ employeeId: id, code: 'NOT_FOUND', message: `Employee ${id} was not found.` });
    else if (!inAudience(caller, employee, today)) {
      errors.push({ employeeId: id, code: 'MISSING_PERMISSION', message: `No permission to access employee ${id}.` });
    } else population.push(employee);
  }
  population.sort((a, b) => a.seq - b.seq);
  return { population, errors };
}

/** Index of the first employee whose seq is greater than `after` (the list is sorted by seq). */
function firstAfter(population: readonly BobEmployee[], after: number): number {
  let low = 0;
  let high = population.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (population[mid]!.seq <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Opaque to clients: the last seq served plus the filters it was issued for. */
function encodeCursor(afterSeq: number, filterKey: string): string {
  return Buffer.from(JSON.stringify({ a: afterSeq, f: filterKey }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, filterKey: string): number {
  let parsed: { a?: unknown; f?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { a?: unknown; f?: unknown };
  } catch {
    return fail(bobErrors.badRequest('The cursor is invalid.'));
  }
  if (typeof parsed.a !== 'number') return fail(bobErrors.badRequest('The cursor is invalid.'));
  if (parsed.f !== filterKey) {
    return fail(
      bobErrors.badRequest('The filters must be identical on every page of a cursor; start again without a cursor.'),
    );
  }
  return parsed.a;
}
