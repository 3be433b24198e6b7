import { type EmploymentHistoryEntry, employmentHistoryEntry } from '@hrkit/core';
import type { RawTableRow } from '../raw/tables.js';
import { HIBOB } from '../config.js';
import { sourceScalar, type MappingContext } from './context.js';
import { employeeRef } from './employee.js';
import { lifecycleToStatus } from './employment-status.js';
import { mapEmploymentType } from './employment-type.js';
import { customerCategoryOnRow } from './history-category.js';
import type { FieldRole } from './field-catalog.js';
import { asIsoDate, asNumber, asText, isRecord } from './normalize.js';

/** The history tables hrkit reads, and how each becomes an EmploymentHistoryEntry. */
export const HISTORY_TABLES = ['work', 'employment', 'lifecycle'] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

const KIND: Record<HistoryTable, EmploymentHistoryEntry['kind']> = {
  work: 'job',
  employment: 'employment',
  lifecycle: 'lifecycle',
};

/** Table cells hold list ids or (as in the employment table) display strings: resolve ids, keep strings. */
function cellLabel(
  context: Pick<MappingContext, 'catalog' | 'lists'>,
  role: FieldRole,
  fallbackList: string,
  cell: unknown,
) {
  const listId = context.catalog.role(role)?.listId ?? fallbackList;
  if (isRecord(cell)) return asText(cell.value) ?? asText(cell.name);
  return context.lists.label(listId, cell) ?? asText(cell);
}

/**
 * One table row → EmploymentHistoryEntry; null when the row has no effective date (it cannot be placed in
 * time). `remoteId` is `<table>:<row id>` because row ids are only unique within a table.
 */
export function mapHistoryRow(
  table: HistoryTable,
  employeeId: string,
  row: RawTableRow,
  context: Pick<MappingContext, 'catalog' | 'lists' | 'employmentTypes' | 'includeRaw'> &
    Partial<Pick<MappingContext, 'employmentTypeField'>>,
): EmploymentHistoryEntry | null {
  const effectiveDate = asIsoDate(row.effectiveDate);
  if (!effectiveDate) return null;
  const cells = row as Record<string, unknown>;
  const rowId = asText(row.id) ?? `${employeeId}:${effectiveDate}`;
  const remoteId = `${table}:${rowId}`;
  const entry = employmentHistoryEntry(
    { provider: HIBOB, remoteId, employee: employeeRef(employeeId), table, kind: KIND[table], effectiveDate },
    {
      endDate: asIsoDate(row.endEffectiveDate),
      isCurrent: row.isCurrent ?? null,
      reason: asText(row.change?.reason),
      ...(context.includeRaw ? { raw: cells } : {}),
    },
  );

  if (table === 'work') {
    entry.jobTitle = cellLabel(context, 'title', 'title', cells.title);
    const departmentName = cellLabel(context, 'department', 'department', cells.department);
    if (departmentName) entry.department = { id: asText(cells.department), name: departmentName };
    const siteName = asText(cells.site) ?? cellLabel(context, 'siteId', 'site', cells.siteId);
    if (siteName)
      entry.workLocation = {
        id: asText(cells.siteId),
        name: siteName,
        arrangement: 'unknown',
        address: null,
        timeZone: null,
      };
    const reportsTo = cells.reportsTo;
    if (isRecord(reportsTo) && asText(reportsTo.id))
      entry.manager = employeeRef(asText(reportsTo.id)!, asText(reportsTo.displayName));
    else if (asText(reportsTo)) entry.manager = employeeRef(asText(reportsTo)!);
    entry.reason =
      entry.reason ?? context.lists.label('workChangeType', cells.workChangeType) ?? asText(cells.workChangeType);
  }

  if (table === 'employment') {
    const field = (id: string, name: string, cell: unknown, role: FieldRole, list: string) =>
      cell === null || cell === undefined
        ? null
        : { field: { id, name }, value: cell, label: cellLabel(context, role, list, cell) };
    entry.employmentType = mapEmploymentType(
      {
        custom: null,
        payrollType: field(
          'payroll.employment.type',
          'Employment type',
          cells.type,
          'payrollType',
          'payrollEmploymentType',
        ),
        payrollContract: field(
          'payroll.employment.contract',
          'Employment contract',
          cells.contract,
          'payrollContract',
          'employmentstatus',
        ),
      },
      context.employmentTypes,
    );
    entry.weeklyHours = asNumber(cells.weeklyHours);
  }

  const category = customerCategoryOnRow(table, cells, {
    ...context,
    employmentTypeField: context.employmentTypeField,
  });
  if (category)
    entry.employmentType = entry.employmentType
      ? {
          ...entry.employmentType,
          customerCategory: category.customerCategory,
          // The customer's field decides the worker kind when it can be placed, as on the employee itself.
          workerKind: category.workerKind.value !== 'unknown' ? category.workerKind : entry.employmentType.workerKind,
          unmapped: [...entry.employmentType.unmapped, ...category.unmapped],
        }
      : category;

  if (table === 'lifecycle') {
    const label = cellLabel(context, 'lifecycleStatus', 'lifecycleStatus', cells.status);
    if (cells.status !== undefined && cells.status !== null) {
      entry.employmentStatus = {
        value: (label ? lifecycleToStatus(label) : null) ?? 'other',
        source: { field: 'lifecycle.status', value: sourceScalar(cells.status), label },
        effectiveDate,
      };
    }
    entry.reason = entry.reason ?? asText(cells.reasonType) ?? asText(cells.leaveReason);
  }
  return entry satisfies EmploymentHistoryEntry;
}
