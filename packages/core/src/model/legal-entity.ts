import { z } from 'zod';
import { SourceValue } from './common.js';

/**
 * The legal entity (company) that employs the person: HiBob's entity on the work table, BambooHR's division when
 * the customer uses divisions as companies. The payer of record for a payment or EOR product.
 */
export const LegalEntity = z.strictObject({
  id: z.string().nullable().describe("The provider's id of the entity, e.g. a list item id; null when it has none"),
  name: z.string(),
  source: SourceValue.nullable().describe('The field the entity was read from'),
});
export type LegalEntity = z.infer<typeof LegalEntity>;
