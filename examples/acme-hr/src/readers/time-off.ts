import { paginateCursor, type TimeOffRangeOptions, type TimeOffRequest } from '@hrkit/core';
import type { AcmeClient } from '../client.js';
import { toTimeOffRequest } from '../mapping/time-off-request.js';

// #region read-time-off
/** Leave overlapping [from, to], every page of it. */
export async function* listTimeOffRequests(
  client: AcmeClient,
  options: TimeOffRangeOptions,
): AsyncIterable<TimeOffRequest> {
  const pages = paginateCursor(async (cursor) => {
    const page = await client.leavePage({ from: options.from, to: options.to }, cursor, options.signal);
    return { items: page.data, nextCursor: page.next_cursor };
  });
  for await (const raw of pages) {
    // Acme has no server-side state filter: pending requests are dropped here unless asked for.
    if (raw.state === 'PENDING' && !options.includePending) continue;
    yield toTimeOffRequest(raw, options);
  }
}
// #endregion read-time-off
