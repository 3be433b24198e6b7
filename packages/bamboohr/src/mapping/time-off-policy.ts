import { hrkitId, type TimeOffPolicy, type TimeOffTypeValue, type TimeOffUnit } from '@hrkit/core';
import type { RawTimeOffPolicy, RawTimeOffType } from '../raw/time-off.js';
import { text } from './values.js';

/** Ordered: the first pattern that matches a type name wins ("COVID-19 Related Absence" is sick leave). */
const TYPE_PATTERNS: readonly [RegExp, TimeOffTypeValue][] = [
  [/sick|illness|covid|medical/i, 'sick'],
  [/bereave|funeral|compassion/i, 'bereavement'],
  [/jury|court/i, 'jury_duty'],
  [/parent|matern|patern|fmla|adoption|family/i, 'parental'],
  [/volunteer/i, 'volunteer'],
  [/in lieu|comp\b|comp\/|toil|compensat/i, 'in_lieu'],
  [/unpaid|leave without pay/i, 'unpaid'],
  [/training|education|study/i, 'training'],
  [/sabbatical/i, 'sabbatical'],
  [/personal|floating/i, 'personal'],
  [/holiday/i, 'holiday'],
  [/vacation|pto|paid time off|annual/i, 'vacation'],
];

/** A BambooHR time-off type name → the model's type; names are the customer's, so "other" is honest. */
export function classifyTimeOffType(name: string | null): TimeOffTypeValue {
  if (!name) return 'other';
  return TYPE_PATTERNS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

/** `hours` / `days` as BambooHR writes them (`unit` in requests, `units` in types and the calculator). */
export function unitOf(value: string | null | undefined): TimeOffUnit | null {
  const unit = value?.toLowerCase();
  if (unit === 'hours' || unit === 'hour') return 'hours';
  if (unit === 'days' || unit === 'day') return 'days';
  return null;
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
