import { z } from 'zod';
import { SourceValue } from './common.js';

export const CustomFieldType = z.enum(['text', 'number', 'date', 'boolean', 'list', 'multi_list', 'currency', 'other']);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/**
 * A customer-defined field, keyed in `Employee.customFields` by the provider's field id — or by the consumer's own
 * key when the consumer mapped the field (`customFields: { key: 'Field name or id' }` on connect), in which case
 * `type` and `source` say how the value was typed and where it came from.
 */
export const CustomFieldValue = z.strictObject({
  name: z.string().describe('The field name as the customer sees it'),
  category: z.string().nullable().describe('The group/category the provider files it under'),
  value: z.unknown().describe('The value as stored (e.g. a list item id)'),
  label: z.string().nullable().describe('The displayed value, when the stored one is an id'),
  type: CustomFieldType.optional().describe(
    'How `value` is typed (mapped fields): a date is `YYYY-MM-DD`, a number a number',
  ),
  source: SourceValue.optional().describe('The provider field and value as given (mapped fields)'),
});
export type CustomFieldValue = z.infer<typeof CustomFieldValue>;
