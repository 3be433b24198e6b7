import { z } from 'zod';
import { RawId } from './values.js';

/** Event-based delivery (recommended): `{type, timestamp, data:{companyId, employeeId, changedFields}}`. */
export const RawEventWebhook = z.looseObject({
  type: z.string(),
  timestamp: z.union([z.string(), z.number()]).nullish(),
  data: z
    .looseObject({
      companyId: RawId.nullish(),
      employeeId: RawId.nullish(),
      changedFields: z.array(z.string()).nullish(),
    })
    .nullish(),
});
export type RawEventWebhook = z.infer<typeof RawEventWebhook>;

/** Field-based (legacy/global) delivery: one POST may batch several employees. Shape INFERRED. */
export const RawFieldWebhook = z.looseObject({
  employees: z.array(
    z.looseObject({
      id: RawId,
      action: z.string().nullish(),
      timestamp: z.union([z.string(), z.number()]).nullish(),
      changedFields: z.array(z.string()).nullish(),
    }),
  ),
});
export type RawFieldWebhook = z.infer<typeof RawFieldWebhook>;
