import { z } from 'zod';
import { classified, EmployeeRef, IsoDate, RawData, recordIdentity } from './common.js';

/** The period an amount is expressed in (Merge `pay_period`, Finch income `unit`). */
export const PayPeriod = z.enum([
  'hour',
  'day',
  'week',
  'every_two_weeks',
  'semimonthly',
  'month',
  'quarter',
  'every_six_months',
  'year',
  'one_time',
  'other',
  'unknown',
]);
/** How often it is paid out (Merge `pay_frequency`). */
export const PayFrequency = z.enum([
  'weekly',
  'biweekly',
  'semimonthly',
  'monthly',
  'quarterly',
  'semiannually',
  'annually',
  'thirteen_monthly',
  'pro_rata',
  'other',
  'unknown',
]);
export const PayType = z.enum(['salary', 'hourly', 'daily', 'commission', 'bonus', 'other', 'unknown']);
export const FlsaStatus = z.enum(['exempt', 'salaried_nonexempt', 'nonexempt', 'owner', 'unknown']);

/** One dated pay row. Amounts and currencies exactly as given: no conversion of currency or period. */
export const Compensation = z.strictObject({
  ...recordIdentity,
  employee: EmployeeRef,
  amount: z.number().nullable(),
  currency: z.string().nullable().describe('As given, usually ISO 4217'),
  payPeriod: classified(PayPeriod),
  payFrequency: classified(PayFrequency),
  payType: classified(PayType),
  flsaStatus: classified(FlsaStatus).nullable(),
  effectiveDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  isCurrent: z.boolean().nullable(),
  changeReason: z.string().nullable(),
  raw: RawData.optional(),
});
export type Compensation = z.infer<typeof Compensation>;
