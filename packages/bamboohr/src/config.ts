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
    baseUrl: z.url().optional(),
  }),
);
export type BambooHrConnectionConfig = z.infer<typeof BambooHrConnectionConfig>;
