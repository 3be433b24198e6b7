import type { BobEmployee, LifecycleStatus } from './types.js';

/**
 * Lifecycle as of a date. "Hired" (start date in the future) and "terminated" (termination date
 * reached) follow from dates, so moving the clock or terminating with a future date needs no job.
 */
export function lifecycleOn(employee: BobEmployee, today: string): LifecycleStatus {
  if (employee.terminationDate !== null && employee.terminationDate <= today) return 'terminated';
  if (employee.startDate > today) return 'hired';
  if (employee.lifecycle === 'leave' && employee.leaveStartDate !== null && employee.leaveStartDate <= today)
    return 'leave';
  return 'employed';
}

/**
 * `internal.status`: Active for employed people and people on leave (the sandbox models HiBob's
 * "Remain active" leave option), Inactive for hired-not-started and terminated people (hibob-api.md §2.1).
 */
export function statusOn(employee: BobEmployee, today: string): 'Active' | 'Inactive' {
  const lifecycle = lifecycleOn(employee, today);
  return lifecycle === 'employed' || lifecycle === 'leave' ? 'Active' : 'Inactive';
}

export function displayName(employee: Pick<BobEmployee, 'firstName' | 'surname'>): string {
  return `${employee.firstName} ${employee.surname}`;
}
