import type { EmploymentStatus, EmploymentStatusValue } from '@hrkit/core';
import { sourceScalar } from './context.js';
import { labelKey } from './normalize.js';

export interface StatusInput {
  /** `internal.lifecycleStatus` (Hired / Employed / Garden leave / Terminated / leaves …). */
  lifecycle: { field: string; value: unknown; label: string | null } | null;
  /** `internal.status` (Active / Inactive), the fallback. */
  active: { field: string; value: unknown; label: string | null } | null;
  terminationDate: string | null;
  statusSince: string | null;
}

/** Lifecycle label → status. Order matters: "garden leave" and "on leave" before anything else with "leave". */
export function lifecycleToStatus(label: string): EmploymentStatusValue | null {
  const key = labelKey(label);
  if (key.startsWith('hired') || key === 'preboarding' || key === 'onboarding') return 'pending';
  if (key === 'employed' || key === 'active') return 'active';
  if (key.startsWith('terminat') || key === 'left') return 'terminated';
  if (key.includes('leave')) return 'on_leave';
  if (key.includes('suspend')) return 'suspended';
  if (key === 'inactive') return 'inactive';
  return null;
}

/** HiBob lifecycle (preferred) or active flag → EmploymentStatus, always keeping the source value. */
export function mapEmploymentStatus(input: StatusInput): EmploymentStatus {
  const { lifecycle, active } = input;
  const lifecycleText = lifecycle
    ? (lifecycle.label ?? (typeof lifecycle.value === 'string' ? lifecycle.value : null))
    : null;
  if (lifecycle && lifecycle.value !== null && lifecycle.value !== undefined) {
    const value = lifecycleText ? lifecycleToStatus(lifecycleText) : null;
    return {
      value: value ?? 'other',
      source: { field: lifecycle.field, value: sourceScalar(lifecycle.value), label: lifecycle.label },
      effectiveDate: value === 'terminated' ? (input.terminationDate ?? input.statusSince) : input.statusSince,
    };
  }
  if (active && active.value !== null && active.value !== undefined) {
    const key = labelKey(active.label ?? String(active.value));
    const value: EmploymentStatusValue = key === 'active' ? 'active' : key === 'inactive' ? 'inactive' : 'other';
    return {
      value,
      source: { field: active.field, value: sourceScalar(active.value), label: active.label },
      effectiveDate: input.statusSince,
    };
  }
  return { value: 'unknown', source: null, effectiveDate: null };
}
