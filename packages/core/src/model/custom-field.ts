import { z } from 'zod';

/** A customer-defined field, keyed in `Employee.customFields` by the provider's field id. */
export const CustomFieldValue = z.strictObject({
  name: z.string().describe('The field name as the customer sees it'),
  category: z.string().nullable().describe('The group/category the provider files it under'),
  value: z.unknown().describe('The value as stored (e.g. a list item id)'),
  label: z.string().nullable().describe('The displayed value, when the stored one is an id'),
});
export type CustomFieldValue = z.infer<typeof CustomFieldValue>;
