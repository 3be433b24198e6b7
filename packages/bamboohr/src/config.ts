import { withEnvironment } from '@hrkit/core';
import { z } from 'zod';

export const BAMBOOHR = 'bamboohr';

export const BambooHrConnectionConfig = z.preprocess(
  (input) => withEnvironment(input, { companyDomain: 'BAMBOOHR_COMPANY_DOMAIN', apiKey: 'BAMBOOHR_API_KEY' }),
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

/** The URL every `v1/...` path is appended to. */
export function apiRootOf(config: Pick<BambooHrConnectionConfig, 'companyDomain' | 'baseUrl'>): string {
  const company = encodeURIComponent(config.companyDomain);
  const base = (config.baseUrl ?? 'https://api.bamboohr.com').replace(/\/+$/, '');
  if (/\/gateway\.php\/[^/]+$/.test(base)) return base;
  if (/\/api$/.test(base)) return base;
  return `${base}/api/gateway.php/${company}`;
}
