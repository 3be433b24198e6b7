import type { TimeOffRequest } from '@hrkit/core';
import { storedForm } from './apply-record.js';
import { sha256, stableStringify } from './fingerprint.js';
import type { StoredRecord } from './store.js';

/**
 * What the engine does with a feed record that says `cancelled` (docs/sync.md › Time off: a feed can be less precise
 * than the request's own read — HiBob's says `Canceled` for a declined request too):
 * - `stands`: the store already holds it as cancelled; the feed's record is applied as it is;
 * - `confirm`: read the request (`timeOff.request`) and apply what the read says;
 * - `declined-unchanged`: the store holds it as declined and the feed's record is the stored one in every field but
 *   the status, which the feed cannot express. Reading it again would only repeat the stored record — provided
 *   nothing happened to the request since the store last saw it, which the caller establishes from the feed itself
 *   (`recentlyChanged`) before taking the stored record instead of a read.
 */
export type FeedCancellation =
  | { kind: 'stands' }
  | { kind: 'confirm' }
  | { kind: 'declined-unchanged'; record: TimeOffRequest };

export function feedCancellation(record: TimeOffRequest, stored: StoredRecord | null): FeedCancellation {
  if (!stored || stored.deleted) return { kind: 'confirm' };
  const storedStatus = (stored.data as TimeOffRequest).status;
  if (storedStatus.value === 'cancelled') return { kind: 'stands' };
  if (storedStatus.value !== 'declined') return { kind: 'confirm' };
  // A record with unreadable values is stored merged with the stored one (`storedForm`): not compared here.
  if ((record.dataIssues?.length ?? 0) > 0) return { kind: 'confirm' };
  // The record a confirmation read would give if nothing changed: the feed's, with the stored (read) status,
  // fingerprinted exactly as `applyRecord` does, so that equal means applying it writes nothing.
  const asStored: TimeOffRequest = { ...record, status: storedStatus };
  const print = sha256(stableStringify(storedForm('time_off_request', asStored, null)));
  return print === stored.fingerprint ? { kind: 'declined-unchanged', record: asStored } : { kind: 'confirm' };
}
