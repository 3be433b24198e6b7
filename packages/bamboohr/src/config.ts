import { type CredentialSpec, environmentOf, withEnvironment } from '@hrkit/core';
import { z } from 'zod';

// #region config
/** The provider key: lower case, used in every id this adapter emits (`bamboohr:<remote id>`). */
export const BAMBOOHR = 'bamboohr';

/**
 * The settings `kit.connect('bamboohr', config)` accepts, declared once: the connection schema reads the environment
 * from them, the redactor hides the secret ones and `hrkit` turns them into flags (`--company-domain`, `--api-key`).
 */
export const BAMBOOHR_CREDENTIALS: readonly CredentialSpec[] = [
  {
    key: 'companyDomain',
    env: 'BAMBOOHR_COMPANY_DOMAIN',
    secret: false,
    placeholder: 'domain',
    description: 'the company subdomain, e.g. "acme" for acme.bamboohr.com',
  },
  {
    key: 'apiKey',
    env: 'BAMBOOHR_API_KEY',
    secret: true,
    placeholder: 'key',
    description: "BambooHR API key (profile menu › API Keys; it acts with its owner's access level)",
  },
];

export const BambooHrConnectionConfig = z.preprocess(
  (input) => withEnvironment(input, environmentOf(BAMBOOHR_CREDENTIALS)),
  z.strictObject({
    companyDomain: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/i, 'the company subdomain, e.g. "acme" for acme.bamboohr.com'),
    apiKey: z.string().min(8, 'a BambooHR API key'),
    /**
     * Where the API lives. Default `https://api.bamboohr.com` (gateway form). Accepted: an origin (the gateway
     * path is appended), a full `…/api/gateway.php/{company}` root, or the newer `https://{company}.bamboohr.com/api`.
     */
    baseUrl: z.url().optional(),
  }),
);
export type BambooHrConnectionConfig = z.infer<typeof BambooHrConnectionConfig>;
// #endregion config

/** The URL every `v1/...` path is appended to. */
export function apiRootOf(config: Pick<BambooHrConnectionConfig, 'companyDomain' | 'baseUrl'>): string {
  const company = encodeURIComponent(config.companyDomain);
  const base = (config.baseUrl ?? 'https://api.bamboohr.com').replace(/\/+$/, '');
  if (/\/gateway\.php\/[^/]+$/.test(base)) return base;
  if (/\/api$/.test(base)) return base;
  return `${base}/api/gateway.php/${company}`;
}
