import {
  type Compensation,
  type FlsaStatus,
  hrkitId,
  type PayFrequency,
  type PayPeriod,
  type PayType,
  type SourceValue,
} from '@hrkit/core';
import type { RawCompensationRow } from '../raw/tables.js';
import type { PeopleIndex } from './people-index.js';
import { date, dayBefore, number, text } from './values.js';

const key = (value: string) => value.toLowerCase().replace(/[^a-z]/g, '');

const PERIODS: Record<string, PayPeriod> = {
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  payperiod: 'other',
  piece: 'other',
};
const FREQUENCIES: Record<string, PayFrequency> = {
  weekly: 'weekly',
  everyotherweek: 'biweekly',
  biweekly: 'biweekly',
  twiceamonth: 'semimonthly',
  semimonthly: 'semimonthly',
  onceamonth: 'monthly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  annually: 'annually',
  daily: 'daily',
};
const TYPES: Record<string, PayType> = {
  salary: 'salary',
  hourly: 'hourly',
  exceptionhourly: 'hourly',
  daily: 'daily',
  commission: 'commission',
};
const FLSA: Record<string, FlsaStatus> = { exempt: 'exempt', nonexempt: 'nonexempt' };

function classify<T extends string>(field: string, value: string | null, table: Record<string, T>, fallback: T) {
  const source: SourceValue | null = value ? { field, value, label: null } : null;
  return { value: value ? (table[key(value)] ?? fallback) : ('unknown' as T), source };
}

/** `rate` is `{value, currency}` in JSON tables and `"65000.00 USD"` in reports: both read the same. */
function rateOf(rate: RawCompensationRow['rate']): { amount: number | null; currency: string | null } {
  if (rate === null || rate === undefined) return { amount: null, currency: null };
  if (typeof rate === 'object') return { amount: number(rate.value), currency: text(rate.currency) };
  const [amount, currency] = String(rate).trim().split(/\s+/);
  return { amount: number(amount), currency: text(currency) };
}

/** One employee's compensation rows → dated Compensation records, amounts and periods exactly as given. */
export function mapCompensationRows(
  rows: readonly RawCompensationRow[],
  context: { provider: string; today: string; people: PeopleIndex; includeRaw?: boolean },
): Compensation[] {
  const dated = [...rows].sort((a, b) => (date(a.startDate) ?? '').localeCompare(date(b.startDate) ?? ''));
  const current = dated.reduce(
    (found, row, index) => ((date(row.startDate) ?? '9999') <= context.today ? index : found),
    -1,
  );
  return dated.map((row, index) => {
    const effectiveDate = date(row.startDate);
    const next = date(dated[index + 1]?.startDate);
    const remoteId = `compensation:${row.id ?? `${row.employeeId}:${effectiveDate ?? index}`}`;
    const flsa = text(row.exempt);
    const record: Compensation = {
      id: hrkitId(context.provider, remoteId),
      provider: context.provider,
      remoteId,
      employee: context.people.ref(row.employeeId),
      ...rateOf(row.rate),
      payPeriod: classify('paidPer', text(row.paidPer), PERIODS, 'other'),
      payFrequency: classify('paySchedule', text(row.paySchedule), FREQUENCIES, 'other'),
      payType: classify('type', text(row.type), TYPES, 'other'),
      flsaStatus: flsa ? classify('exempt', flsa, FLSA, 'unknown') : null,
      effectiveDate,
      endDate: next && effectiveDate && next > effectiveDate ? dayBefore(next) : null,
      isCurrent: index === current,
      changeReason: text(row.reason),
      sourceTable: 'compensation',
    };
    if (context.includeRaw) record.raw = { ...row };
    return record;
  });
}
