import type { ChangeAction, Employee, TimeOffRequest } from '@hrkit/core';

/**
 * What kind of change a new version of an employee is. Leavers become `terminated` (they still exist at the
 * provider); `deleted` is reserved for records gone from a full listing or reported deleted.
 */
export function employeeAction(before: Employee | null, after: Employee): ChangeAction {
  if (!before) return 'created';
  const wasTerminated = before.employmentStatus.value === 'terminated';
  if (after.employmentStatus.value === 'terminated' && !wasTerminated) return 'terminated';
  return 'updated';
}

const STATUS_ACTIONS: Partial<Record<TimeOffRequest['status']['value'], ChangeAction>> = {
  requested: 'requested',
  approved: 'approved',
  declined: 'declined',
  cancelled: 'cancelled',
  deleted: 'deleted',
};

/** A request seen for the first time is `created`; a status move is named after the new status; anything else is `updated`. */
export function timeOffAction(before: TimeOffRequest | null, after: TimeOffRequest): ChangeAction {
  if (!before) return 'created';
  if (before.status.value !== after.status.value) return STATUS_ACTIONS[after.status.value] ?? 'updated';
  return 'updated';
}
