import { PermissionError } from '@hrkit/core';
import type { BambooHrClient } from '../client.js';
import { BAMBOOHR } from '../config.js';
import type { EmploymentTypeRules } from '@hrkit/core';
import { lifecycleOf } from '../mapping/employment-type.js';
import { typesBeforeLeaving } from '../mapping/employment-history.js';
import { PeopleIndex } from '../mapping/people-index.js';
import { date, text } from '../mapping/values.js';
import type { RawEmployeeRow } from '../raw/report.js';

/** Fields enough to resolve managers by id, employee number or name, and to tell who is current. */
const INDEX_FIELDS = [
  'id',
  'employeeNumber',
  'firstName',
  'lastName',
  'displayName',
  'preferredName',
  'status',
  'terminationDate',
];

/** Names and numbers of everyone (leavers too), plus the ids of current employees: one small custom report. */
export async function loadPeople(
  client: BambooHrClient,
  today: string,
  signal?: AbortSignal,
): Promise<{ people: PeopleIndex; currentIds: string[] }> {
  const report = await client.customReport(INDEX_FIELDS, signal ? { signal } : {});
  const currentIds = report.employees
    .filter((row) => {
      const terminated = date(row.terminationDate);
      return text(row.status)?.toLowerCase() !== 'inactive' && !(terminated && terminated <= today);
    })
    .map((row) => row.id);
  return { people: new PeopleIndex(BAMBOOHR, report.employees), currentIds };
}

/**
 * What leavers were before "Terminated": one employmentStatus-table read, only when someone has a lifecycle label.
 * A key that may not read the table (403) keeps the label as it is.
 */
export async function loadTypesOfLeavers(
  client: BambooHrClient,
  employmentTypes: EmploymentTypeRules,
  rows: readonly RawEmployeeRow[],
  employeeId: string | undefined,
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const leaving = rows.some((row) => lifecycleOf(employmentTypes, text(row.employmentHistoryStatus)) === 'terminated');
  if (!leaving) return new Map();
  try {
    return typesBeforeLeaving(await client.table(employeeId ?? 'all', 'employmentStatus', signal), employmentTypes);
  } catch (error) {
    if (error instanceof PermissionError) return new Map();
    throw error;
  }
}
