import type { MappedCustomField } from './custom-field-map.js';
import type { HiBobEmploymentTypes } from './employment-type.js';
import type { GroupField } from './groups.js';
import type { CatalogField, FieldCatalog, FieldRole } from './field-catalog.js';
import type { ListDirectory } from './lists.js';
import { readField, readHumanReadable } from './read-field.js';

/** Everything a mapping function needs besides the payload: all per-connection, all read-only. */
export interface MappingContext {
  catalog: FieldCatalog;
  lists: ListDirectory;
  /** The customer field's and the payroll labels' rules (core EmploymentTypeRules). */
  employmentTypes: HiBobEmploymentTypes;
  /** The customer's employment-type field, when the tenant has it. */
  employmentTypeField: CatalogField | undefined;
  includeSensitive: boolean;
  includeRaw: boolean;
  /** Bank accounts and identifiers are read (both `includeSensitive` and `includeFinancial` were set). */
  includeFinancial?: boolean;
  /** Fields the consumer asked to see unmasked, by name (`bankAccounts.iban`…). */
  unmask?: readonly string[];
  /** The consumer's own keys for tenant fields, already filtered by the read's opt-ins. */
  mappedFields?: readonly MappedCustomField[];
  /** Group fields (division, cost centre…) the tenant has. */
  groupFields?: readonly GroupField[];
}

/** A field's value with its label: list ids resolved through named lists, then through `humanReadable`. */
export interface ResolvedValue {
  field: CatalogField;
  present: boolean;
  value: unknown;
  label: string | null;
}

export function resolveField(
  employee: Record<string, unknown>,
  field: CatalogField,
  context: Pick<MappingContext, 'lists'>,
): ResolvedValue {
  const read = readField(employee, field);
  if (!read.present || read.value === null)
    return { field, present: read.present, value: read.value ?? null, label: null };
  const value = read.value;
  if (Array.isArray(value)) {
    const labels = value.map((item) => context.lists.label(field.listId, item) ?? String(item));
    return { field, present: true, value, label: labels.length > 0 ? labels.join(', ') : null };
  }
  const listed = context.lists.label(field.listId, value);
  if (listed !== null) return { field, present: true, value, label: listed };
  // humanReadable only where the stored value is an id: list items the lists lack, employee references.
  const needsHuman = field.listId !== null || field.type === 'employee-reference' || field.type === 'employee';
  const label = needsHuman ? readHumanReadable(employee, field) : textOf(value);
  return { field, present: true, value, label };
}

export function resolveRole(
  employee: Record<string, unknown>,
  role: FieldRole,
  context: Pick<MappingContext, 'catalog' | 'lists'>,
): ResolvedValue | null {
  const field = context.catalog.role(role);
  return field ? resolveField(employee, field, context) : null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A value as SourceValue.value accepts it (scalars only; objects become their JSON text). */
export function sourceScalar(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
