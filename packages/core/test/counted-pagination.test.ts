import { describe, expect, it } from 'vitest';
import { type CountedPage, paginateOffset, paginatePages, ProviderError } from '../src/index.js';

const items = Array.from({ length: 7 }, (_, index) => `item-${index}`);
const drain = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe('offset pagination', () => {
  it('walks offsets until a short page', async () => {
    const asked: number[] = [];
    const read = await drain(
      paginateOffset(
        async (offset, limit) => {
          asked.push(offset);
          return { items: items.slice(offset, offset + limit) };
        },
        { limit: 3 },
      ),
    );
    expect(read).toEqual(items);
    expect(asked).toEqual([0, 3, 6]);
  });

  it('with a total, stops exactly at it (no extra empty request when the last page is full)', async () => {
    const asked: number[] = [];
    const six = items.slice(0, 6);
    const read = await drain(
      paginateOffset(
        async (offset, limit) => {
          asked.push(offset);
          return { items: six.slice(offset, offset + limit), total: six.length };
        },
        { limit: 3 },
      ),
    );
    expect(read).toEqual(six);
    expect(asked).toEqual([0, 3]);
  });

  it('refuses a provider that ignores the offset and repeats the first page (idOf)', async () => {
    const stuck = paginateOffset(async () => ({ items: items.slice(0, 3), total: 7 }), {
      limit: 3,
      idOf: (item: string) => item,
      provider: 'acme',
      request: 'GET /leave',
    });
    await expect(drain(stuck)).rejects.toThrow(ProviderError);
  });
});

describe('page-number pagination', () => {
  it('counts pages from firstPage and honours totalPages and hasMore', async () => {
    const pages: number[] = [];
    const fetch = async (page: number, limit: number): Promise<CountedPage<string>> => {
      pages.push(page);
      const start = page * limit;
      return { items: items.slice(start, start + limit), totalPages: Math.ceil(items.length / limit) };
    };
    expect(await drain(paginatePages(fetch, { limit: 2, firstPage: 0 }))).toEqual(items);
    expect(pages).toEqual([0, 1, 2, 3]);

    const byFlag = paginatePages(
      async (page, limit) => ({
        items: items.slice((page - 1) * limit, page * limit),
        hasMore: page * limit < items.length,
      }),
      { limit: 7 },
    );
    expect(await drain(byFlag)).toEqual(items);
  });

  it('a full page without hasMore/total asks for the next one (an empty page ends it)', async () => {
    const pages: number[] = [];
    const read = await drain(
      paginatePages(
        async (page, limit) => {
          pages.push(page);
          return { items: items.slice(0, 6).slice((page - 1) * limit, page * limit) };
        },
        { limit: 3 },
      ),
    );
    expect(read).toHaveLength(6);
    expect(pages).toEqual([1, 2, 3]);
  });
});
