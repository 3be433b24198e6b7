import { z } from 'zod';

// #region raw-page
/** Every Acme list endpoint pages the same way: `data` plus an opaque `next_cursor` (null on the last page). */
export function rawPage<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), next_cursor: z.string().nullish() });
}
// #endregion raw-page
