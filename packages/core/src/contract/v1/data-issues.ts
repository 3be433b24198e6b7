import { InvalidProviderDataError } from '../../errors/errors.js';

/**
 * A provider record an adapter could not read (docs/architecture.md, "Unreadable records"). Adapters never drop
 * such a record silently: they hand it to the read's `onDataIssue` and go on with the rest, or — when nobody
 * listens — fail the read with an `InvalidProviderDataError` naming it. A listing that reported issues is
 * incomplete: a consumer must not infer deletions from what it lacks.
 */
export interface DataIssue {
  /** Position of the record in the provider's answer (0-based), when the answer is a list. */
  recordIndex?: number;
  /** The record's id, when it could be read (a string, never through a JS number). */
  recordId?: string;
  /** Field path inside the provider's record, e.g. `id`, `root.id`, `requestId`. */
  field: string;
  /** The offending value, only when it is a plain scalar (a JSON-safe string, number, boolean or null). */
  value?: string | number | boolean | null;
  /** Why the record could not be read, e.g. "missing id", "id is not a string or an integer". */
  reason: string;
}

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

/** A scalar worth quoting in an issue; objects and arrays are described, never copied. */
export function issueValue(value: unknown): DataIssue['value'] {
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
