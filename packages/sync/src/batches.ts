/** Group a stream into arrays of at most `size`, keeping memory bounded for very large listings. */
export async function* batches<T>(source: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function* arrayBatches<T>(items: readonly T[], size: number): Iterable<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * `fn` over `items` with at most `limit` calls in flight, one promise per item (in input order), so a caller can use
 * the first results while later calls still run. `stop()` starts no further call. Every promise is marked handled:
 * a caller that gives up early (it threw) leaves no unhandled rejection behind; one it awaits still rejects.
 */
export function startWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): { results: Promise<R>[]; stop: () => void } {
  const settle: { resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  const results = items.map(
    () =>
      new Promise<R>((resolve, reject) => {
        settle.push({ resolve, reject });
      }),
  );
  for (const result of results) result.catch(() => {});
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const index = next++;
      const { resolve, reject } = settle[index] as (typeof settle)[number];
      try {
        resolve(await fn(items[index] as T));
      } catch (error) {
        reject(error);
      }
    }
  };
  for (let started = 0; started < Math.min(limit, items.length); started++) void worker();
  return {
    results,
    stop: () => {
      stopped = true;
    },
  };
}
