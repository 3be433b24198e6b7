import { historyAsOf } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HIBOB_EMPLOYMENT_TYPES } from '../src/mapping/employment-type.js';
import { FieldCatalog } from '../src/mapping/field-catalog.js';
import { mapHistoryRow } from '../src/mapping/history.js';
import { ListDirectory } from '../src/mapping/lists.js';

/** The customer's category over time (issue 16): a Contractor → EOR conversion date from the work table. */
const FIELD = {
  id: 'work.customColumns.column_1720508394580',
  categoryId: 'work',
  name: 'Remotepass Employment Type',
  jsonPath: 'work.customColumns.column_1720508394580',
  type: 'list',
  typeData: { listId: 'work.column_1720508394580' },
};
const catalog = new FieldCatalog([FIELD]);
const lists = new ListDirectory(
  new Map([
    [
      'work.column_1720508394580',
      new Map([
        ['11', 'Contractor'],
        ['12', 'EOR'],
      ]),
    ],
  ]),
);
const context = {
  catalog,
  lists,
  employmentTypes: DEFAULT_HIBOB_EMPLOYMENT_TYPES,
  employmentTypeField: catalog.findField('Remotepass Employment Type'),
  includeRaw: false,
};
const row = (id: number, effectiveDate: string, column: string) => ({
  id,
  effectiveDate,
  customColumns: { column_1720508394580: column },
});

describe('HiBob history rows carry the customer category', () => {
  it('reads the custom column of each work row, so the conversion date is the first EOR row', () => {
    const rows = [row(1, '2024-01-01', '11'), row(2, '2025-07-01', '12')].map(
      (raw) => mapHistoryRow('work', '42', raw as never, context)!,
    );
    expect(rows.map((entry) => entry.employmentType?.customerCategory?.label)).toEqual(['Contractor', 'EOR']);
    expect(rows.map((entry) => entry.employmentType?.workerKind.value)).toEqual(['contractor', 'eor_worker']);
    const converted = rows.find((entry) => entry.employmentType?.customerCategory?.label === 'EOR');
    expect(converted?.effectiveDate).toBe('2025-07-01');
    expect(historyAsOf(rows, '2025-01-01')[0]?.employmentType?.customerCategory?.label).toBe('Contractor');
  });

  it('leaves rows of other tables, and tenants whose field is not a table column, without a category', () => {
    expect(
      mapHistoryRow('employment', '42', row(3, '2024-01-01', '11') as never, context)?.employmentType?.customerCategory,
    ).toBeNull();
    const elsewhere = { ...context, employmentTypeField: undefined };
    expect(
      mapHistoryRow('work', '42', row(4, '2024-01-01', '11') as never, elsewhere)?.employmentType ?? null,
    ).toBeNull();
  });
});
