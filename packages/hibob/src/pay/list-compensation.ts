import { type Compensation, type CompensationOptions, chunk, NotFoundError } from '@hrkit/core';
import { mapSalaryRows } from './map-compensation.js';
import { BULK_EMPLOYEE_IDS_LIMIT, type PayContext, PER_EMPLOYEE_READ_MAX } from './pay-context.js';
import { type PayIssueHandling, PayIssueCollector } from './permission-issues.js';
import { PAY_PROVIDER } from './provider.js';
import { readPayrollHistory } from './payroll-history-client.js';
import { type EmployeeSalaryRows, readBulkSalaryPages, readEmployeeSalaries } from './salary-client.js';

/** CompensationOptions plus the HiBob-specific handling of employees the service user may not read. */
export type HiBobCompensationOptions = CompensationOptions &
  PayIssueHandling & {
    /**
     * `auto` (default): the Salary table endpoints, falling back to the legacy payroll history where bulk salaries
     * answer 404. `payrollHistory`: the legacy `GET /v1/payroll/history` only (one unpaginated call).
     */
    source?: 'auto' | 'payrollHistory';
  };

/**
 * Salary history as Compensation entries, each employee's rows oldest first.
 *
 * - A handful of `employeeIds` → one `GET /people/{id}/salaries` each.
 * - Otherwise → the cursor-paginated bulk endpoint (ids in chunks of 200, identical filters on every page).
 * - Bulk salaries not available on the account (404), or `source: 'payrollHistory'` → the legacy
 *   `GET /payroll/history`.
 *
 * Employees the service user may not read are reported (warning log with ids and codes, `onPermissionIssue`) and, by
 * default, end the read with a PayPermissionError once every readable row was yielded.
 */
export async function* listHiBobCompensation(
  context: PayContext,
  options: HiBobCompensationOptions = {},
): AsyncGenerator<Compensation> {
  const issues = new PayIssueCollector(context.logger, options);
  const includeRaw = options.includeRaw ?? false;
  // An empty list means "no filter", as in the adapter's other reads.
  const ids = options.employeeIds?.length ? [...new Set(options.employeeIds)] : undefined;
  let rows = 0;
  const emit = (employee: EmployeeSalaryRows & { displayName?: string | null }, sourceTable: string) => {
    const mapped = mapSalaryRows(employee.rows, {
      employeeRemoteId: employee.employeeRemoteId,
      displayName: employee.displayName ?? null,
      sourceTable,
      includeRaw,
    });
    rows += mapped.length;
    return mapped;
  };

  const fromPayrollHistory = async function* () {
    const wanted = ids ? new Set(ids) : null;
    const employees = await readPayrollHistory(context, { showInactive: true, ...signalOf(options) });
    for (const employee of employees)
      if (!wanted || wanted.has(employee.employeeRemoteId)) yield* emit(employee, 'payroll.history');
    // The legacy endpoint leaves out whom the service user may not read: a requested id it skipped is a gap too.
    const returned = new Set(employees.map((employee) => employee.employeeRemoteId));
    for (const id of ids ?? [])
      if (!returned.has(id))
        issues.report({ employeeRemoteId: id, code: 'NOT_RETURNED', message: null, source: 'payroll history' });
  };

  if (options.source === 'payrollHistory') {
    yield* fromPayrollHistory();
  } else if (ids && ids.length <= PER_EMPLOYEE_READ_MAX) {
    for (const id of ids) {
      const result = await readEmployeeSalaries(context, id, options.signal);
      if ('rows' in result) yield* emit(result, 'salaries');
      else issues.report(result);
    }
  } else {
    const batches: (readonly string[] | undefined)[] = ids ? chunk(ids, BULK_EMPLOYEE_IDS_LIMIT) : [undefined];
    try {
      for (const employeeIds of batches) {
        for await (const page of readBulkSalaryPages(context, {
          ...(employeeIds ? { employeeIds } : {}),
          ...signalOf(options),
        })) {
          for (const issue of page.issues) issues.report(issue);
          for (const employee of page.results) yield* emit(employee, 'salaries');
        }
      }
    } catch (error) {
      // Only a 404 before any row means "no bulk endpoint here"; later failures are real failures.
      if (!(error instanceof NotFoundError) || rows > 0 || issues.count > 0) throw error;
      context.logger.info('hibob.compensation.fallback', {
        provider: PAY_PROVIDER,
        from: 'GET /v1/bulk/people/salaries',
        to: 'GET /v1/payroll/history',
      });
      yield* fromPayrollHistory();
    }
  }
  context.logger.info('hibob.compensation.done', { provider: PAY_PROVIDER, rows, unreadableEmployees: issues.count });
  issues.finish();
}

function signalOf(options: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
