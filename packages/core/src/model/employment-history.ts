import { z } from 'zod';
import { EmployeeRef, HrKitId, IsoDate, ProviderKey, RawData, RemoteId } from './common.js';
import { EmploymentStatus, EmploymentType } from './employment.js';
import { Department, WorkLocation } from './organization.js';

/**
 * One dated row of an employee's history (HiBob's work/employment/lifecycle tables, BambooHR's
 * jobInfo/employmentStatus tables). Fields a table does not carry are null. Rows of one employee,
 * ordered by `effectiveDate`, answer "as of date" questions (see `historyAsOf`).
 */
export const EmploymentHistoryEntry = z.strictObject({
  id: HrKitId,
  provider: ProviderKey,
  remoteId: RemoteId.describe('Row id, or a synthetic `<table>:<employee>:<date>` key when the provider has none'),
  employee: EmployeeRef,
  table: z.string().describe("The provider's table, e.g. `work`, `employment`, `lifecycle`, `jobInfo`"),
  kind: z.enum(['job', 'employment', 'lifecycle', 'other']),
  effectiveDate: IsoDate,
  endDate: IsoDate.nullable().describe('Day before the next row takes effect, when known'),
  isCurrent: z.boolean().nullable(),
  jobTitle: z.string().nullable(),
  department: Department.nullable(),
  workLocation: WorkLocation.nullable(),
  manager: EmployeeRef.nullable(),
  employmentType: EmploymentType.nullable(),
  employmentStatus: EmploymentStatus.nullable(),
  weeklyHours: z.number().nullable(),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  raw: RawData.optional(),
});
export type EmploymentHistoryEntry = z.infer<typeof EmploymentHistoryEntry>;

/** What identifies a history row; every other field defaults to null. */
export type EmploymentHistoryRowKey = Pick<
  EmploymentHistoryEntry,
  'provider' | 'remoteId' | 'employee' | 'table' | 'kind' | 'effectiveDate'
>;

/**
 * Build a history row from its key and whatever the provider's table carries: adapters state only the columns
 * their table has, and the id is derived the same way everywhere (`<provider>:<remote id>`).
 */
export function employmentHistoryEntry(
  key: EmploymentHistoryRowKey,
  columns: Partial<Omit<EmploymentHistoryEntry, keyof EmploymentHistoryRowKey | 'id'>> = {},
): EmploymentHistoryEntry {
  return {
    id: `${key.provider}:${key.remoteId}`,
    ...key,
    endDate: null,
    isCurrent: null,
    jobTitle: null,
    department: null,
    workLocation: null,
    manager: null,
    employmentType: null,
    employmentStatus: null,
    weeklyHours: null,
    reason: null,
    comment: null,
    ...columns,
  };
}

/**
 * The rows in force on `date`, one per employee and table: the latest row of each table with
 * effectiveDate <= date (on a tie, the later one in `rows`), unless that row says it ended before `date`.
 * Keyed by employee too, so passing the history of several employees answers for each of them.
 */
export function historyAsOf(rows: readonly EmploymentHistoryEntry[], date: string): EmploymentHistoryEntry[] {
  const latest = new Map<string, EmploymentHistoryEntry>();
  for (const row of rows) {
    if (row.effectiveDate > date) continue;
    const key = `${row.employee.id}\u0000${row.table}`;
    const current = latest.get(key);
    if (!current || row.effectiveDate >= current.effectiveDate) latest.set(key, row);
  }
  return [...latest.values()].filter((row) => row.endDate === null || row.endDate >= date);
}
