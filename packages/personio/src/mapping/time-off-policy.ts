import { hrkitId, type TimeOffPolicy, type TimeOffTypeValue, type TimeOffUnit } from '@hrkit/core';
import { PERSONIO } from '../config.js';
import type { RawPersonioTimeOffType } from '../raw/time-off.js';

/** Personio's time-off type categories; any other (or none) is `other`, with the category kept as the source. */
const CATEGORY: Record<string, TimeOffTypeValue> = {
  paid_vacation: 'vacation',
  unpaid_vacation: 'unpaid',
  unpaid_suspension: 'unpaid',
  sick_leave: 'sick',
  maternity_parental_leave: 'parental',
  child_care: 'personal',
  family_care: 'personal',
  public_duty: 'jury_duty',
  offsite_work: 'work_time',
};

/** The type of a request or policy, classified by its category (absent on hourly absence types: joined by id). */
export function typeOf(type: { name: string; category?: string | null | undefined } | undefined) {
  const category = type?.category ?? null;
  return {
    value: (category && CATEGORY[category]) || 'other',
    source: category || type ? { field: 'time_off_type.category', value: category, label: type?.name ?? null } : null,
  };
}

export const unitOf = (unit: string | null | undefined): TimeOffUnit | null =>
  unit === 'day' ? 'days' : unit === 'hour' ? 'hours' : null;

/** One time-off type → a policy. */
export function toTimeOffPolicy(raw: RawPersonioTimeOffType, options: { includeRaw?: boolean } = {}): TimeOffPolicy {
  const t = raw.attributes;
  const category = t.category ?? null;
  return {
    id: hrkitId(PERSONIO, t.id),
    provider: PERSONIO,
    remoteId: t.id,
    name: t.name,
    typeName: category,
    type: typeOf(t),
    unit: unitOf(t.unit),
    paid: category === 'paid_vacation' ? true : category?.startsWith('unpaid_') ? false : null,
    allowance: null,
    approvalRequired: t.approval_required ?? null,
    halfDaysSupported: null,
    hoursSupported: t.unit ? t.unit === 'hour' : null,
    description: null,
    ...(options.includeRaw ? { raw } : {}),
  } satisfies TimeOffPolicy;
}
