import type { CustomFieldType, CustomFieldValue } from '@hrkit/core';
import { type MappingContext, type ResolvedValue, resolveField, sourceScalar } from './context.js';
import type { CatalogField } from './field-catalog.js';
import { asIsoDate, asNumber } from './normalize.js';

/** A consumer key and the tenant field it names (`customFieldMap: { key: 'Field name or id' }`). */
export interface MappedCustomField {
  key: string;
  field: CatalogField;
}

function typeOf(field: CatalogField): CustomFieldType {
  switch (field.type) {
    case 'text':
    case 'text-area':
      return 'text';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'list':
    case 'hierarchy-list':
    case 'list_id':
      return 'list';
    case 'multi-list':
      return 'multi_list';
    case 'currency':
      return 'currency';
    default:
      return 'other';
  }
}

/** The value typed by the field's metadata type; a value that does not fit its type is kept as given. */
function typedValue(type: CustomFieldType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'number') return asNumber(value) ?? value;
  if (type === 'date') return asIsoDate(value) ?? value;
  if (type === 'boolean' && typeof value === 'string')
    return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/** The consumer's mapped fields, keyed by the consumer's keys, each with its type and `source`. */
export function mapCustomFieldMap(
  raw: Record<string, unknown>,
  context: Pick<MappingContext, 'lists' | 'mappedFields'>,
  resolve: (raw: Record<string, unknown>, field: CatalogField) => ResolvedValue = (employee, field) =>
    resolveField(employee, field, context),
): Record<string, CustomFieldValue> {
  const result: Record<string, CustomFieldValue> = {};
  for (const { key, field } of context.mappedFields ?? []) {
    const resolved = resolve(raw, field);
    if (!resolved.present) continue;
    const type = typeOf(field);
    result[key] = {
      name: field.name,
      category: field.categoryName,
      value: typedValue(type, resolved.value),
      label: resolved.label,
      type,
      source: { field: field.id, value: sourceScalar(resolved.value), label: resolved.label },
    };
  }
  return result;
}
