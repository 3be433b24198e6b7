import { stableStringify } from './fingerprint.js';

/**
 * Model paths whose values differ between two versions of a record, e.g. `jobTitle`, `department.name`,
 * `employmentStatus.value`. Objects are walked; arrays and scalars compare as a whole at their path.
 */
export function changedFields(before: unknown, after: unknown, prefix = ''): string[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedFields(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (stableStringify(before ?? null) === stableStringify(after ?? null)) return [];
  return [prefix || '(root)'];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
