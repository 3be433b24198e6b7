import type { TimeOffBalance } from '@hrkit/core';

/**
 * A balance as the store keeps it: one row per employee and policy, whatever day it was read on. The model's id ends
 * in the `asOf` date and `asOf` moves every day; kept as they are, every daily sync would emit an event for every
 * balance. Here the id drops the date, `remoteId` is `<employee>:<policy>`, and `asOf` is left out of the row, so a
 * balance event means the numbers changed (a request approved, an accrual, an adjustment).
 */
export type SyncedBalance = Omit<TimeOffBalance, 'asOf'> & { remoteId: string };

export function syncedBalance(balance: TimeOffBalance): SyncedBalance {
  const { asOf, ...rest } = balance;
  const suffix = `:${asOf}`;
  const id = balance.id.endsWith(suffix) ? balance.id.slice(0, -suffix.length) : balance.id;
  const policy = balance.policy.id ?? balance.policy.name;
  return { ...rest, id, remoteId: `${balance.employee.remoteId}:${policy}` };
}
