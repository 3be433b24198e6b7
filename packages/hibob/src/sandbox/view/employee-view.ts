import type { FieldContext, FieldDefinition } from '../data/field-catalog.js';
import type { CompanyState } from '../state/company-state.js';
import type { BobEmployee } from '../state/types.js';
import { humanReadable } from './human-readable.js';

export type HumanReadableMode = 'none' | 'APPEND' | 'REPLACE';

/**
 * One employee as `/people/search` and `/people/{id}` return it (hibob-api.md §2.1): the same data
 * twice, as slash keys `"/work/title": {"value": …}` (only non-null values; root fields under
 * `/root/`) and nested along `jsonPath` (requested nulls present as null). APPEND adds a nested
 * `humanReadable` object of the non-null values; REPLACE puts display values in both forms.
 */
export function employeeView(
  employee: BobEmployee,
  fields: readonly FieldDefinition[],
  state: CompanyState,
  mode: HumanReadableMode,
  context: FieldContext = state.fieldContext(),
): Record<string, unknown> {
  const slash: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  const human: Record<string, unknown> = {};
  for (const field of fields) {
    const machine = field.read(employee, context) ?? null;
    const display = machine === null ? null : humanReadable(field, machine, state);
    const value = mode === 'REPLACE' ? display : machine;
    if (value !== null) slash[field.slashKey] = { value };
    setPath(nested, field.pathParts, value);
    if (mode === 'APPEND' && display !== null) setPath(human, field.pathParts, display);
  }
  // The nested `id` comes back even when `root.id` was not asked for (the documented APPEND example has a
  // top-level `id` but no `/root/id` key); in humanReadable it is the plain id, present when requested.
  const view: Record<string, unknown> = { ...slash, ...nested, id: employee.id };
  if (mode === 'APPEND') view.humanReadable = human;
  return view;
}

/** Sets `a.b.c`; never turns an existing null or scalar into an object (e.g. `work.reportsTo` null + `.email`). */
function setPath(target: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (let index = 0; index < parts.length - 1; index++) {
    const key = parts[index]!;
    const next = node[key];
    if (next === undefined) {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    } else if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Record<string, unknown>;
    } else {
      return;
    }
  }
  const last = parts[parts.length - 1]!;
  const existing = node[last];
  // Keep an object that sub-fields were already written into (e.g. `work.reportsTo.email` before `work.reportsTo`).
  if (typeof existing === 'object' && existing !== null && value !== null && typeof value === 'object') {
    node[last] = { ...(value as object), ...(existing as object) };
  } else if (!(typeof existing === 'object' && existing !== null && value === null)) {
    node[last] = value;
  }
}
