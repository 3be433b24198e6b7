/**
 * Batches of at most `size` from `source`, read ahead: while the caller works on one batch (maps, stores), records
 * keep being pulled from the source in the background — for an adapter, its next request is already in flight — up
 * to `ahead` records held, so memory stays bounded whatever the company size (docs/performance.md, "Sync (issue 17)").
 *
 * What the caller sees is what plain batching gives: the same batches in the same order; when the source fails, the
 * batches completed before the failure, then the error (a partial batch is never handed out). When the caller stops
 * early (it threw, or broke out of the loop), the source is closed once its pending read settles.
 */
export async function* readAheadBatches<T>(
  source: AsyncIterable<T>,
  size: number,
  ahead: number,
  /** Counts the records pulled so far (the caller orders what the source reports on the side by it). */
  progress: { pulled: number } = { pulled: 0 },
): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  const limit = Math.max(ahead, size);
  let buffer: T[] = [];
  let finished = false;
  let failed = false;
  let failure: unknown;
  let stopped = false;
  /** Resolves the consumer's wait for a full batch or the end. */
  let wakeConsumer: (() => void) | null = null;
  /** Resolves the pump's wait for room in the buffer. */
  let wakePump: (() => void) | null = null;
  const notifyConsumer = () => {
    const wake = wakeConsumer;
    wakeConsumer = null;
    wake?.();
  };

  const pump = (async () => {
    try {
      while (!stopped) {
        if (buffer.length >= limit) {
          await new Promise<void>((resolve) => {
            wakePump = resolve;
          });
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        progress.pulled += 1;
        buffer.push(next.value);
        if (buffer.length >= size) notifyConsumer();
      }
    } catch (error) {
      failed = true;
      failure = error;
    } finally {
      finished = true;
      notifyConsumer();
    }
  })();

  try {
    while (true) {
      if (buffer.length < size && !finished) {
        await new Promise<void>((resolve) => {
          wakeConsumer = resolve;
        });
        continue;
      }
      if (buffer.length >= size || (!failed && buffer.length > 0)) {
        const batch = buffer.length === size ? buffer : buffer.slice(0, size);
        buffer = buffer.length === size ? [] : buffer.slice(size);
        const wake = wakePump as (() => void) | null;
        wakePump = null;
        wake?.();
        yield batch;
        continue;
      }
      if (failed) throw failure;
      return;
    }
  } finally {
    stopped = true;
    const wake = wakePump as (() => void) | null;
    wakePump = null;
    wake?.();
    if (!finished) {
      // The pump is waiting on the source: close the source once that read settles (an async generator runs one
      // step at a time), and let the pump end quietly.
      await pump;
      await iterator.return?.();
    }
  }
}
