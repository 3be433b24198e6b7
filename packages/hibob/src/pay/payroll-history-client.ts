import { parseProviderData } from '@hrkit/core';
import type { PayContext } from './pay-context.js';
import { PAY_PROVIDER } from './provider.js';
import { RawPayrollHistory } from './raw-salary.js';
import { type EmployeeSalaryRows, withPayrollPermission } from './salary-client.js';

export interface PayrollHistoryEmployee extends EmployeeSalaryRows {
  displayName: string | null;
}

/**
 * `GET /v1/payroll/history` (legacy, announced for deprecation): one unpaginated answer with every readable
 * employee and their `payroll.salary` rows. Used only where the bulk salaries endpoint is not available.
 */
export async function readPayrollHistory(
  context: PayContext,
  options: { showInactive: boolean; signal?: AbortSignal },
): Promise<PayrollHistoryEmployee[]> {
  const response = await withPayrollPermission(() =>
    context.http.get('/v1/payroll/history', {
      searchParams: { showInactive: options.showInactive },
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
  const body = parseProviderData(RawPayrollHistory, response.body, {
    provider: PAY_PROVIDER,
    what: 'payroll history',
    request: 'GET /v1/payroll/history',
  });
  return (body.employees ?? []).flatMap((employee) => {
    if (employee.id === null || employee.id === undefined) return [];
    const salary = employee.payroll?.salary;
    // Some tenants return only the current row as an object instead of the history array.
    const rows = Array.isArray(salary) ? salary : salary && typeof salary === 'object' ? [salary] : [];
    return [{ employeeRemoteId: String(employee.id), displayName: employee.displayName ?? null, rows }];
  });
}
