import {
  type Compensation,
  type CompensationOptions,
  chunk,
  type Logger,
  NotFoundError,
  PermissionError,
} from '@hrkit/core';
import type { BulkSalaryFilters } from '../client.js';
import { HIBOB } from '../config.js';
import { HIBOB_PERMISSIONS, PayPermissionError, type PayPermissionIssue } from '../errors.js';
import { mapSalaryRows } from '../mapping/compensation.js';
import { readBulkErrors } from '../raw/salary.js';
import type { HiBobReadContext } from './context.js';

/** HiBob's documented ceilings (docs/providers/hibob.md): 200 rows per bulk page, 200 employee ids per bulk call. */
export const BULK_PAGE_LIMIT = 200;
export const BULK_EMPLOYEE_IDS_LIMIT = 200;
/** Per-employee GETs are cheaper than a bulk scan only for a handful of employees. */
export const PER_EMPLOYEE_READ_MAX = 5;

/** How a read handles unreadable employees (extra options of the HiBob pay reads). */
export interface PayIssueHandling {
  /**
   * Called once per employee whose pay the service user may not read. Giving a handler means the consumer handles
   * the gaps: the read then completes without throwing (unless `failOnPermissionIssues` is true).
   */
  onPermissionIssue?: (issue: PayPermissionIssue) => void;
  /**
   * Throw a PayPermissionError at the END of the read (after every readable row was yielded) when any employee was
   * unreadable. Default: true without `onPermissionIssue`, false with it. Gaps in pay data are never silent.
   */
  failOnPermissionIssues?: boolean;
}

/** One employee's rows as HiBob returned them (unparsed rows: mapping validates each one). */
interface EmployeeSalaryRows {
  employeeRemoteId: string;
  displayName?: string | null;
  rows: unknown[];
}

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
export async function* listCompensation(
  context: HiBobReadContext,
  options: HiBobCompensationOptions = {},
): AsyncGenerator<Compensation> {
  const issues = new PayIssueCollector(context.logger, options);
  const includeRaw = options.includeRaw ?? false;
  // An empty list means "no filter", as in the adapter's other reads.
  const ids = options.employeeIds?.length ? [...new Set(options.employeeIds)] : undefined;
  let rows = 0;
  const emit = (employee: EmployeeSalaryRows, sourceTable: string) => {
    const mapped = mapSalaryRows(employee.rows, {
      employeeRemoteId: employee.employeeRemoteId,
      displayName: employee.displayName ?? null,
      sourceTable,
      includeRaw,
      ...(options.onDataIssue ? { onDataIssue: options.onDataIssue } : {}),
    });
    rows += mapped.length;
    return mapped;
  };

  const fromPayrollHistory = async function* () {
    const wanted = ids ? new Set(ids) : null;
    const employees = await payrollHistory(context, options.signal);
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
      const result = await employeeSalaries(context, id, options.signal);
      if ('rows' in result) yield* emit(result, 'salaries');
      else issues.report(result);
    }
  } else {
    const batches: (readonly string[] | undefined)[] = ids ? chunk(ids, BULK_EMPLOYEE_IDS_LIMIT) : [undefined];
    try {
      for (const employeeIds of batches) {
        const filters = { limit: BULK_PAGE_LIMIT, ...(employeeIds ? { employeeIds } : {}) };
        for await (const page of bulkSalaryPages(context, filters, options.signal)) {
          for (const issue of page.issues) issues.report(issue);
          for (const employee of page.results) yield* emit(employee, 'salaries');
        }
      }
    } catch (error) {
      // Only a 404 before any row means "no bulk endpoint here"; later failures are real failures.
      if (!(error instanceof NotFoundError) || rows > 0 || issues.count > 0) throw error;
      context.logger.info('hibob.compensation.fallback', {
        provider: HIBOB,
        from: 'GET /v1/bulk/people/salaries',
        to: 'GET /v1/payroll/history',
      });
      yield* fromPayrollHistory();
    }
  }
  context.logger.info('hibob.compensation.done', { provider: HIBOB, rows, unreadableEmployees: issues.count });
  issues.finish();
}

/**
 * `GET /v1/bulk/people/salaries`, every page. The filters are built once and sent unchanged with each cursor (HiBob
 * requires identical filters on every page); a cursor seen twice is a provider bug, not a loop.
 */
async function* bulkSalaryPages(
  context: HiBobReadContext,
  filters: BulkSalaryFilters,
  signal: AbortSignal | undefined,
): AsyncGenerator<{ results: EmployeeSalaryRows[]; issues: PayPermissionIssue[] }> {
  const fixed = Object.freeze({ ...filters });
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    const body = await context.client.bulkSalaries(fixed, cursor, signal);
    const results = (body.results ?? []).flatMap((result) =>
      result.employeeId === null || result.employeeId === undefined
        ? []
        : [{ employeeRemoteId: String(result.employeeId), rows: result.values ?? [] }],
    );
    const issues = readBulkErrors(body.errors, 'bulk salaries');
    const nextCursor = body.response_metadata?.next_cursor || null;
    context.logger.debug('hibob.compensation.page', {
      provider: HIBOB,
      page,
      employees: results.length,
      unreadable: issues.length,
      more: nextCursor !== null,
    });
    yield { results, issues };
    if (!nextCursor) return;
    if (seen.has(nextCursor)) throw new Error(`${HIBOB}: bulk salaries returned the same cursor twice`);
    seen.add(nextCursor);
    cursor = nextCursor;
  }
}

/**
 * One employee's Salary table. An employee the service user may not see answers 403 (or 404 when unknown): that is
 * a per-employee issue, returned as such rather than thrown.
 */
async function employeeSalaries(
  context: HiBobReadContext,
  employeeRemoteId: string,
  signal: AbortSignal | undefined,
): Promise<EmployeeSalaryRows | PayPermissionIssue> {
  try {
    return { employeeRemoteId, rows: (await context.client.salaries(employeeRemoteId, signal)) ?? [] };
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

/** The legacy payroll history as rows per employee; some tenants send only the current row as an object. */
async function payrollHistory(context: HiBobReadContext, signal: AbortSignal | undefined) {
  const employees = (await context.client.payrollHistory(true, signal)) ?? [];
  return employees.flatMap((employee): EmployeeSalaryRows[] => {
    if (employee.id === null || employee.id === undefined) return [];
    const salary = employee.payroll?.salary;
    const rows = Array.isArray(salary) ? salary : salary && typeof salary === 'object' ? [salary] : [];
    return [{ employeeRemoteId: String(employee.id), displayName: employee.displayName ?? null, rows }];
  });
}

/** Collects issues during a read: logs each (ids and codes only), forwards it, and decides at the end. */
export class PayIssueCollector {
  private readonly issues: PayPermissionIssue[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly logger: Logger,
    private readonly handling: PayIssueHandling,
  ) {}

  report(issue: PayPermissionIssue): void {
    // Bulk pages may repeat an employee's error; report each employee once.
    if (this.seen.has(issue.employeeRemoteId)) return;
    this.seen.add(issue.employeeRemoteId);
    this.issues.push(issue);
    this.logger.warn('hibob.compensation.unreadable_employee', {
      provider: HIBOB,
      employeeRemoteId: issue.employeeRemoteId,
      code: issue.code,
      source: issue.source,
      permission: HIBOB_PERMISSIONS.payroll,
    });
    this.handling.onPermissionIssue?.(issue);
  }

  get count(): number {
    return this.issues.length;
  }

  /** Throw if the consumer wants gaps to fail the read. Called after the last row was yielded. */
  finish(): void {
    const fail = this.handling.failOnPermissionIssues ?? this.handling.onPermissionIssue === undefined;
    if (fail && this.issues.length > 0) throw new PayPermissionError(this.issues);
  }
}
