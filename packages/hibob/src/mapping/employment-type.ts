import {
  type EmploymentType,
  type EmploymentTypeRule,
  EmploymentTypeRules,
  type EmploymentTypeTable,
  type SourceValue,
  unknownEmploymentType,
} from '@hrkit/core';
import { sourceScalar } from './context.js';

/**
 * The items of the customer's "Remotepass Employment Type" list (docs/providers/hibob.md › Employment type), as
 * core EmploymentTypeRules defaults. `hibob({ employmentTypes })` adds to and overrides these label by label;
 * labels it does not name keep their meaning.
 */
export const HIBOB_EMPLOYMENT_TYPES: EmploymentTypeTable = {
  Contractor: { workerKind: 'contractor' },
  'Direct Employee': { workerKind: 'employee' },
  EOR: { workerKind: 'eor_worker' },
};

/**
 * HiBob's built-in "Employment type" (payrollEmploymentType) and "Employment contract" (employmentstatus) items.
 * `hibob({ payrollEmploymentTypes })` adds to and overrides these the same way.
 */
export const HIBOB_PAYROLL_EMPLOYMENT_TYPES: EmploymentTypeTable = {
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

/**
 * HiBob reads two label sources, each with core's EmploymentTypeRules: the customer's own field and HiBob's
 * built-in payroll type/contract. Bound in DI under `HIBOB_TOKENS.EmploymentTypeRules` and
 * `HIBOB_TOKENS.PayrollEmploymentTypeRules` (docs/providers/hibob.md › Employment type).
 */
export interface HiBobEmploymentTypes {
  /** The customer's custom field (e.g. "Remotepass Employment Type"); `check()` compares its items to `labels`. */
  readonly customerCategories: EmploymentTypeRules;
  /** HiBob's `payroll.employment.type` and `payroll.employment.contract`. */
  readonly payroll: EmploymentTypeRules;
}

/** The default rules, for tests and tools that map without a kit. */
export const DEFAULT_HIBOB_EMPLOYMENT_TYPES: HiBobEmploymentTypes = {
  customerCategories: new EmploymentTypeRules(HIBOB_EMPLOYMENT_TYPES),
  payroll: new EmploymentTypeRules(HIBOB_PAYROLL_EMPLOYMENT_TYPES),
};

export interface EmploymentTypeSource {
  field: { id: string; name: string };
  value: unknown;
  label: string | null;
}

export interface EmploymentTypeInput {
  /** The customer's custom field (e.g. "Remotepass Employment Type"), when the tenant has it. */
  custom: EmploymentTypeSource | null;
  /** HiBob's built-in `payroll.employment.type` and `payroll.employment.contract`. */
  payrollType: EmploymentTypeSource | null;
  payrollContract: EmploymentTypeSource | null;
}

function hasValue(source: EmploymentTypeSource | null): source is EmploymentTypeSource {
  if (!source) return false;
  const { value } = source;
  return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function toSource(source: EmploymentTypeSource): SourceValue {
  return { field: source.field.id, value: sourceScalar(source.value), label: source.label };
}

/**
 * The customer's own field decides the worker kind; HiBob's payroll type/contract fill the schedule, and the
 * worker kind too when the customer's field is absent or empty. A label no rule names is reported in `unmapped`,
 * and the axis stays `unknown`: nothing is guessed. A `lifecycle` rule is recognised (not unmapped) but sets no axis.
 */
export function mapEmploymentType(input: EmploymentTypeInput, rules: HiBobEmploymentTypes): EmploymentType {
  const result = unknownEmploymentType();
  const custom = hasValue(input.custom) ? input.custom : null;

  if (custom) {
    const stored = Array.isArray(custom.value) && custom.value.length === 1 ? custom.value[0] : custom.value;
    const label = custom.label ?? (typeof stored === 'string' ? stored : null);
    result.customerCategory = {
      label: label ?? String(stored),
      value: typeof stored === 'number' ? stored : String(stored),
      field: { id: custom.field.id, name: custom.field.name },
    };
    const rule = rules.customerCategories.ruleFor(label);
    if (rule) apply(result, rule, toSource(custom), 'customer');
    else result.unmapped.push(toSource(custom));
  }

  for (const payroll of [input.payrollType, input.payrollContract]) {
    if (!hasValue(payroll)) continue;
    const label = payroll.label ?? (typeof payroll.value === 'string' ? payroll.value : null);
    const rule = rules.payroll.ruleFor(label);
    if (!rule) {
      result.unmapped.push(toSource(payroll));
      continue;
    }
    // The customer's field owns the worker kind whenever it has a value, mapped or not.
    apply(result, custom ? { schedule: rule.schedule, lifecycle: rule.lifecycle } : rule, toSource(payroll), 'payroll');
  }
  return result;
}

function apply(
  result: EmploymentType,
  rule: EmploymentTypeRule,
  source: SourceValue,
  from: 'customer' | 'payroll',
): void {
  if (rule.lifecycle) return;
  if (rule.workerKind && (from === 'customer' || result.workerKind.value === 'unknown'))
    result.workerKind = { value: rule.workerKind, source };
  if (rule.schedule && (from === 'customer' || result.schedule.value === 'unknown'))
    result.schedule = { value: rule.schedule, source };
}
