import { z } from 'zod';

/**
 * The v1 envelope: `{ success, metadata: { total_elements, current_page, total_pages }, data }`. Metadata is missing
 * on old or unpaged answers, and numbers sometimes arrive as strings, so all of it is optional and coerced.
 */
export function rawPage<T extends z.ZodType>(item: T) {
  const count = z.coerce.number().nullish().catch(null);
  return z.looseObject({
    data: z.array(item),
    metadata: z.looseObject({ total_elements: count, total_pages: count }).nullish(),
  });
}

/** A single record: `{ success, data }`. */
export function rawOne<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: item });
}
