import type { CustomFieldValue } from '@hrkit/core';
import type { RawEmployeeRow } from '../raw/report.js';
import { date, text } from './values.js';

/**
 * The consumer's own keys for report fields (`customFieldMap: { key: 'alias or field id' }`). BambooHR gives every
 * value as a string: a value that reads as a date is typed `date`, a plain number `number`, else `text`.
 */
export function mapCustomFieldMap(
  row: RawEmployeeRow,
  map: Readonly<Record<string, string>> | undefined,
  fieldNames: ReadonlyMap<string, string>,
): Record<string, CustomFieldValue> {
  const result: Record<string, CustomFieldValue> = {};
  for (const [key, field] of Object.entries(map ?? {})) {
    if (!(field in row)) continue;
    const raw = text(row[field]);
    const asDate = date(row[field]);
    const type = raw === null ? 'text' : asDate ? 'date' : /^-?\d+(\.\d+)?$/.test(raw) ? 'number' : 'text';
    result[key] = {
      name: fieldNames.get(field) ?? field,
      category: null,
      value: raw === null ? null : type === 'date' ? asDate : type === 'number' ? Number(raw) : raw,
      label: null,
      type,
      source: { field, value: raw, label: null },
    };
  }
  return result;
}
