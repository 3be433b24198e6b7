import type {
  Employee,
  EmployeeChange,
  EmployeeChangesOptions,
  GetEmployeeOptions,
  ListEmployeesOptions,
} from '@hrkit/core';
import { issueValue, paginateOffset, readInstant, readRecordId, readText, reportDataIssue } from '@hrkit/core';
import { EMPLOYEE_PAGE, type PersonioClient } from '../client.js';
import { PERSONIO } from '../config.js';
import { type EmployeeMappingContext, toEmployee } from '../mapping/employee.js';
import type { RawPersonioEmployee } from '../raw/employee.js';

const LEAVERS = new Set(['terminated', 'inactive']);

/** Record-offset pages of everyone: Personio has no status filter, so leavers are dropped here unless asked for. */
export async function* listEmployees(
  client: PersonioClient,
  context: EmployeeMappingContext,
  options: ListEmployeesOptions,
): AsyncIterable<Employee> {
  let recordIndex = 0;
  for await (const raw of employeePages(client, {}, options.signal)) {
    // Core's one rule for ids: an employee without a readable one is reported (onDataIssue), never invented.
    const read = readRecordId(raw.attributes.id.value);
    const index = recordIndex++;
    if ('reason' in read) {
      const issue = {
        recordIndex: index,
        field: 'id',
        value: issueValue(raw.attributes.id.value),
        reason: read.reason,
      };
      reportDataIssue(issue, options.onDataIssue, { provider: PERSONIO, what: 'employee' });
      continue;
    }
    const employee = toEmployee(raw, { ...context, includeRaw: options.includeRaw });
    if (options.includeInactive || !LEAVERS.has(employee.employmentStatus.value)) yield employee;
  }
}

export function employeePages(client: PersonioClient, params: Record<string, string>, signal?: AbortSignal) {
  return paginateOffset(
    async (offset) => {
      const page = await client.employeesPage(offset, params, signal);
      return { items: page.data, total: page.metadata?.total_elements, totalPages: page.metadata?.total_pages };
    },
    {
      limit: EMPLOYEE_PAGE,
      idOf: (raw) => String(raw.attributes.id.value),
      provider: PERSONIO,
      request: 'GET /company/employees',
    },
  );
}

export async function getEmployee(
  client: PersonioClient,
  context: EmployeeMappingContext,
  remoteId: string,
  options: GetEmployeeOptions,
): Promise<Employee> {
  return toEmployee(await client.employee(remoteId, options.signal), { ...context, includeRaw: options.includeRaw });
}

/**
 * `updated_since` (by day: its time zone is not documented, so the day is asked and a few extra come back).
 * Whether Personio pages that answer is not documented either: read pages until one brings no new id.
 * Deletions never appear here; the sync engine finds them by reconciling full reads (docs/sync.md).
 */
export async function* listEmployeeChanges(
  client: PersonioClient,
  options: EmployeeChangesOptions,
): AsyncIterable<EmployeeChange> {
  const params = { updated_since: new Date(options.since).toISOString().slice(0, 10) };
  const seen = new Set<string>();
  for (let offset = 0; ; offset += EMPLOYEE_PAGE) {
    const page = await client.employeesPage(offset, params, options.signal);
    const fresh = page.data.filter((raw: RawPersonioEmployee) => !seen.has(String(raw.attributes.id.value)));
    for (const raw of fresh) {
      const remoteId = readText(raw.attributes.id.value) ?? '';
      seen.add(remoteId);
      yield { remoteId, action: 'updated', changedAt: readInstant(raw.attributes.last_modified_at?.value) };
    }
    const pages = page.metadata?.total_pages;
    if (
      fresh.length === 0 ||
      page.data.length < EMPLOYEE_PAGE ||
      (pages != null && offset / EMPLOYEE_PAGE + 1 >= pages)
    )
      return;
  }
}
