import { z } from 'zod';

/**
 * A v2 webhook delivery: `{ company_id, event_name, occurred_at, payload, meta? }`. The payload carries ids only and
 * its exact shape per event is not documented, so it is read loosely (docs/providers/personio.md › Webhooks).
 */
export const RawPersonioWebhookEvent = z.looseObject({
  company_id: z.union([z.string(), z.number()]).nullish(),
  event_name: z.string(),
  occurred_at: z.string().nullish(),
  payload: z.record(z.string(), z.unknown()),
});
export type RawPersonioWebhookEvent = z.infer<typeof RawPersonioWebhookEvent>;
