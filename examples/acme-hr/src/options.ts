import { EmploymentTypeOverridesSchema } from '@hrkit/core';
import { z } from 'zod';

// #region options
/**
 * What `acme({ … })` accepts, validated: a typo or a wrong type is a ConfigurationError when the kit is built.
 * `employmentTypes` adjusts the contract-type rules label by label (see EmploymentTypeRules in core).
 */
export const AcmeOptions = z.strictObject({
  employmentTypes: EmploymentTypeOverridesSchema.optional(),
});
export type AcmeOptions = z.infer<typeof AcmeOptions>;
// #endregion options
