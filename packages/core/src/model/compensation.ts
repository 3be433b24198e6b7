import { z } from 'zod';
import { classified, EmployeeRef, IsoDate, RawData, recordIdentity } from './common.js';

/**
 * The period an amount is expressed in (Merge `pay_period`, Finch income `unit`). `one_time` covers Finch's `fixed`.
 * hrkit never converts between periods: an hourly rate stays hourly.
 */
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
export type PayPeriod = z.infer<typeof PayPeriod>;

/** How often it is paid out (Merge `pay_frequency`; `daily` for providers that pay out per day). */
export const PayFrequency = z.enum([
  'daily',
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
export type PayFrequency = z.infer<typeof PayFrequency>;

/** What kind of pay the row is: base salary, an hourly or daily rate, or variable pay. */
export const PayType = z.enum(['salary', 'hourly', 'daily', 'commission', 'bonus', 'other', 'unknown']);
export type PayType = z.infer<typeof PayType>;

/** US FLSA classification (Merge `flsa_status`, Finch `flsa_status`), where the provider records one. */
export const FlsaStatus = z.enum(['exempt', 'salaried_nonexempt', 'nonexempt', 'owner', 'unknown']);
export type FlsaStatus = z.infer<typeof FlsaStatus>;

/** The provider's pay group / payroll (Merge `pay_group`, Finch pay groups). */
export const PayGroupRef = z.strictObject({
  remoteId: z.string().nullable(),
  name: z.string().nullable(),
});
export type PayGroupRef = z.infer<typeof PayGroupRef>;

/**
 * One dated pay row, e.g. one row of an employee's salary history. Amounts and currencies exactly as given: no
 * conversion of currency or period, no rounding. Pay data is sensitive: hrkit reads it only when the consumer opts in
 * and never writes amounts to logs or error messages.
 */
export const Compensation = z.strictObject({
  ...recordIdentity,
  employee: EmployeeRef,
  amount: z
    .number()
    .nullable()
    .describe('In major units of `currency` (1234.5 EUR, not cents), per `payPeriod`; null when the provider hid it'),
  currency: z.string().nullable().describe('As given, usually ISO 4217'),
  payPeriod: classified(PayPeriod),
  payFrequency: classified(PayFrequency),
  payType: classified(PayType),
  flsaStatus: classified(FlsaStatus).nullable(),
  effectiveDate: IsoDate.nullable(),
  endDate: IsoDate.nullable().describe('Last day the row applied, when the provider records it'),
  isCurrent: z.boolean().nullable(),
  changeReason: z.string().nullable(),
  payGroup: PayGroupRef.nullable().optional(),
  /** Which provider table or endpoint the row came from, e.g. `salaries` or `payroll.history`. */
  sourceTable: z.string().nullable().optional(),
  raw: RawData.optional(),
});
export type Compensation = z.infer<typeof Compensation>;
