import { ProviderError } from '../errors/errors.js';

/**
 * One page of an endpoint paged by count (offset or page number). Give what the provider says: `total` (items),
 * `totalPages` or `hasMore`; with none of them, a page shorter than the limit is the last.
 */
export interface CountedPage<T> {
  items: readonly T[];
  total?: number | null;
  totalPages?: number | null;
  hasMore?: boolean | null;
}

export interface CountedPagingOptions<T> {
  /** Items asked for per page. */
  limit: number;
  maxPages?: number;
  provider?: string;
  request?: string;
  /**
   * Identity of an item. When given, a page whose first item is the previous page's first item is refused: the
   * provider ignored the offset and would otherwise hand the first page forever (a documented quirk of some APIs).
   */
  idOf?: (item: T) => string;
}

/** Walk an offset-paged endpoint (`offset=0,limit`, `offset=limit,limit`…), page by page, bounded memory. */
export function paginateOffset<T>(
  fetchPage: (offset: number, limit: number) => Promise<CountedPage<T>>,
  options: CountedPagingOptions<T>,
): AsyncGenerator<T> {
  return paginateCounted((index) => fetchPage(index * options.limit, options.limit), options);
}

/** Walk a page-number endpoint (`page=firstPage`, `firstPage + 1`…). `firstPage` defaults to 1. */
export function paginatePages<T>(
  fetchPage: (page: number, limit: number) => Promise<CountedPage<T>>,
  options: CountedPagingOptions<T> & { firstPage?: number },
): AsyncGenerator<T> {
  const first = options.firstPage ?? 1;
  return paginateCounted((index) => fetchPage(first + index, options.limit), options);
}

async function* paginateCounted<T>(
  fetchIndex: (index: number) => Promise<CountedPage<T>>,
  options: CountedPagingOptions<T>,
): AsyncGenerator<T> {
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new RangeError(`page limit must be a positive integer (got ${options.limit})`);
  let seen = 0;
  let previousFirst: string | undefined;
  for (let index = 0; index < (options.maxPages ?? 1_000_000); index++) {
    const page = await fetchIndex(index);
    const first = page.items[0];
    if (options.idOf && first !== undefined) {
      const id = options.idOf(first);
      if (id === previousFirst)
        throw new ProviderError(
          `${options.provider ?? 'the provider'} answered page ${index + 1}${
            options.request ? ` of ${options.request}` : ''
          } with the previous page again; stopping instead of reading duplicates`,
          { provider: options.provider ?? null, request: options.request ?? null, providerCode: 'REPEATED_PAGE' },
        );
      previousFirst = id;
    }
    yield* page.items;
    seen += page.items.length;
    if (page.items.length === 0 || page.hasMore === false) return;
    if (typeof page.totalPages === 'number' && index + 1 >= page.totalPages) return;
    if (typeof page.total === 'number' && seen >= page.total) return;
    const told = page.hasMore === true || typeof page.total === 'number' || typeof page.totalPages === 'number';
    if (!told && page.items.length < options.limit) return;
  }
}
