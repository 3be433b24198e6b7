import { EmploymentTypeOverridesSchema } from '@hrkit/core';
import { z } from 'zod';

// #region options
/**
 * What `bamboohr({ … })` accepts, validated: a typo or a wrong type is a ConfigurationError when the kit is built.
 * `employmentTypes` adjusts the `employmentHistoryStatus` rules label by label (EmploymentTypeRules in core: labels
 * it does not name keep their default meaning).
 */
export const BambooHrOptions = z.strictObject({
  employmentTypes: EmploymentTypeOverridesSchema.optional(),
  /** Extra report fields (aliases or numeric ids) to read into `Employee.customFields`. */
  customFields: z.array(z.string().min(1)).readonly().optional(),
  /**
   * Report fields under the consumer's own keys: `{ costCentre: '4402' }` (an alias or numeric field id) →
   * `customFields.costCentre` with a typed value and `source`.
   */
  customFieldMap: z.record(z.string(), z.string().min(1)).readonly().optional(),
  /**
   * The field that names the employing legal entity (a custom "Legal Entity" field's id, or `division` where the
   * customer uses divisions as companies). BambooHR has no entity field of its own; without this `company` is null.
   */
  legalEntityField: z.string().min(1).optional(),
  /** Webhook freshness window (`toleranceSeconds`, default 300) and body size limit (`maxBodyBytes`, default 1 MiB). */
  webhooks: z
    .strictObject({
      toleranceSeconds: z.number().optional(),
      maxBodyBytes: z.number().optional(),
    })
    .optional(),
});
export type BambooHrOptions = z.infer<typeof BambooHrOptions>;
// #endregion options
