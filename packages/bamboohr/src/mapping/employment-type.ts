import type { EmploymentType, SourceValue, WorkerKind, WorkSchedule } from '@hrkit/core';

/** Where BambooHR keeps the employment type: list field 16, alias `employmentHistoryStatus`. */
export const EMPLOYMENT_TYPE_FIELD = { id: 'employmentHistoryStatus', name: 'Employment Status' };

/**
 * What one `employmentHistoryStatus` label means. `lifecycle` marks labels that describe the employment's state
 * rather than its type (BambooHR's built-in "Terminated", "Furloughed"): they are recognised, not unmapped.
 */
export type EmploymentTypeRule =
  | { workerKind: WorkerKind; schedule: WorkSchedule }
  | { lifecycle: 'terminated' | 'on_leave' };

/** Replaceable (DI token BAMBOOHR_TOKENS.EmploymentTypeMapping): label → normalized employment type. */
export interface EmploymentTypeMapping {
  map(label: string | null, fieldName?: string | null): EmploymentType;
  /** The lifecycle a label implies, if it is one of those (e.g. "Terminated"). */
  lifecycleOf(label: string | null): 'terminated' | 'on_leave' | null;
}

/** BambooHR's stock labels and the usual customer additions. Keys are compared case- and punctuation-blind. */
export const DEFAULT_EMPLOYMENT_TYPE_RULES: Readonly<Record<string, EmploymentTypeRule>> = {
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

function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The default mapping; `rules` (from `bamboohr({ employmentTypes })`) override or extend the defaults. */
export class TableEmploymentTypeMapping implements EmploymentTypeMapping {
  private readonly rules = new Map<string, EmploymentTypeRule>();

  constructor(rules: Readonly<Record<string, EmploymentTypeRule>> = {}) {
    for (const [label, rule] of Object.entries({ ...DEFAULT_EMPLOYMENT_TYPE_RULES, ...rules }))
      this.rules.set(normalizeLabel(label), rule);
  }

  lifecycleOf(label: string | null): 'terminated' | 'on_leave' | null {
    if (!label) return null;
    const rule = this.rules.get(normalizeLabel(label));
    return rule && 'lifecycle' in rule ? rule.lifecycle : null;
  }

  map(label: string | null, fieldName?: string | null): EmploymentType {
    if (!label)
      return {
        workerKind: { value: 'unknown', source: null },
        schedule: { value: 'unknown', source: null },
        customerCategory: null,
        unmapped: [],
      };
    const field = EMPLOYMENT_TYPE_FIELD.id;
    const source: SourceValue = { field, value: label, label };
    const customerCategory = {
      label,
      value: label,
      field: { id: field, name: fieldName || EMPLOYMENT_TYPE_FIELD.name },
    };
    const rule = this.rules.get(normalizeLabel(label));
    if (!rule)
      return {
        workerKind: { value: 'unknown', source },
        schedule: { value: 'unknown', source },
        customerCategory,
        unmapped: [source],
      };
    if ('lifecycle' in rule)
      // The status row replaced the type ("Terminated"): the kind of work is no longer stated.
      return {
        workerKind: { value: 'unknown', source },
        schedule: { value: 'unknown', source },
        customerCategory,
        unmapped: [],
      };
    return {
      workerKind: { value: rule.workerKind, source },
      schedule: { value: rule.schedule, source },
      customerCategory,
      unmapped: [],
    };
  }
}
