import { z } from 'zod';

/**
 * Something in a provider payload hrkit could not read. Lenient in, strict out: an unreadable value is never guessed
 * or silently nulled; it is reported here, on the record that carries it (`dataIssues`) or, when a whole record could
 * not be read (no usable id, duplicate id), through the read's `onDataIssue` callback. See docs/sync.md.
 */
export const DataIssue = z.strictObject({
  recordIndex: z.number().int().nonnegative().optional().describe('Position of the record in the listing, from 0'),
  recordId: z.string().optional().describe('Remote id of the record, when it has a readable one'),
  field: z.string().describe('Model path (`hireDate`, `amount`) or provider field (`id`) that could not be read'),
  value: z.unknown().optional().describe('The value as the provider sent it (never a secret or pay data)'),
  reason: z.string().describe('Why it could not be read, e.g. `not a date`, `duplicate id`'),
});
export type DataIssue = z.infer<typeof DataIssue>;
