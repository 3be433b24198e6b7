import { z } from 'zod';

// #region raw-schemas
/**
 * Acme's payloads exactly as its API sends them. Lenient on purpose: unknown fields pass through
 * (`looseObject`) and optional ones are `nullish`, so a new Acme field never breaks a sync. Only what the
 * mapping reads is declared. Enum-like values stay strings here; the mapping decides what they mean.
 */
export const RawAcmeEmployee = z.looseObject({
  emp_id: z.string(),
  given_name: z.string().nullish(),
  family_name: z.string().nullish(),
  work_email: z.string().nullish(),
  job_title: z.string().nullish(),
  team: z.looseObject({ id: z.string(), name: z.string() }).nullish(),
  manager_emp_id: z.string().nullish(),
  /** ONBOARDING | ACTIVE | ON_LEAVE | LEFT */
  status: z.string(),
  /** FULL_TIME | PART_TIME | CONTRACTOR | INTERN */
  contract: z.string().nullish(),
  started_on: z.string().nullish(),
  left_on: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type RawAcmeEmployee = z.infer<typeof RawAcmeEmployee>;
// #endregion raw-schemas
