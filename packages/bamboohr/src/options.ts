import type { EmploymentTypeRule } from './mapping/employment-type.js';

/** Options of `bamboohr(options)`. */
export interface BambooHrOptions {
  /** Extra `employmentHistoryStatus` labels (or overrides of the defaults): `{ 'Direct Employee': {...} }`. */
  employmentTypes?: Readonly<Record<string, EmploymentTypeRule>>;
  /** Extra report fields (aliases or numeric ids) to read into `Employee.customFields`. */
  customFields?: readonly string[];
}
