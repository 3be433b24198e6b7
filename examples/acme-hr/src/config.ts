import { type CredentialSpec, environmentOf, withEnvironment } from '@hrkit/core';
import { z } from 'zod';

// #region config
/** The provider key: lower case, used in every id this adapter emits (`acme:<remote id>`). */
export const ACME = 'acme';

/**
 * The settings `kit.connect('acme', config)` accepts, declared once: the connection schema below reads the
 * environment from them, the redactor hides the secret ones and `hrkit` turns them into flags (`--api-key`).
 */
export const ACME_CREDENTIALS: readonly CredentialSpec[] = [
  { key: 'apiKey', env: 'ACME_API_KEY', secret: true, description: 'Acme HR API key (Settings › API keys)' },
  {
    key: 'webhookSecret',
    env: 'ACME_WEBHOOK_SECRET',
    secret: true,
    optional: true,
    description: 'secret shown when the webhook was created (only needed to verify deliveries)',
  },
];

export const AcmeConnectionConfig = z.preprocess(
  (input) => withEnvironment(input, environmentOf(ACME_CREDENTIALS)),
  z.strictObject({
    apiKey: z.string().min(16, 'the Acme HR API key (Settings › API keys), at least 16 characters'),
    baseUrl: z.url().default('https://api.acme-hr.example/v1'),
    webhookSecret: z.string().min(16).optional(),
  }),
);
export type AcmeConnectionConfig = z.infer<typeof AcmeConnectionConfig>;
// #endregion config
