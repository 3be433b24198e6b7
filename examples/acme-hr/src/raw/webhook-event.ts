import { z } from 'zod';

export const RawAcmeWebhookEvent = z.looseObject({
  id: z.string(),
  event: z.string(),
  emp_id: z.string(),
  occurred_at: z.string().nullish(),
});
export type RawAcmeWebhookEvent = z.infer<typeof RawAcmeWebhookEvent>;
