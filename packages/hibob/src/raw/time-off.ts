import { z } from 'zod';

/**
 * An id as HiBob sent it (a string, or a number for request ids): kept as sent, with no transform, so the schemas
 * below are copy-free and a feed of thousands of requests is checked in place (docs/performance.md › Listing, time-off
 * memory and confirmations). The mapping turns it into text by core's one rule for ids (`readRecordId`), which
 * refuses a number that lost precision instead of writing a rounded id.
 */
const RawIdAsSent = z.union([z.string(), z.number()]);

export const RawPolicyTypes = z.looseObject({ policyTypes: z.array(z.string()) });

export const RawPolicyType = z.looseObject({
  name: z.string().nullish(),
  activity: z.string().nullish(),
  unit: z.string().nullish(),
  bookingWorkDaysOnly: z.boolean().nullish(),
});
export type RawPolicyType = z.output<typeof RawPolicyType>;

export const RawPolicyNames = z.looseObject({ policyNames: z.array(z.string()) });

export const RawPolicy = z.looseObject({
  name: z.string().nullish(),
  description: z.string().nullish(),
  allowance: z.number().nullish(),
  unit: z.string().nullish(),
  approvalRequired: z.boolean().nullish(),
  minTimeOffRequestDuration: z.string().nullish(),
});
export type RawPolicy = z.output<typeof RawPolicy>;

/**
 * A request as any time-off endpoint gives it. The endpoints name things differently (pitfall 11):
 * `startPortion` vs `startDatePortion`, `type` vs `requestRangeType`; every variant is accepted.
 */
export const RawTimeOffRequest = z.looseObject({
  requestId: RawIdAsSent.nullish(),
  id: RawIdAsSent.nullish(),
  employeeId: RawIdAsSent.nullish(),
  employeeDisplayName: z.string().nullish(),
  employeeEmail: z.string().nullish(),
  policyType: z.string().nullish(),
  policyTypeDisplayName: z.string().nullish(),
  changeType: z.string().nullish(),
  type: z.string().nullish(),
  requestRangeType: z.string().nullish(),
  startDate: z.string().nullish(),
  startPortion: z.string().nullish(),
  startDatePortion: z.string().nullish(),
  endDate: z.string().nullish(),
  endPortion: z.string().nullish(),
  endDatePortion: z.string().nullish(),
  dayPortion: z.string().nullish(),
  date: z.string().nullish(),
  hoursOnDate: z.number().nullish(),
  hours: z.number().nullish(),
  minutes: z.number().nullish(),
  durationUnit: z.string().nullish(),
  totalDuration: z.number().nullish(),
  totalCost: z.number().nullish(),
  status: z.string().nullish(),
  approved: z.boolean().nullish(),
  description: z.string().nullish(),
  changeReason: z.string().nullish(),
  originalRequestId: RawIdAsSent.nullish(),
  previousRequestId: RawIdAsSent.nullish(),
  createdOn: z.string().nullish(),
  visibility: z.string().nullish(),
  approver: z.unknown().optional(),
  dailyHours: z.unknown().optional(),
  dailyDurations: z.unknown().optional(),
});
export type RawTimeOffRequest = z.output<typeof RawTimeOffRequest>;

export const RawChanges = z.looseObject({ changes: z.array(RawTimeOffRequest) });
export const RawOuts = z.looseObject({ outs: z.array(RawTimeOffRequest) });

export const RawBalance = z.looseObject({
  employeeId: RawIdAsSent.nullish(),
  policy: z.string().nullish(),
  pointInTime: z.string().nullish(),
  startingBalance: z.number().nullish(),
  annualAllowance: z.number().nullish(),
  totalTaken: z.number().nullish(),
  totalAdminAdjustments: z.number().nullish(),
  totalSystemAdjustments: z.number().nullish(),
  totalBalanceAsOfDate: z.number().nullish(),
  totalRoundedBalanceAsOfDate: z.number().nullish(),
});
export type RawBalance = z.output<typeof RawBalance>;
