import { rehireEligibilityOf, type Termination, terminationTypeOf } from '@hrkit/core';
import type { RawTableRow } from '../raw/tables.js';
import { date, text } from './values.js';

/**
 * A leaver's termination: the date from the report's `terminationDate`, reason, type and rehire eligibility from
 * their latest "Terminated" row of the employmentStatus table (option names, e.g. "Resignation (Voluntary)").
 * The type comes from the Termination Type column, else from the words of the reason; null for people who have not left.
 */
export function mapTermination(terminationDate: string | null, row: RawTableRow | undefined): Termination | null {
  if (!terminationDate && !row) return null;
  const reason = text(row?.terminationReasonId);
  const type = text(row?.terminationTypeId);
  const rehire = text(row?.terminationRehireId);
  const typeField = type ? 'terminationTypeId' : 'terminationReasonId';
  const typeLabel = type ?? reason;
  return {
    date: terminationDate ?? date(row?.date),
    lastDayOfWork: null,
    type: typeLabel
      ? {
          value: terminationTypeOf(typeLabel),
          source: { field: `employmentStatus.${typeField}`, value: typeLabel, label: null },
        }
      : { value: 'unknown', source: null },
    reason: reason ? { field: 'employmentStatus.terminationReasonId', value: reason, label: null } : null,
    rehireEligibility: rehire
      ? {
          value: rehireEligibilityOf(rehire),
          source: { field: 'employmentStatus.terminationRehireId', value: rehire, label: null },
        }
      : { value: 'unknown', source: null },
  };
}

/** The latest "Terminated" row per employee, from an employmentStatus table read. */
export function terminationRows(rows: readonly RawTableRow[]): Map<string, RawTableRow> {
  const latest = new Map<string, RawTableRow>();
  for (const row of rows) {
    if (text(row.employmentStatus)?.toLowerCase() !== 'terminated') continue;
    const current = latest.get(row.employeeId);
    if (!current || String(row.date ?? '') >= String(current.date ?? '')) latest.set(row.employeeId, row);
  }
  return latest;
}
