import { isRecord } from './normalize.js';

/** Where a field sits in a people response: its metadata id and `jsonPath`. */
export interface FieldLocation {
  id: string;
  jsonPath?: string | null | undefined;
}

/** `present: false` means the key is absent (silent omission), not null: pitfall 1 keeps the two apart. */
export type FieldRead = { present: true; value: unknown } | { present: false; value: undefined };

const ABSENT: FieldRead = { present: false, value: undefined };

function jsonPathOf(field: FieldLocation): string {
  if (field.jsonPath) return field.jsonPath;
  return field.id.startsWith('root.') ? field.id.slice('root.'.length) : field.id;
}

/** Split paths and slash keys are computed once per field, not once per employee (10,000-person lists). */
const paths = new WeakMap<
  FieldLocation,
  { nested: readonly string[]; slash: string; byId: readonly string[] | null }
>();

function pathsOf(field: FieldLocation) {
  let cached = paths.get(field);
  if (!cached) {
    const jsonPath = jsonPathOf(field);
    const isRoot = field.id.startsWith('root.') || !jsonPath.includes('.');
    cached = {
      nested: jsonPath.split('.'),
      slash: `/${isRoot ? `root/${jsonPath}` : jsonPath.split('.').join('/')}`,
      byId: field.jsonPath && field.jsonPath !== field.id && !field.id.startsWith('root.') ? field.id.split('.') : null,
    };
    paths.set(field, cached);
  }
  return cached;
}

function walk(object: unknown, path: readonly string[]): FieldRead {
  let current: unknown = object;
  for (const key of path) {
    if (!isRecord(current) || !(key in current)) return ABSENT;
    current = current[key];
  }
  return { present: true, value: current };
}

/** The slash key HiBob writes next to the nested form: `/root/email`, `/work/custom/field_1`. */
export function slashKeyOf(field: FieldLocation): string {
  return pathsOf(field).slash;
}

/**
 * Read one field from either response form (pitfall 2): the nested object along `jsonPath` first (it keeps
 * requested nulls), then the slash key `{value}` (present only when non-null).
 */
export function readField(employee: Record<string, unknown>, field: FieldLocation): FieldRead {
  const cached = pathsOf(field);
  const nested = walk(employee, cached.nested);
  if (nested.present && nested.value !== null && nested.value !== undefined) return nested;
  const slash = employee[cached.slash];
  if (isRecord(slash) && 'value' in slash && slash.value !== null && slash.value !== undefined)
    return { present: true, value: slash.value };
  if (nested.present) return nested;
  // A field moved to another category keeps its id; some responses nest it by id rather than jsonPath.
  if (cached.byId) return walk(employee, cached.byId);
  return ABSENT;
}

/** The display text HiBob put under `humanReadable` (APPEND) for a field, if any. */
export function readHumanReadable(employee: Record<string, unknown>, field: FieldLocation): string | null {
  const human = employee.humanReadable;
  if (!isRecord(human)) return null;
  const read = walk(human, pathsOf(field).nested);
  return typeof read.value === 'string' ? read.value : null;
}
