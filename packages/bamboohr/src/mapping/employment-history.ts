import { type EmploymentHistoryEntry, employmentHistoryEntry } from '@hrkit/core';
import type { RawTableRow } from '../raw/tables.js';
import type { EmploymentTypeRules } from '@hrkit/core';
import { classifyEmploymentType, lifecycleOf } from './employment-type.js';
import type { PeopleIndex } from './people-index.js';
import { date, dayBefore, text } from './values.js';

/** The history tables the adapter reads, and what each one carries. */
export const HISTORY_TABLES = { jobInfo: 'job', employmentStatus: 'employment' } as const;
export type HistoryTable = keyof typeof HISTORY_TABLES;

export interface HistoryMappingContext {
  provider: string;
  today: string;
  people: PeopleIndex;
  employmentTypes: EmploymentTypeRules;
  includeRaw?: boolean;
}

/**
 * All rows of one table for one employee → dated entries. BambooHR returns rows unsorted; the adapter orders them,
 * derives `endDate` (the day before the next row) and marks the row in force today as current. Rows without a
 * valid date cannot be placed on a timeline and are skipped.
 */
export function mapHistoryRows(
  table: HistoryTable,
  rows: readonly RawTableRow[],
  context: HistoryMappingContext,
): EmploymentHistoryEntry[] {
  const dated = rows
    .map((row) => ({ row, effectiveDate: date(row.date) }))
    .filter((entry): entry is { row: RawTableRow; effectiveDate: string } => entry.effectiveDate !== null)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || String(a.row.id).localeCompare(String(b.row.id)));
  const currentIndex = dated.reduce(
    (found, entry, index) => (entry.effectiveDate <= context.today ? index : found),
    -1,
  );
  return dated.map((entry, index) => {
    const next = dated[index + 1];
    return mapRow(table, entry.row, entry.effectiveDate, {
      endDate: next && next.effectiveDate > entry.effectiveDate ? dayBefore(next.effectiveDate) : null,
      isCurrent: index === currentIndex,
      context,
    });
  });
}

function mapRow(
  table: HistoryTable,
  row: RawTableRow,
  effectiveDate: string,
  extra: { endDate: string | null; isCurrent: boolean; context: HistoryMappingContext },
): EmploymentHistoryEntry {
  const { context } = extra;
  // Row ids come from per-table sequences, so the table name keeps them unique across tables.
  const remoteId = row.id ? `${table}:${row.id}` : `${table}:${row.employeeId}:${effectiveDate}`;
  const base = employmentHistoryEntry(
    {
      provider: context.provider,
      remoteId,
      employee: context.people.ref(row.employeeId),
      table,
      kind: HISTORY_TABLES[table],
      effectiveDate,
    },
    { endDate: extra.endDate, isCurrent: extra.isCurrent, comment: text(row.comment) },
  );
  if (table === 'jobInfo') {
    const department = text(row.department);
    const location = text(row.location);
    const reportsTo = text(row.reportsTo);
    const managerId = context.people.byDisplayName(reportsTo);
    base.jobTitle = text(row.jobTitle);
    base.department = department ? { id: null, name: department } : null;
    base.workLocation = location
      ? { id: null, name: location, arrangement: 'unknown', address: null, timeZone: null }
      : null;
    base.manager = managerId ? context.people.ref(managerId, reportsTo) : null;
  } else {
    const label = text(row.employmentStatus);
    const lifecycle = lifecycleOf(context.employmentTypes, label);
    base.employmentType = classifyEmploymentType(context.employmentTypes, label);
    base.employmentStatus = label
      ? {
          value: lifecycle === 'terminated' ? 'terminated' : lifecycle === 'on_leave' ? 'on_leave' : 'active',
          source: { field: 'employmentStatus', value: label, label: null },
          effectiveDate,
        }
      : null;
    base.reason = text(row.terminationReasonId) ?? text(row.terminationTypeId);
  }
  if (context.includeRaw) base.raw = { ...row };
  return base;
}

/**
 * Leavers' current Employment Status is "Terminated", which hides what they were. The last row before that with a
 * real type label (by date) answers it; rows are the employmentStatus table, any employees, any order.
 */
export function typesBeforeLeaving(
  rows: readonly RawTableRow[],
  employmentTypes: EmploymentTypeRules,
): Map<string, string> {
  const latest = new Map<string, { date: string; label: string }>();
  for (const row of rows) {
    const label = text(row.employmentStatus);
    const when = date(row.date);
    if (!label || !when || lifecycleOf(employmentTypes, label)) continue;
    const seen = latest.get(row.employeeId);
    if (!seen || when >= seen.date) latest.set(row.employeeId, { date: when, label });
  }
  return new Map([...latest].map(([id, entry]) => [id, entry.label]));
}
