import type { EmploymentType, EmploymentTypeRules, EmploymentTypeTable } from '@hrkit/core';

/** Where BambooHR keeps the employment type: list field 16, alias `employmentHistoryStatus`. */
export const EMPLOYMENT_TYPE_FIELD = { id: 'employmentHistoryStatus', name: 'Employment Status' };

/**
 * BambooHR's stock labels and the usual customer additions, as core EmploymentTypeRules defaults (labels compared
 * case- and punctuation-blind). `lifecycle` marks labels that describe the employment's state rather than its type
 * (BambooHR's built-in "Terminated", "Furloughed"): recognised, not unmapped. `bamboohr({ employmentTypes })` adds
 * to and overrides these label by label (docs/providers/bamboohr.md).
 */
export const BAMBOOHR_EMPLOYMENT_TYPES: EmploymentTypeTable = {
  'Full-Time': { workerKind: 'employee', schedule: 'full_time' },
  'Part-Time': { workerKind: 'employee', schedule: 'part_time' },
  Contractor: { workerKind: 'contractor', schedule: 'unknown' },
  Contract: { workerKind: 'contractor', schedule: 'unknown' },
  Intern: { workerKind: 'intern', schedule: 'unknown' },
  Internship: { workerKind: 'intern', schedule: 'unknown' },
  Temporary: { workerKind: 'employee', schedule: 'temporary' },
  Temp: { workerKind: 'employee', schedule: 'temporary' },
  Seasonal: { workerKind: 'employee', schedule: 'seasonal' },
  'Per Diem': { workerKind: 'employee', schedule: 'per_diem' },
  Freelance: { workerKind: 'freelancer', schedule: 'unknown' },
  Freelancer: { workerKind: 'freelancer', schedule: 'unknown' },
  Consultant: { workerKind: 'consultant', schedule: 'unknown' },
  Volunteer: { workerKind: 'volunteer', schedule: 'unknown' },
  Apprentice: { workerKind: 'apprentice', schedule: 'unknown' },
  Terminated: { lifecycle: 'terminated' },
  Furloughed: { lifecycle: 'on_leave' },
};

/** One `employmentHistoryStatus` label → the model's employment type; the label is the customer's own category. */
export function classifyEmploymentType(
  rules: EmploymentTypeRules,
  label: string | null,
  fieldName?: string | null,
): EmploymentType {
  const field = { id: EMPLOYMENT_TYPE_FIELD.id, name: fieldName || EMPLOYMENT_TYPE_FIELD.name };
  return rules.classify(label, { field, customerCategory: true });
}

/** The lifecycle a label implies, if it is one of those (e.g. "Terminated"). */
export function lifecycleOf(rules: EmploymentTypeRules, label: string | null): 'terminated' | 'on_leave' | null {
  return rules.ruleFor(label)?.lifecycle ?? null;
}
