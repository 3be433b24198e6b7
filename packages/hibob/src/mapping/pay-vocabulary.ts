import type { FlsaStatus, PayFrequency, PayPeriod, PayType, SourceValue } from '@hrkit/core';

/** HiBob writes the same idea several ways ("Bi-Weekly", "biweekly", "Every two weeks"): compare letters only. */
function key(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const PERIODS: Record<string, PayPeriod> = {
  annual: 'year',
  annually: 'year',
  yearly: 'year',
  year: 'year',
  hourly: 'hour',
  hour: 'hour',
  daily: 'day',
  day: 'day',
  weekly: 'week',
  week: 'week',
  biweekly: 'every_two_weeks',
  everytwoweeks: 'every_two_weeks',
  fortnightly: 'every_two_weeks',
  semimonthly: 'semimonthly',
  twiceamonth: 'semimonthly',
  monthly: 'month',
  month: 'month',
  quarterly: 'quarter',
  quarter: 'quarter',
  semiannually: 'every_six_months',
  semiannual: 'every_six_months',
  everysixmonths: 'every_six_months',
  onetime: 'one_time',
  fixed: 'one_time',
};

const FREQUENCIES: Record<string, PayFrequency> = {
  daily: 'daily',
  weekly: 'weekly',
  biweekly: 'biweekly',
  everytwoweeks: 'biweekly',
  fortnightly: 'biweekly',
  semimonthly: 'semimonthly',
  twiceamonth: 'semimonthly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannually: 'semiannually',
  semiannual: 'semiannually',
  annually: 'annually',
  annual: 'annually',
  yearly: 'annually',
  '13thmonth': 'thirteen_monthly',
  thirteenmonthly: 'thirteen_monthly',
  prorata: 'pro_rata',
};

const PAY_TYPES: Record<string, PayType> = {
  salary: 'salary',
  salaried: 'salary',
  hourly: 'hourly',
  daily: 'daily',
  commission: 'commission',
  bonus: 'bonus',
};

const FLSA: Record<string, FlsaStatus> = {
  exempt: 'exempt',
  salariednonexempt: 'salaried_nonexempt',
  nonexempt: 'nonexempt',
  owner: 'owner',
};

export interface Classified<T> {
  value: T;
  source: SourceValue | null;
}

function classify<T extends string>(
  table: Record<string, T>,
  field: string,
  raw: string | null | undefined,
  absent: T,
  unmatched: T,
): Classified<T> {
  if (raw === null || raw === undefined || raw.trim() === '') return { value: absent, source: null };
  return { value: table[key(raw)] ?? unmatched, source: { field, value: raw, label: null } };
}

export function classifyPayPeriod(raw: string | null | undefined, field = 'payPeriod'): Classified<PayPeriod> {
  return classify(PERIODS, field, raw, 'unknown', 'other');
}

export function classifyPayFrequency(raw: string | null | undefined, field = 'payFrequency'): Classified<PayFrequency> {
  return classify(FREQUENCIES, field, raw, 'unknown', 'other');
}

export function classifyFlsa(raw: string | null | undefined, field = 'flsaCode'): Classified<FlsaStatus> | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  return classify(FLSA, field, raw, 'unknown', 'unknown');
}

/**
 * The pay type: HiBob's own `salaryPayType` when the row has it; otherwise read from the period the amount is expressed
 * in (an hourly amount is an hourly rate), keeping that period as the source so the derivation is visible.
 */
export function classifyPayType(
  salaryPayType: string | null | undefined,
  period: Classified<PayPeriod>,
): Classified<PayType> {
  if (salaryPayType && salaryPayType.trim() !== '')
    return classify(PAY_TYPES, 'salaryPayType', salaryPayType, 'unknown', 'other');
  const derived: Partial<Record<PayPeriod, PayType>> = {
    hour: 'hourly',
    day: 'daily',
    week: 'salary',
    every_two_weeks: 'salary',
    semimonthly: 'salary',
    month: 'salary',
    quarter: 'salary',
    every_six_months: 'salary',
    year: 'salary',
  };
  return { value: derived[period.value] ?? 'unknown', source: period.source };
}
