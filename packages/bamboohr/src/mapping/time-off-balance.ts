import type { TimeOffBalance } from '@hrkit/core';
import type { RawBalance } from '../raw/time-off.js';
import type { PeopleIndex } from './people-index.js';
import { unitOf } from './time-off-policy.js';
import { date, number, text } from './values.js';

/** One calculator entry → TimeOffBalance (`usedYearToDate` → used; the rest BambooHR does not state). */
export function mapBalance(
  raw: RawBalance,
  context: { provider: string; people: PeopleIndex; employeeId: string; asOf: string; includeRaw?: boolean },
): TimeOffBalance {
  const asOf = date(raw.end) ?? context.asOf;
  const name = text(raw.name) ?? `Type ${raw.timeOffType}`;
  const balance: TimeOffBalance = {
    id: `${context.provider}:${context.employeeId}:${raw.timeOffType}:${asOf}`,
    provider: context.provider,
    employee: context.people.ref(context.employeeId),
    policy: { id: raw.timeOffType, name, typeName: text(raw.policyType) },
    unit: unitOf(raw.units),
    asOf,
    balance: number(raw.balance),
    used: number(raw.usedYearToDate),
    scheduled: null,
    accrued: null,
    allowance: null,
    adjustments: null,
  };
  if (context.includeRaw) balance.raw = { ...raw };
  return balance;
}
