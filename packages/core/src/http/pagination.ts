import { ProviderError } from '../errors/errors.js';

/** One page of a cursor-paginated endpoint. */
export interface CursorPage<T> {
  items: readonly T[];
  nextCursor: string | null | undefined;
}

/**
 * Walk a cursor-paginated endpoint, yielding items page by page (bounded memory). Stops on a null cursor, and
 * refuses a cursor it has already seen, so a provider bug cannot loop forever.
 */
export async function* paginateCursor<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  options: { maxPages?: number; provider?: string; request?: string } = {},
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 1_000_000); page++) {
    const result = await fetchPage(cursor);
    yield* result.items;
    if (!result.nextCursor) return;
    if (seen.has(result.nextCursor))
      throw new ProviderError(
        `${options.provider ?? 'the provider'} returned the pagination cursor "${result.nextCursor}" twice${
          options.request ? ` on ${options.request}` : ''
        }; stopping instead of looping forever`,
        { provider: options.provider ?? null, request: options.request ?? null, providerCode: 'REPEATED_CURSOR' },
      );
    seen.add(result.nextCursor);
    cursor = result.nextCursor;
  }
}

/** Split a list into chunks of at most `size` (e.g. HiBob's 200 employee ids per bulk call). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/**
 * Append every item of `items` to `target`. `target.push(...items)` passes each item as an argument and
 * overflows the call stack past ~100k items (a 100k-person company's time-off feed); this never does.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
