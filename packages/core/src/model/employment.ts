import { z } from 'zod';
import { classified, SourceValue } from './common.js';

/** Who the worker is to the company: the classification axis. */
export const WorkerKind = z.enum([
  'employee',
  'contractor',
  'eor_worker',
  'intern',
  'apprentice',
  'freelancer',
  'consultant',
  'volunteer',
  'other',
  'unknown',
]);
export type WorkerKind = z.infer<typeof WorkerKind>;

/** How much and how long they work: the schedule axis. */
export const WorkSchedule = z.enum([
  'full_time',
  'part_time',
  'temporary',
  'seasonal',
  'casual',
  'per_diem',
  'shifts',
  'other',
  'unknown',
]);
export type WorkSchedule = z.infer<typeof WorkSchedule>;

/**
 * The customer's own classification, exactly as their HR system names it — e.g. HiBob's list field
 * "Remotepass Employment Type" with the items Contractor / Direct Employee / EOR.
 */
export const CustomerCategory = z.strictObject({
  label: z.string().describe('The label as the customer named it, e.g. "Direct Employee"'),
  value: z.union([z.string(), z.number()]).describe('The stored value, e.g. a list item id'),
  field: z.strictObject({ id: z.string(), name: z.string() }),
});
export type CustomerCategory = z.infer<typeof CustomerCategory>;

export const EmploymentType = z.strictObject({
  workerKind: classified(WorkerKind),
  schedule: classified(WorkSchedule),
  customerCategory: CustomerCategory.nullable(),
  /** Values the mapping met and could not place, reported instead of guessed. */
  unmapped: z.array(SourceValue),
});
export type EmploymentType = z.infer<typeof EmploymentType>;

export const EmploymentStatusValue = z.enum([
  'active',
  'pending',
  'on_leave',
  'suspended',
  'terminated',
  'inactive',
  'other',
  'unknown',
]);
export type EmploymentStatusValue = z.infer<typeof EmploymentStatusValue>;

export const EmploymentStatus = classified(EmploymentStatusValue).extend({
  effectiveDate: z.iso.date().nullable(),
});
export type EmploymentStatus = z.infer<typeof EmploymentStatus>;

export function unknownEmploymentType(): EmploymentType {
  return {
    workerKind: { value: 'unknown', source: null },
    schedule: { value: 'unknown', source: null },
    customerCategory: null,
    unmapped: [],
  };
}
