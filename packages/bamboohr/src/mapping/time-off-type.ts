import type { TimeOffTypeValue, TimeOffUnit } from '@hrkit/core';

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
