import { type Compensation, type DataIssue, hrkitId, parseProviderData } from '@hrkit/core';
import { HIBOB } from '../config.js';
import { RawSalaryRow } from '../raw/salary.js';
import { classifyFlsa, classifyPayFrequency, classifyPayPeriod, classifyPayType } from './pay-vocabulary.js';
import { readAmount, readId, readPayDate } from './pay-values.js';

export interface SalaryMappingContext {
  employeeRemoteId: string;
  displayName?: string | null;
  /** `salaries` (the Salary table) or `payroll.history` (the legacy endpoint). */
  sourceTable: string;
  includeRaw?: boolean;
  /** Where an unreadable date goes (the row keeps a null date); without it, the mapping fails on it. */
  onDataIssue?: (issue: DataIssue) => void;
}

/**
 * One employee's salary rows → Compensation entries, oldest effective date first (rows without a date last, then by
 * row id). HiBob does not promise an order, and consumers building a pay timeline need one.
 */
export function mapSalaryRows(rows: readonly unknown[], context: SalaryMappingContext): Compensation[] {
  const mapped = rows.map((row, index) => mapSalaryRow(row, index, context));
  return mapped.sort(byEffectiveDate);
}

function mapSalaryRow(input: unknown, index: number, context: SalaryMappingContext): Compensation {
  const employee = context.employeeRemoteId;
  const where = `${context.sourceTable}[employee ${employee}][${index}]`;
  const row = parseProviderData(RawSalaryRow, input, {
    provider: HIBOB,
    what: `salary row (${where})`,
  });
  const rowId = readId(row.id);
  // Row ids are unique per company; prefix the employee so a row without an id still gets a stable, unique key.
  const remoteId = rowId ? `${employee}:${rowId}` : `${employee}:${row.effectiveDate ?? `row${index}`}`;
  const payPeriod = classifyPayPeriod(row.payPeriod);
  const raw = context.includeRaw && input && typeof input === 'object' ? (input as Record<string, unknown>) : undefined;
  return {
    id: hrkitId(HIBOB, remoteId),
    provider: HIBOB,
    remoteId,
    employee: { id: hrkitId(HIBOB, employee), remoteId: employee, displayName: context.displayName ?? null },
    amount: readAmount(row.base?.value, { recordId: remoteId, path: `${where}.base.value` }),
    currency: row.base?.currency?.trim() || null,
    payPeriod,
    payFrequency: classifyPayFrequency(row.payFrequency),
    payType: classifyPayType(row.salaryPayType, payPeriod),
    flsaStatus: classifyFlsa(row.flsaCode),
    effectiveDate: readPayDate(
      row.effectiveDate,
      { recordId: remoteId, path: `${where}.effectiveDate`, field: 'effectiveDate' },
      context.onDataIssue,
    ),
    endDate: readPayDate(
      row.endEffectiveDate,
      { recordId: remoteId, path: `${where}.endEffectiveDate`, field: 'endDate' },
      context.onDataIssue,
    ),
    isCurrent: row.isCurrent ?? null,
    changeReason: row.change?.reason ?? row.reason ?? null,
    payGroup: null,
    sourceTable: context.sourceTable,
    ...(raw ? { raw } : {}),
  };
}

function byEffectiveDate(a: Compensation, b: Compensation): number {
  if (a.effectiveDate !== b.effectiveDate) {
    if (a.effectiveDate === null) return 1;
    if (b.effectiveDate === null) return -1;
    return a.effectiveDate < b.effectiveDate ? -1 : 1;
  }
  return a.remoteId.localeCompare(b.remoteId, 'en', { numeric: true });
}
