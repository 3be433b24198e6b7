import { type Absence, hrkitId, type TimeOffBalance, type TimeOffPolicy, type TimeOffRequest } from '@hrkit/core';
import type { RawBalance, RawTimeOffPolicy, RawTimeOffType, RawWhosOutEntry } from '../raw/time-off.js';
import type { PeopleIndex } from './people-index.js';
import { classifyTimeOffType, unitOf } from './time-off-type.js';
import { date, number, text } from './values.js';

/**
 * A `whos_out` time-off row → Absence. The feed carries no type, status or amount; when the request with the same
 * id was read for the same window, those come from it (BambooHR uses the same ids in both).
 */
export function mapWhosOut(
  raw: RawWhosOutEntry,
  context: { provider: string; people: PeopleIndex; request?: TimeOffRequest; includeRaw?: boolean },
): Absence | null {
  if (raw.type !== 'timeOff' || !raw.employeeId) return null;
  const start = date(raw.start);
  if (!start) return null;
  const end = date(raw.end);
  const request = context.request;
  const absence: Absence = {
    id: hrkitId(context.provider, `whos_out:${raw.id}`),
    provider: context.provider,
    employee: context.people.ref(raw.employeeId, text(raw.name)),
    requestId: hrkitId(context.provider, raw.id),
    policy: request?.policy ?? { id: null, name: 'Time off', typeName: null },
    type: request?.type ?? { value: 'other', source: null },
    // whos_out lists approved leave only.
    status: request?.status ?? { value: 'approved', source: null },
    start: { date: start, portion: null, time: null },
    end: end ? { date: end, portion: null, time: null } : null,
    unit: request?.unit ?? null,
    amount: request?.amount ?? null,
    visibility: 'unknown',
  };
  if (context.includeRaw) absence.raw = { ...raw };
  return absence;
}

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

/**
 * A time-off type → TimeOffPolicy. BambooHR's "type" (Vacation, in hours) is what requests and balances name; its
 * policies (accrual rules) are attached by `timeOffTypeId` and only describe how it accrues.
 */
export function mapTimeOffType(
  raw: RawTimeOffType,
  context: { provider: string; policies: readonly RawTimeOffPolicy[]; includeRaw?: boolean },
): TimeOffPolicy {
  const unit = unitOf(raw.units);
  const policies = context.policies.filter((policy) => policy.timeOffTypeId === raw.id);
  const kinds = [...new Set(policies.map((policy) => text(policy.type)).filter(Boolean))];
  const policy: TimeOffPolicy = {
    id: hrkitId(context.provider, raw.id),
    provider: context.provider,
    remoteId: raw.id,
    name: raw.name,
    typeName: kinds.length > 0 ? kinds.join(', ') : null,
    type: { value: classifyTimeOffType(raw.name), source: { field: 'name', value: raw.name, label: null } },
    unit,
    paid: null,
    allowance: null,
    approvalRequired: null,
    halfDaysSupported: null,
    hoursSupported: unit === null ? null : unit === 'hours',
    description: policies.length > 0 ? `Policies: ${policies.map((p) => text(p.name) ?? p.id).join(', ')}` : null,
  };
  if (context.includeRaw) policy.raw = { ...raw, policies };
  return policy;
}
