import { z } from 'zod';
import { RawId } from './fields.js';

/** v2 envelope (`version: "v2"`) and the legacy v1 shapes, read by one lenient schema. */
export const RawWebhookPayload = z.looseObject({
  companyId: RawId.nullish(),
  type: z.string().nullish(),
  event: z.string().nullish(),
  triggeredBy: RawId.nullish(),
  triggeredAt: z.string().nullish(),
  version: z.string().nullish(),
  data: z.looseObject({}).nullish(),
  employee: z.looseObject({ id: RawId.nullish(), displayName: z.string().nullish() }).nullish(),
  timeoffRequestId: RawId.nullish(),
  employeeId: RawId.nullish(),
});
export type RawWebhookPayload = z.output<typeof RawWebhookPayload>;
