import { z } from 'zod';
import { DataIssue } from './data-issue.js';
import { classified, EmployeeRef, IsoDate, IsoDateTime, LocalTime, RawData, recordIdentity } from './common.js';

export const TimeOffUnit = z.enum(['days', 'hours']);
export type TimeOffUnit = z.infer<typeof TimeOffUnit>;

export const TimeOffTypeValue = z.enum([
  'vacation',
  'sick',
  'personal',
  'parental',
  'bereavement',
  'jury_duty',
  'volunteer',
  'holiday',
  'unpaid',
  'in_lieu',
  'training',
  'sabbatical',
  'work_time',
  'other',
]);
export type TimeOffTypeValue = z.infer<typeof TimeOffTypeValue>;

export const TimeOffStatusValue = z.enum(['requested', 'approved', 'declined', 'cancelled', 'deleted', 'other']);
export type TimeOffStatusValue = z.infer<typeof TimeOffStatusValue>;

export const DayPortion = z.enum(['all_day', 'morning', 'afternoon']);
export type DayPortion = z.infer<typeof DayPortion>;

/** One end of a request: a date, plus the half-day portion or the clock time when the provider gives one. */
export const TimeOffBoundary = z.strictObject({
  date: IsoDate,
  portion: DayPortion.nullable(),
  time: LocalTime.nullable(),
});

export const TimeOffPolicyRef = z.strictObject({
  id: z.string().nullable(),
  name: z.string().describe('Policy or policy-type name, as the provider names it'),
  typeName: z.string().nullable().describe('The provider policy type, e.g. HiBob "Holiday"'),
});

/** A per-day breakdown, as the provider gives it (never recomputed). */
export const TimeOffDay = z.strictObject({
  date: IsoDate,
  amount: z.number().nullable(),
  unit: TimeOffUnit.nullable(),
  portion: DayPortion.nullable(),
});

export const TimeOffRequest = z.strictObject({
  ...recordIdentity,
  employee: EmployeeRef,
  policy: TimeOffPolicyRef,
  type: classified(TimeOffTypeValue),
  status: classified(TimeOffStatusValue),
  unit: TimeOffUnit.nullable().describe('Unit of `amount`, as the provider states it'),
  amount: z.number().nullable().describe('Duration as given; never converted between days and hours'),
  cost: z.number().nullable().describe('What the request deducts from the balance, where the provider says'),
  rangeType: z.string().nullable().describe("Provider's duration shape, e.g. HiBob `portionOnRange`"),
  start: TimeOffBoundary,
  end: TimeOffBoundary.nullable().describe('Null for open-ended requests'),
  days: z.array(TimeOffDay),
  approver: EmployeeRef.nullable(),
  note: z.string().nullable(),
  editChain: z.strictObject({
    originalRequestId: z.string().nullable(),
    previousRequestId: z.string().nullable(),
  }),
  requestedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime.nullable(),
  raw: RawData.optional(),
  /** Values the adapter could not read (left null rather than guessed); absent when everything was read. */
  dataIssues: z.array(DataIssue).optional(),
});
export type TimeOffRequest = z.infer<typeof TimeOffRequest>;

export const TimeOffBalance = z.strictObject({
  id: z.string().describe('`<provider>:<employee>:<policy>:<asOf>`'),
  provider: z.string(),
  employee: EmployeeRef,
  policy: TimeOffPolicyRef,
  unit: TimeOffUnit.nullable(),
  asOf: IsoDate,
  balance: z.number().nullable().describe('Available balance on `asOf`, in `unit`'),
  used: z.number().nullable(),
  scheduled: z.number().nullable().describe('Approved but not yet taken'),
  accrued: z.number().nullable(),
  allowance: z.number().nullable().describe('Yearly allowance, if the provider states it'),
  adjustments: z.number().nullable(),
  raw: RawData.optional(),
});
export type TimeOffBalance = z.infer<typeof TimeOffBalance>;

export const TimeOffPolicy = z.strictObject({
  ...recordIdentity,
  name: z.string(),
  typeName: z.string().nullable(),
  type: classified(TimeOffTypeValue),
  unit: TimeOffUnit.nullable(),
  paid: z.boolean().nullable(),
  allowance: z.number().nullable(),
  approvalRequired: z.boolean().nullable(),
  halfDaysSupported: z.boolean().nullable(),
  hoursSupported: z.boolean().nullable(),
  description: z.string().nullable(),
  raw: RawData.optional(),
});
export type TimeOffPolicy = z.infer<typeof TimeOffPolicy>;

/** Someone out over (part of) a date window: the answer to "who's out". */
export const Absence = z.strictObject({
  id: z.string(),
  provider: z.string(),
  employee: EmployeeRef,
  requestId: z.string().nullable().describe('hrkit id of the request, when the provider links one'),
  policy: TimeOffPolicyRef,
  type: classified(TimeOffTypeValue),
  status: classified(TimeOffStatusValue),
  start: TimeOffBoundary,
  end: TimeOffBoundary.nullable(),
  unit: TimeOffUnit.nullable(),
  amount: z.number().nullable(),
  visibility: z.enum(['public', 'private', 'custom_name', 'unknown']),
  raw: RawData.optional(),
});
export type Absence = z.infer<typeof Absence>;
