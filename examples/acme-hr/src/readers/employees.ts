import type { Employee, EmploymentTypeRules, GetEmployeeOptions, ListEmployeesOptions } from '@hrkit/core';
import { paginateCursor } from '@hrkit/core';
import type { AcmeClient } from '../client.js';
import { toEmployee } from '../mapping/employee.js';

// #region read-employees
/** Every employee, page by page (bounded memory). Leavers only when asked: Acme filters them server-side. */
export async function* listEmployees(
  client: AcmeClient,
  employmentTypes: EmploymentTypeRules,
  options: ListEmployeesOptions,
): AsyncIterable<Employee> {
  const pages = paginateCursor(async (cursor) => {
    const page = await client.employeesPage(cursor, options.includeInactive === true, options.signal);
    return { items: page.data, nextCursor: page.next_cursor };
  });
  for await (const raw of pages) yield toEmployee(raw, employmentTypes, options);
}

export async function getEmployee(
  client: AcmeClient,
  employmentTypes: EmploymentTypeRules,
  remoteId: string,
  options: GetEmployeeOptions,
): Promise<Employee> {
  return toEmployee(await client.employee(remoteId, options.signal), employmentTypes, options);
}
// #endregion read-employees
