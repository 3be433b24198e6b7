import type { EmploymentTypeRule } from './mapping/employment-type.js';
import type { BambooHrWebhookOptions } from './webhooks.js';

/** Options of `bamboohr(options)`. */
export interface BambooHrOptions {
  /** Extra `employmentHistoryStatus` labels (or overrides of the defaults): `{ 'Direct Employee': {...} }`. */
  employmentTypes?: Readonly<Record<string, EmploymentTypeRule>>;
  /** Extra report fields (aliases or numeric ids) to read into `Employee.customFields`. */
  customFields?: readonly string[];
  /**
   * Report fields under the consumer's own keys: `{ costCentre: '4402' }` (an alias or numeric field id) →
   * `customFields.costCentre` with a typed value and `source`.
   */
  customFieldMap?: Readonly<Record<string, string>>;
  /**
   * The field that names the employing legal entity (a custom "Legal Entity" field's id, or `division` where the
   * customer uses divisions as companies). BambooHR has no entity field of its own; without this `company` is null.
   */
  legalEntityField?: string;
  /** Webhook freshness window (`toleranceSeconds`, default 300) and body size limit (`maxBodyBytes`, default 1 MiB). */
  webhooks?: BambooHrWebhookOptions;
}
