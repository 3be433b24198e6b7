import { z } from 'zod';
import { SourceValue } from './common.js';
import { CountryCode } from './country.js';

export const Department = z.strictObject({
  id: z.string().nullable(),
  name: z.string(),
});
export type Department = z.infer<typeof Department>;

export const Address = z.strictObject({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable().describe('As given; ISO 3166 alpha-2 where the provider uses it'),
  countryCode: CountryCode.nullable()
    .optional()
    .describe('ISO 3166-1 alpha-2, read from `country` (a code or an English name); null when it cannot be read'),
});
export type Address = z.infer<typeof Address>;

export const WorkLocation = z.strictObject({
  id: z.string().nullable(),
  name: z.string(),
  arrangement: z.enum(['office', 'remote', 'hybrid', 'unknown']),
  address: Address.nullable(),
  timeZone: z.string().nullable().describe('IANA time zone of the site, e.g. `Europe/London`'),
  arrangementSource: SourceValue.nullable()
    .optional()
    .describe('The provider value `arrangement` was derived from; null when nothing says office or remote'),
});
export type WorkLocation = z.infer<typeof WorkLocation>;

export const PhoneNumber = z.strictObject({
  kind: z.enum(['work', 'mobile', 'home', 'other']),
  number: z.string(),
  field: z.string(),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;
