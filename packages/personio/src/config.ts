import { type CredentialSpec, environmentOf, withEnvironment } from '@hrkit/core';
import { z } from 'zod';

/** The provider key: lower case, used in every id this adapter emits (`personio:<remote id>`). */
export const PERSONIO = 'personio';

/**
 * The settings `kit.connect('personio', config)` accepts, declared once: the connection schema reads the
 * environment from them, the redactor hides the secret ones and `hrkit` turns them into flags (`--client-secret`).
 */
export const PERSONIO_CREDENTIALS: readonly CredentialSpec[] = [
  {
    key: 'clientId',
    env: 'PERSONIO_CLIENT_ID',
    secret: false,
    description: 'client ID of the API credential (Settings › Integrations › API credentials)',
  },
  {
    key: 'clientSecret',
    env: 'PERSONIO_CLIENT_SECRET',
    secret: true,
    description: 'client secret of that credential (shown once when it is created)',
  },
  {
    key: 'webhookToken',
    env: 'PERSONIO_WEBHOOK_TOKEN',
    secret: true,
    optional: true,
    description: 'the token configured on the Personio webhook (only needed to verify deliveries)',
  },
];

/** Personio serves v1 under `/v1` of one host; an origin alone (`https://api.personio.de`) gets the prefix added. */
const withV1 = (url: string) =>
  new URL(url).pathname.replace(/\/+$/, '') === '' ? `${url.replace(/\/+$/, '')}/v1` : url;

export const PersonioConnectionConfig = z.preprocess(
  (input) => withEnvironment(input, environmentOf(PERSONIO_CREDENTIALS)),
  z.strictObject({
    clientId: z.string().min(1, 'the client ID of the Personio API credential'),
    clientSecret: z.string().min(8, 'the client secret of the Personio API credential'),
    baseUrl: z.url().default('https://api.personio.de/v1').transform(withV1),
    webhookToken: z.string().min(8).optional(),
  }),
);
export type PersonioConnectionConfig = z.infer<typeof PersonioConnectionConfig>;
