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

export const RawAcmeLeave = z.looseObject({
  leave_id: z.string(),
  emp_id: z.string(),
  /** HOLIDAY | SICK | PARENTAL | UNPAID | … */
  kind: z.string(),
  /** PENDING | APPROVED | REJECTED | CANCELLED */
  state: z.string(),
  first_day: z.string(),
  last_day: z.string().nullish(),
  days: z.number().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type RawAcmeLeave = z.infer<typeof RawAcmeLeave>;

/** Every Acme list endpoint pages the same way: `data` plus an opaque `next_cursor` (null on the last page). */
export function rawPage<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), next_cursor: z.string().nullish() });
}
// #endregion raw-schemas

export const RawAcmeWebhookEvent = z.looseObject({
  id: z.string(),
  event: z.string(),
  emp_id: z.string(),
  occurred_at: z.string().nullish(),
});
export type RawAcmeWebhookEvent = z.infer<typeof RawAcmeWebhookEvent>;
