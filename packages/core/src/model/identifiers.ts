import { z } from 'zod';
import { classified, IsoDate } from './common.js';
import { CountryCode } from './country.js';

export const IdentifierType = z.enum(['national_id', 'tax_id', 'social_security', 'passport', 'other']);
export type IdentifierType = z.infer<typeof IdentifierType>;

/**
 * A national or tax identifier (SSN, national id, tax number, passport). Same rules as bank accounts: read only with
 * `includeSensitive` and `includeFinancial`, `value` masked unless `unmask` names `identifiers.value`.
 */
export const NationalIdentifier = z.strictObject({
  type: classified(IdentifierType),
  country: CountryCode.nullable().describe('The issuing country, when the provider says or the field implies it'),
  value: z.string(),
  masked: z.boolean(),
  expiresOn: IsoDate.nullable(),
  category: z.string().describe("The provider category it was read from, e.g. HiBob's `identification`"),
});
export type NationalIdentifier = z.infer<typeof NationalIdentifier>;
