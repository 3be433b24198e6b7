import type { Group, GroupType } from '@hrkit/core';
import { type MappingContext, type ResolvedValue, resolveField, sourceScalar } from './context.js';
import type { CatalogField } from './field-catalog.js';
import { asText } from './normalize.js';

/** A customer field that holds a group (division, cost centre…), found by name in the tenant's metadata. */
export interface GroupField {
  type: GroupType;
  field: CatalogField;
}

/** Field names that mean a group, as tenants name them; matched case- and spacing-insensitively, never by guess. */
export const GROUP_FIELD_NAMES: Readonly<Record<Exclude<GroupType, 'department' | 'other'>, readonly string[]>> = {
  division: ['Division'],
  cost_center: ['Cost center', 'Cost centre'],
  business_unit: ['Business unit'],
  team: ['Team'],
};

function group(type: GroupType, resolved: ResolvedValue, context: Pick<MappingContext, 'lists'>): Group | null {
  if (resolved.value === null || resolved.value === undefined || resolved.value === '') return null;
  const name = resolved.label ?? asText(resolved.value);
  if (!name) return null;
  const listed = resolved.field.listId !== null;
  return {
    id: listed ? asText(resolved.value) : null,
    name,
    type: {
      value: type,
      source: { field: resolved.field.id, value: sourceScalar(resolved.value), label: resolved.label },
    },
    parentId: listed ? context.lists.parent(resolved.field.listId, resolved.value) : null,
  };
}

/** Department (with its parent in the department tree) and every group field the tenant has; `resolve` is the
 * compiled read when the mapping has one (field-access.ts). */
export function mapGroups(
  raw: Record<string, unknown>,
  department: ResolvedValue | null,
  context: Pick<MappingContext, 'lists' | 'groupFields'>,
  resolve: (raw: Record<string, unknown>, field: CatalogField) => ResolvedValue = (employee, field) =>
    resolveField(employee, field, context),
): Group[] {
  const groups: Group[] = [];
  const departmentGroup = department ? group('department', department, context) : null;
  if (departmentGroup) groups.push(departmentGroup);
  for (const { type, field } of context.groupFields ?? []) {
    const mapped = group(type, resolve(raw, field), context);
    if (mapped) groups.push(mapped);
  }
  return groups;
}
