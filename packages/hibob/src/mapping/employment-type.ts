import { type EmploymentType, type SourceValue, unknownEmploymentType } from '@hrkit/core';
import { sourceScalar } from './context.js';
import type { EmploymentTypeClassification, EmploymentTypeMapping } from './employment-type-mapping.js';

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
 * worker kind too when the customer's field is absent or empty. A label the mapping cannot place is reported
 * in `unmapped`, and the axis stays `unknown`: nothing is guessed.
 */
export function mapEmploymentType(input: EmploymentTypeInput, mapping: EmploymentTypeMapping): EmploymentType {
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
    const classification = label ? mapping.fromCustomerCategory(label) : null;
    if (classification) apply(result, classification, toSource(custom), 'customer');
    else result.unmapped.push(toSource(custom));
  }

  for (const payroll of [input.payrollType, input.payrollContract]) {
    if (!hasValue(payroll)) continue;
    const label = payroll.label ?? (typeof payroll.value === 'string' ? payroll.value : null);
    const classification = label ? mapping.fromPayroll(label) : null;
    if (!classification) {
      result.unmapped.push(toSource(payroll));
      continue;
    }
    // The customer's field owns the worker kind whenever it has a value, mapped or not.
    apply(result, custom ? { schedule: classification.schedule } : classification, toSource(payroll), 'payroll');
  }
  return result;
}

function apply(
  result: EmploymentType,
  classification: EmploymentTypeClassification,
  source: SourceValue,
  from: 'customer' | 'payroll',
): void {
  if (classification.workerKind && (from === 'customer' || result.workerKind.value === 'unknown'))
    result.workerKind = { value: classification.workerKind, source };
  if (classification.schedule && (from === 'customer' || result.schedule.value === 'unknown'))
    result.schedule = { value: classification.schedule, source };
}
