import { describe, expect, it } from 'vitest';
import { appendAll, type CursorPage, chunk, paginateCursor, ProviderError } from '../src/index.js';

function pages(script: Record<string, CursorPage<number>>) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined) => {
    asked.push(cursor);
    const page = script[cursor ?? 'start'];
    if (!page) throw new Error(`unexpected cursor ${cursor}`);
    return page;
  };
  return { asked, fetchPage };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('paginateCursor', () => {
  it('walks pages in order and stops on a null cursor', async () => {
    const { asked, fetchPage } = pages({
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [4], nextCursor: null },
    });
    expect(await collect(paginateCursor(fetchPage))).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('refuses a repeated cursor with a typed ProviderError instead of looping', async () => {
    const { asked, fetchPage } = pages({
      start: { items: [1], nextCursor: 'b' },
      b: { items: [2], nextCursor: 'c' },
      c: { items: [3], nextCursor: 'b' },
    });
    const seen: number[] = [];
    let failure: unknown;
    try {
      for await (const item of paginateCursor(fetchPage, { provider: 'hibob', request: 'POST /people/search' }))
        seen.push(item);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).provider).toBe('hibob');
    expect((failure as ProviderError).providerCode).toBe('REPEATED_CURSOR');
    expect((failure as ProviderError).message).toContain('"b" twice on POST /people/search');
    expect(seen).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });
});

describe('chunk', () => {
  it('splits into chunks of at most the size, keeping order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 200)).toEqual([]);
  });
});

describe('appendAll', () => {
  it('appends half a million items where push(...items) overflows the stack', () => {
    const items = Array.from({ length: 500_000 }, (_, index) => index);
    expect(() => [0].push(...items)).toThrow(RangeError);
    const target = appendAll([-1], items);
    expect(target).toHaveLength(500_001);
    expect(target[0]).toBe(-1);
    expect(target.at(-1)).toBe(499_999);
  });
});
