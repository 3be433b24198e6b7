import type { EmploymentTypeRule } from './mapping/employment-type.js';
import type { BambooHrWebhookOptions } from './webhooks.js';

/** Options of `bamboohr(options)`. */
export interface BambooHrOptions {
  /** Extra `employmentHistoryStatus` labels (or overrides of the defaults): `{ 'Direct Employee': {...} }`. */
  employmentTypes?: Readonly<Record<string, EmploymentTypeRule>>;
  /** Extra report fields (aliases or numeric ids) to read into `Employee.customFields`. */
  customFields?: readonly string[];
  /** Webhook freshness window (`toleranceSeconds`, default 300) and body size limit (`maxBodyBytes`, default 1 MiB). */
  webhooks?: BambooHrWebhookOptions;
}
