import type { EmploymentStatus, SourceValue } from '@hrkit/core';

export interface StatusInputs {
  /** `status` as given: "Active" / "Inactive" (null when the key cannot see it). */
  status: string | null;
  hireDate: string | null;
  terminationDate: string | null;
  /** What the employment type label implies ("Terminated", "Furloughed"), if anything. */
  lifecycle: 'terminated' | 'on_leave' | null;
  today: string;
}

/**
 * BambooHR's `status` is only Active/Inactive. Combined with the dates it gives the lifecycle: a termination
 * date on or before today is a leaver, a hire date after today is a future hire (pending), an Inactive row
 * without either is simply inactive.
 */
export function mapEmploymentStatus(input: StatusInputs): EmploymentStatus {
  const source: SourceValue | null =
    input.status !== null
      ? { field: 'status', value: input.status, label: null }
      : input.terminationDate !== null
        ? { field: 'terminationDate', value: input.terminationDate, label: null }
        : null;
  const active = input.status?.toLowerCase() === 'active';
  const inactive = input.status?.toLowerCase() === 'inactive';
  if (input.terminationDate && input.terminationDate <= input.today)
    return { value: 'terminated', source, effectiveDate: input.terminationDate };
  if (input.lifecycle === 'terminated' && !active)
    return { value: 'terminated', source, effectiveDate: input.terminationDate };
  if (input.hireDate && input.hireDate > input.today)
    return { value: 'pending', source, effectiveDate: input.hireDate };
  if (inactive) return { value: 'inactive', source, effectiveDate: null };
  if (input.lifecycle === 'on_leave') return { value: 'on_leave', source, effectiveDate: null };
  if (active) return { value: 'active', source, effectiveDate: input.hireDate };
  return { value: 'unknown', source, effectiveDate: null };
}

/** Whether `includeInactive: false` keeps this person. */
export function isCurrent(status: EmploymentStatus): boolean {
  return status.value === 'active' || status.value === 'pending' || status.value === 'on_leave';
}
