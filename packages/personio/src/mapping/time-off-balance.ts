import { hrkitId, type TimeOffBalance } from '@hrkit/core';
import { PERSONIO } from '../config.js';
import type { RawPersonioBalance, RawPersonioTimeOffType } from '../raw/time-off.js';
import { unitOf } from './time-off-policy.js';

/**
 * One balance entry. Personio's `balance` is as of today (taken deducted, upcoming not); `available_balance` also
 * deducts upcoming periods, so their difference is what is scheduled. The unit comes from the type. Personio
 * answers for today only: for another `asOf` the amounts are unknown (null), not derived (accruals are not visible).
 */
export function toTimeOffBalance(
  raw: RawPersonioBalance,
  context: {
    employeeId: string;
    asOf: string;
    today: string;
    type?: RawPersonioTimeOffType | undefined;
    includeRaw?: boolean;
  },
): TimeOffBalance {
  const current = context.asOf === context.today;
  const balance = current ? (raw.balance ?? null) : null;
  const available = current ? (raw.available_balance ?? null) : null;
  return {
    id: `${PERSONIO}:${context.employeeId}:${raw.id}:${context.asOf}`,
    provider: PERSONIO,
    employee: { id: hrkitId(PERSONIO, context.employeeId), remoteId: context.employeeId, displayName: null },
    policy: { id: raw.id, name: raw.name, typeName: raw.category ?? null },
    unit: unitOf(context.type?.attributes.unit),
    asOf: context.asOf,
    balance,
    used: null,
    scheduled: balance !== null && available !== null ? balance - available : null,
    accrued: null,
    allowance: null,
    adjustments: null,
    ...(context.includeRaw ? { raw } : {}),
  } satisfies TimeOffBalance;
}
