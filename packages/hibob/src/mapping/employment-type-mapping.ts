import type { WorkerKind, WorkSchedule } from '@hrkit/core';
import { labelKey } from './normalize.js';

/** What a label says about the worker: either axis may be left open. */
export interface EmploymentTypeClassification {
  workerKind?: WorkerKind;
  schedule?: WorkSchedule;
}

/**
 * How the customer's employment-type labels become hrkit's two axes. Bound in DI under
 * `HIBOB_TOKENS.EmploymentTypeMapping`; replace it by rebinding or with `hibob({ employmentTypeMapping })`.
 * A label the mapping returns null for is reported in `employmentType.unmapped`, never guessed.
 */
export interface EmploymentTypeMapping {
  /** The items the customer's custom field should have; `check()` reports missing and extra ones. */
  readonly expectedLabels: readonly string[];
  /** A label of the customer's custom field, e.g. "Direct Employee". */
  fromCustomerCategory(label: string): EmploymentTypeClassification | null;
  /** A label of HiBob's built-in payroll employment type or contract, e.g. "Full-Time", "Contractor". */
  fromPayroll(label: string): EmploymentTypeClassification | null;
}

/** The mapping as plain tables, label → classification. Labels compare without case, spaces or punctuation. */
export interface EmploymentTypeTables {
  customerCategories: Readonly<Record<string, EmploymentTypeClassification>>;
  payroll?: Readonly<Record<string, EmploymentTypeClassification>>;
}

export const DEFAULT_CUSTOMER_CATEGORIES: Readonly<Record<string, EmploymentTypeClassification>> = {
  Contractor: { workerKind: 'contractor' },
  'Direct Employee': { workerKind: 'employee' },
  EOR: { workerKind: 'eor_worker' },
};

/** HiBob's built-in "Employment type" (payrollEmploymentType) and "Employment contract" (employmentstatus) items. */
export const DEFAULT_PAYROLL_TYPES: Readonly<Record<string, EmploymentTypeClassification>> = {
  'Full-Time': { workerKind: 'employee', schedule: 'full_time' },
  'Part-Time': { workerKind: 'employee', schedule: 'part_time' },
  Permanent: { workerKind: 'employee' },
  Contractor: { workerKind: 'contractor' },
  Contract: { workerKind: 'contractor' },
  Freelance: { workerKind: 'freelancer' },
  Freelancer: { workerKind: 'freelancer' },
  Consultant: { workerKind: 'consultant' },
  Temporary: { workerKind: 'employee', schedule: 'temporary' },
  Seasonal: { workerKind: 'employee', schedule: 'seasonal' },
  Casual: { workerKind: 'employee', schedule: 'casual' },
  Intern: { workerKind: 'intern' },
  Internship: { workerKind: 'intern' },
  Apprentice: { workerKind: 'apprentice' },
  Volunteer: { workerKind: 'volunteer' },
  'Employer of Record': { workerKind: 'eor_worker' },
  EOR: { workerKind: 'eor_worker' },
};

export function createEmploymentTypeMapping(tables: EmploymentTypeTables): EmploymentTypeMapping {
  const byKey = (table: Readonly<Record<string, EmploymentTypeClassification>>) =>
    new Map(Object.entries(table).map(([label, value]) => [labelKey(label), value]));
  const categories = byKey(tables.customerCategories);
  const payroll = byKey(tables.payroll ?? DEFAULT_PAYROLL_TYPES);
  return {
    expectedLabels: Object.keys(tables.customerCategories),
    fromCustomerCategory: (label) => categories.get(labelKey(label)) ?? null,
    fromPayroll: (label) => payroll.get(labelKey(label)) ?? null,
  };
}

export const defaultEmploymentTypeMapping: EmploymentTypeMapping = createEmploymentTypeMapping({
  customerCategories: DEFAULT_CUSTOMER_CATEGORIES,
  payroll: DEFAULT_PAYROLL_TYPES,
});

export function isEmploymentTypeMapping(value: unknown): value is EmploymentTypeMapping {
  const candidate = value as Partial<EmploymentTypeMapping> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.fromCustomerCategory === 'function' &&
    typeof candidate.fromPayroll === 'function' &&
    Array.isArray(candidate.expectedLabels)
  );
}
