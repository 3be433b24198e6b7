import { z } from 'zod';

// #region raw-leave
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
// #endregion raw-leave
