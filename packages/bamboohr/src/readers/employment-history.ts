import { appendAll, type EmploymentHistoryEntry, type EmploymentHistoryOptions, type ReadOptions } from '@hrkit/core';
import type { BambooHrClient } from '../client.js';
import { BAMBOOHR } from '../config.js';
import type { EmploymentTypeRules } from '@hrkit/core';
import { HISTORY_TABLES, type HistoryTable, mapHistoryRows } from '../mapping/employment-history.js';
import type { PeopleIndex } from '../mapping/people-index.js';
import type { RawTableRow } from '../raw/tables.js';
import { type BambooHrReadContext, todayIn } from './context.js';
import { loadPeople } from './people.js';

export function groupByEmployee<T extends { employeeId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.employeeId);
    if (list) list.push(row);
    else groups.set(row.employeeId, [row]);
  }
  return groups;
}

// #region read-employment-history
/** The jobInfo and employmentStatus tables of everyone (or of `employeeIds`), as dated history entries. */
export async function* listEmploymentHistory(
  context: BambooHrReadContext,
  options: EmploymentHistoryOptions = {},
): AsyncIterable<EmploymentHistoryEntry> {
  const { people } = await loadPeople(context.client, todayIn(context), options.signal);
  const history = await historyByEmployee(context, people, options.employeeIds, options);
  for (const entries of history.values()) yield* entries;
}
// #endregion read-employment-history

/** The history of everyone (or of `employeeIds`) by employee id, for listing and for `includeHistory`. */
export function historyByEmployee(
  context: BambooHrReadContext,
  people: PeopleIndex,
  employeeIds: readonly string[] | undefined,
  options: ReadOptions,
): Promise<Map<string, EmploymentHistoryEntry[]>> {
  const mapping = {
    today: todayIn(context),
    people,
    employmentTypes: context.employmentTypes,
    includeRaw: options.includeRaw === true,
  };
  return readHistory(context.client, mapping, employeeIds, options.signal);
}

/** jobInfo + employmentStatus rows by employee: one `all` call per table, or one per employee when ids are given. */
export async function readHistory(
  client: BambooHrClient,
  context: { today: string; people: PeopleIndex; employmentTypes: EmploymentTypeRules; includeRaw: boolean },
  employeeIds: readonly string[] | undefined,
  signal?: AbortSignal,
): Promise<Map<string, EmploymentHistoryEntry[]>> {
  const result = new Map<string, EmploymentHistoryEntry[]>();
  for (const table of Object.keys(HISTORY_TABLES) as HistoryTable[]) {
    const rows: RawTableRow[] = [];
    if (employeeIds) for (const id of employeeIds) appendAll(rows, await client.table(id, table, signal));
    else appendAll(rows, await client.table('all', table, signal));
    for (const [employeeId, list] of groupByEmployee(rows)) {
      const entries = result.get(employeeId) ?? [];
      appendAll(entries, mapHistoryRows(table, list, { provider: BAMBOOHR, ...context }));
      result.set(employeeId, entries);
    }
  }
  for (const entries of result.values())
    entries.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.table.localeCompare(b.table));
  return result;
}
