import { z } from 'zod';

/**
 * BambooHR's legacy JSON endpoints stringify ids and numbers (`"id":"78"`, `"amount":"40"`) while newer ones
 * (meta/users, meta/lists, whos_out) send real numbers. Everything the adapter reads accepts both.
 */
export const StringOrNumber = z.union([z.string(), z.number()]);

/** A value that may be absent, null, a string or a number: every report cell. */
export const Cell = z.union([z.string(), z.number(), z.boolean()]).nullish();
export type Cell = z.infer<typeof Cell>;

/** An id as BambooHR sends it, always handed on as a string. */
export const RawId = StringOrNumber.transform((value) => String(value));
