import { NotFoundError, PermissionError, parseProviderData } from '@hrkit/core';
import { BULK_PAGE_LIMIT, type PayContext } from './pay-context.js';
import { type PayPermissionIssue, readBulkErrors } from './permission-issues.js';
import { PAY_PERMISSIONS, PAY_PROVIDER } from './provider.js';
import { RawBulkSalaries, RawSalaryTable } from './raw-salary.js';

/** One employee's rows as HiBob returned them (unparsed rows: mapping validates each one). */
export interface EmployeeSalaryRows {
  employeeRemoteId: string;
  rows: unknown[];
}

export interface BulkSalaryPage {
  results: EmployeeSalaryRows[];
  issues: PayPermissionIssue[];
  nextCursor: string | null;
}

export interface BulkSalaryFilters {
  /** At most 200 ids; absent = every employee the service user can access. */
  employeeIds?: readonly string[];
  includeArchived?: boolean;
  limit?: number;
  signal?: AbortSignal;
}

/**
 * `GET /v1/bulk/people/salaries`, every page. The filters are built once and sent unchanged with each cursor (HiBob
 * requires identical filters on every page).
 */
export async function* readBulkSalaryPages(
  context: PayContext,
  filters: BulkSalaryFilters,
): AsyncGenerator<BulkSalaryPage> {
  const fixed = Object.freeze({
    limit: filters.limit ?? BULK_PAGE_LIMIT,
    ...(filters.employeeIds && filters.employeeIds.length > 0 ? { employeeIds: filters.employeeIds.join(',') } : {}),
    includeArchived: filters.includeArchived ?? false,
  });
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    const response = await withPayrollPermission(() =>
      context.http.get('/v1/bulk/people/salaries', {
        searchParams: { ...fixed, ...(cursor ? { cursor } : {}) },
        ...(filters.signal ? { signal: filters.signal } : {}),
      }),
    );
    const body = parseProviderData(RawBulkSalaries, response.body, {
      provider: PAY_PROVIDER,
      what: 'bulk salaries page',
      request: 'GET /v1/bulk/people/salaries',
    });
    const results = (body.results ?? []).flatMap((result) =>
      result.employeeId === null || result.employeeId === undefined
        ? []
        : [{ employeeRemoteId: String(result.employeeId), rows: result.values ?? [] }],
    );
    const issues = readBulkErrors(body.errors, 'bulk salaries');
    const nextCursor = body.response_metadata?.next_cursor || null;
    context.logger.debug('hibob.compensation.page', {
      provider: PAY_PROVIDER,
      page,
      employees: results.length,
      unreadable: issues.length,
      more: nextCursor !== null,
    });
    yield { results, issues, nextCursor };
    if (!nextCursor) return;
    // A provider bug returning the same cursor again must not loop forever.
    if (seen.has(nextCursor)) throw new Error(`${PAY_PROVIDER}: bulk salaries returned the same cursor twice`);
    seen.add(nextCursor);
    cursor = nextCursor;
  }
}

/**
 * `GET /v1/people/{id}/salaries`. An employee the service user may not see answers 403 (or 404 when unknown): that is
 * a per-employee issue, returned as such rather than thrown.
 */
export async function readEmployeeSalaries(
  context: PayContext,
  employeeRemoteId: string,
  signal?: AbortSignal,
): Promise<EmployeeSalaryRows | PayPermissionIssue> {
  try {
    const response = await context.http.get(`/v1/people/${encodeURIComponent(employeeRemoteId)}/salaries`, {
      ...(signal ? { signal } : {}),
    });
    const body = parseProviderData(RawSalaryTable, response.body, {
      provider: PAY_PROVIDER,
      what: 'salary table',
      recordId: employeeRemoteId,
      request: 'GET /v1/people/{id}/salaries',
    });
    return { employeeRemoteId, rows: body.values ?? [] };
  } catch (error) {
    if (error instanceof PermissionError || error instanceof NotFoundError)
      return {
        employeeRemoteId,
        code: error instanceof PermissionError ? 'FORBIDDEN' : 'NOT_FOUND',
        message: null,
        source: 'employee salaries',
      };
    throw error;
  }
}

/** A 403 on a whole pay endpoint means the Payroll category is missing: say which permission to grant. */
export async function withPayrollPermission<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PermissionError && error.permission === null)
      throw new PermissionError(`${error.message} Grant ${PAY_PERMISSIONS.payroll}.`, {
        provider: PAY_PROVIDER,
        request: error.request,
        status: error.status,
        permission: PAY_PERMISSIONS.payroll,
      });
    throw error;
  }
}
