import { rehireEligibilityOf, type Termination, terminationTypeOf } from '@hrkit/core';
import { type ResolvedValue, sourceScalar } from './context.js';
import type { FieldRole } from './field-catalog.js';
import { asIsoDate } from './normalize.js';

type Role = (name: FieldRole) => ResolvedValue | null;

function present(resolved: ResolvedValue | null): resolved is ResolvedValue {
  return resolved !== null && resolved.value !== null && resolved.value !== undefined && resolved.value !== '';
}

function sourceOf(resolved: ResolvedValue) {
  return { field: resolved.field.id, value: sourceScalar(resolved.value), label: resolved.label };
}

/**
 * How the employment ended, from the Lifecycle category (`internal.terminationDate/Reason/Type`). Null when none of
 * them is set: a person who has not left has no termination.
 */
export function mapTermination(role: Role): Termination | null {
  const date = role('terminationDate');
  const reason = role('terminationReason');
  const type = role('terminationType');
  const rehire = role('rehireEligible');
  if (!present(date) && !present(reason) && !present(type)) return null;
  return {
    date: asIsoDate(date?.value),
    lastDayOfWork: asIsoDate(role('lastDayOfWork')?.value),
    type: present(type)
      ? { value: terminationTypeOf(type.label ?? String(type.value)), source: sourceOf(type) }
      : { value: 'unknown', source: null },
    reason: present(reason) ? sourceOf(reason) : null,
    rehireEligibility: present(rehire)
      ? { value: rehireEligibilityOf(rehire.label ?? rehire.value), source: sourceOf(rehire) }
      : { value: 'unknown', source: null },
  };
}
