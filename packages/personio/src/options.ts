import { EmploymentTypeOverridesSchema } from '@hrkit/core';
import { z } from 'zod';

/**
 * What `personio({ … })` accepts, validated when the kit is built. `employmentTypeField` names the customer's own
 * category attribute by its label as the admin sees it (or its `dynamic_<n>` key); `employmentTypes` adjusts the
 * rules for its labels (EmploymentTypeRules in core, docs/providers/personio.md).
 */
export const PersonioOptions = z.strictObject({
  employmentTypeField: z.string().min(1).optional(),
  employmentTypes: EmploymentTypeOverridesSchema.optional(),
  /** Weekly hours from which `weekly_working_hours` counts as full time; without it the schedule stays unknown. */
  fullTimeWeeklyHours: z.number().positive().optional(),
});
export type PersonioOptions = z.infer<typeof PersonioOptions>;
