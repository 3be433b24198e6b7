import { withEnvironment } from '@hrkit/core';
import { z } from 'zod';

// #region config
/** The provider key: lower case, used in every id this adapter emits (`acme:<remote id>`). */
export const ACME = 'acme';

/**
 * What `kit.connect('acme', config)` accepts. Unset credentials come from the environment, so a consumer can
 * write `kit.connect('acme')` in production. `webhookSecret` is optional: only needed to verify deliveries.
 */
export const AcmeConnectionConfig = z.preprocess(
  (input) => withEnvironment(input, { apiKey: 'ACME_API_KEY', webhookSecret: 'ACME_WEBHOOK_SECRET' }),
  z.strictObject({
    apiKey: z.string().min(16, 'the Acme HR API key (Settings › API keys), at least 16 characters'),
    baseUrl: z.url().default('https://api.acme-hr.example/v1'),
    webhookSecret: z.string().min(16).optional(),
  }),
);
export type AcmeConnectionConfig = z.infer<typeof AcmeConnectionConfig>;
// #endregion config
