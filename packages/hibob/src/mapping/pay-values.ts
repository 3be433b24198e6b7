import { type DataIssue, InvalidProviderDataError } from '@hrkit/core';
import { HIBOB } from '../config.js';
import { asIsoDate, asText } from './normalize.js';

/** Where an unreadable value of a pay record goes: the read's `onDataIssue` (docs/sync.md, "data issues"). */
export type ReportIssue = ((issue: DataIssue) => void) | undefined;

/**
 * A pay record's date on the adapter's one date policy (mapping/normalize.ts's `asIsoDate`, as for employees):
 * absent → null; sent but not a date → null and a DataIssue naming the record and the field, never a silent null.
 * Without an `onDataIssue` the issue fails the mapping with InvalidProviderDataError, as core's Connection does
 * for a read without one.
 */
export function readPayDate(
  value: string | null | undefined,
  what: { recordId: string; path: string; field: string },
  report: ReportIssue,
): string | null {
  const date = asIsoDate(value);
  if (date !== null || value === null || value === undefined || value === '') return date;
  const issue: DataIssue = { recordId: what.recordId, field: what.field, value, reason: 'not a date (YYYY-MM-DD)' };
  if (!report)
    throw new InvalidProviderDataError(
      `${HIBOB} returned an unreadable date at ${what.path} (record ${what.recordId}): ${JSON.stringify(value)}`,
      { provider: HIBOB, recordId: what.recordId, path: what.path },
    );
  report(issue);
  return null;
}

/**
 * An amount as given (number or numeric string, `"85,000.50"` tolerated). The error never quotes the value: pay
 * amounts must not reach error messages or logs.
 */
export function readAmount(value: string | number | null | undefined, what: { recordId: string; path: string }) {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value.replace(/[,\s]/g, ''));
  if (Number.isFinite(number)) return number;
  throw new InvalidProviderDataError(
    `${HIBOB} returned a non-numeric amount at ${what.path} (record ${what.recordId}); the value is withheld because pay amounts are never printed`,
    { provider: HIBOB, recordId: what.recordId, path: what.path },
  );
}

/** An id as text (HiBob sends ids as strings or numbers), trimmed; null when blank. */
export function readId(value: string | number | null | undefined): string | null {
  return asText(typeof value === 'string' ? value.trim() : value);
}
