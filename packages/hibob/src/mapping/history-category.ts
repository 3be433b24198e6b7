import type { EmploymentType } from '@hrkit/core';
import type { MappingContext } from './context.js';
import { mapEmploymentType } from './employment-type.js';
import { isRecord } from './normalize.js';

/** Field id prefixes of custom columns on the history tables, and the table each lives on. */
const COLUMN_TABLES: Readonly<Record<string, string>> = { work: 'work', 'payroll.employment': 'employment' };

/**
 * The customer's category on a history row: when the customer keeps their employment-type field as a custom column
 * of the work or employment table (`work.customColumns.column_…`), every row carries the value in force from its
 * effective date, so a Contractor → EOR conversion date can be read. A field outside those tables has no history:
 * null, and the row's category stays as the table gives it.
 */
export function customerCategoryOnRow(
  table: string,
  cells: Record<string, unknown>,
  context: Pick<MappingContext, 'employmentTypeField' | 'employmentTypes' | 'lists'>,
): EmploymentType | null {
  const field = context.employmentTypeField;
  const match = field ? /^(work|payroll\.employment)\.customColumns\.(.+)$/.exec(field.id) : null;
  if (!field || !match || COLUMN_TABLES[match[1] ?? ''] !== table) return null;
  const columns = cells.customColumns;
  const value = isRecord(columns) ? columns[match[2] ?? ''] : undefined;
  if (value === null || value === undefined || value === '') return null;
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return mapEmploymentType(
    {
      custom: { field, value, label: context.lists.label(field.listId, single) },
      payrollType: null,
      payrollContract: null,
    },
    context.employmentTypes,
  );
}
