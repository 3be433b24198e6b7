import { InvalidProviderDataError } from '../../errors/errors.js';
import type { DataIssue } from '../../model/data-issue.js';

/**
 * Helpers for the `DataIssue` contract (`model/data-issue.ts`, docs/architecture.md "Unreadable records"): an
 * adapter never drops a record it cannot read in silence; it hands it to the read's `onDataIssue` and goes on, or,
 * when nobody listens, fails the read with an `InvalidProviderDataError` naming it.
 */
export type DataIssueHandler = (issue: DataIssue) => void;

/** Passes the issue to the read's handler, or throws `InvalidProviderDataError` when the read has none. */
export function reportDataIssue(
  issue: DataIssue,
  handler: DataIssueHandler | undefined,
  context: { provider: string; what: string },
): void {
  if (handler) {
    handler(issue);
    return;
  }
  const where = [
    issue.recordIndex !== undefined ? `record ${issue.recordIndex}` : null,
    issue.recordId !== undefined ? `id ${issue.recordId}` : null,
  ].filter(Boolean);
  throw new InvalidProviderDataError(
    `${context.provider} returned an unreadable ${context.what}${where.length ? ` (${where.join(', ')})` : ''}: ${issue.field}: ${issue.reason}`,
    { provider: context.provider, recordId: issue.recordId ?? null, path: issue.field },
  );
}

/** A scalar worth quoting in an issue; objects and arrays are left out, never copied. */
export function issueValue(value: unknown): string | number | boolean | null | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return undefined;
}

/**
 * A record id as the providers send it: a non-empty string, or an integer that a JS number holds exactly. Anything
 * else — missing, empty, a fraction, an integer beyond 2^53 that arrived as a number (already rounded), an object —
 * is not an id. Lossless parsing (core's HTTP toolkit) turns long integer literals into strings before this runs.
 */
export function readRecordId(value: unknown): { id: string } | { reason: string } {
  if (typeof value === 'string') return value.trim() === '' ? { reason: 'empty id' } : { id: value };
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { id: String(value) };
    return { reason: Number.isInteger(value) ? 'id lost precision as a number' : 'id is not an integer' };
  }
  if (value === undefined || value === null) return { reason: 'missing id' };
  return { reason: `id is a${Array.isArray(value) ? 'n array' : ` ${typeof value}`}, not a string or an integer` };
}
