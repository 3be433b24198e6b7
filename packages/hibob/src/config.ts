import { type CredentialSpec, environmentOf, withEnvironment } from '@hrkit/core';
import { z } from 'zod';

export const HIBOB = 'hibob';

/** Named hosts a consumer may pass as `baseUrl` instead of a URL. */
export const HIBOB_HOSTS = {
  production: 'https://api.hibob.com',
  sandbox: 'https://api.sandbox.hibob.com',
} as const;

/**
 * The settings `connect()` reads, declared once: the connection schema's environment fallbacks, the redactor (the
 * token; the service user ID is redacted too, module.ts) and the `hrkit` CLI read them from here.
 */
export const HIBOB_CREDENTIALS: readonly CredentialSpec[] = [
  {
    key: 'serviceUserId',
    env: 'HIBOB_SERVICE_USER_ID',
    secret: false,
    placeholder: 'id',
    description: 'the HiBob service user ID (Settings › Integrations › Automation › Service users)',
  },
  {
    key: 'token',
    env: 'HIBOB_TOKEN',
    secret: true,
    placeholder: 'token',
    description: "the service user's token (shown once when the service user is created)",
  },
];

/** Environment variables read when the consumer leaves a credential out. */
export const HIBOB_ENVIRONMENT = environmentOf(HIBOB_CREDENTIALS) as {
  readonly serviceUserId: 'HIBOB_SERVICE_USER_ID';
  readonly token: 'HIBOB_TOKEN';
};

/**
 * `production` / `sandbox` / any http(s) URL. Endpoint paths carry `/v1` themselves, so a trailing `/v1`
 * (as HiBob's docs print the base URL) is dropped rather than doubled.
 */
const BaseUrl = z
  .union([
    z.enum(['production', 'sandbox']),
    z.url({ protocol: /^https?$/, error: 'a URL, "production" or "sandbox"' }),
  ])
  .transform((value) => {
    const url = value === 'production' || value === 'sandbox' ? HIBOB_HOSTS[value] : value;
    return url.replace(/\/+$/, '').replace(/\/v1$/, '');
  });

export const HiBobConnectionConfig = z.preprocess(
  (input) => withEnvironment(input, HIBOB_ENVIRONMENT),
  z.strictObject({
    serviceUserId: z
      .string({ error: 'the HiBob service user ID (Settings › Integrations › Automation › Service users)' })
      .trim()
      .min(1, 'the HiBob service user ID must not be empty'),
    token: z
      .string({ error: 'the HiBob service user token' })
      .min(8, 'the HiBob service user token looks too short')
      .refine((token) => !/\s/.test(token), 'the token must not contain spaces (pass the raw token, not "Basic …")'),
    baseUrl: BaseUrl.default(HIBOB_HOSTS.production),
    /** The webhook's secret token from Settings › Integrations › Webhooks; enables the `webhooks` check. */
    webhookSecret: z.string().min(1).optional(),
  }),
);
export type HiBobConnectionConfig = z.output<typeof HiBobConnectionConfig>;
