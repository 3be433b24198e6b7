import { readDate, readInstant, readNumber, readText } from '@hrkit/core';
import type { Cell } from '../raw/values.js';

/**
 * BambooHR's cell readers on core's value readers (core `values/`): what is BambooHR's own is only the forms it
 * sends (docs/providers/bamboohr.md, section 5).
 */

/** A report cell as trimmed text; empty strings and null become null. */
export function text(value: Cell | unknown): string | null {
  if (typeof value === 'boolean') return String(value);
  return readText(typeof value === 'string' ? value.trim() : value);
}

/**
 * A BambooHR date. Empty dates arrive as `"0000-00-00"` (and as `""` in one recording); both mean "no date".
 * Anything that is not a real calendar date is also null rather than a guess.
 */
export function date(value: Cell | unknown): string | null {
  return readDate(text(value)?.slice(0, 10));
}

/** A number BambooHR stringified (`"40"`, `"-26.36"`, `"65,000.00"`); null when empty or not a number. */
export function number(value: Cell | unknown): number | null {
  return readNumber(typeof value === 'string' ? value.trim().replace(/,/g, '') : value);
}

/**
 * An instant in any of the forms BambooHR uses: ISO with `Z`, `+00:00` or `+0000`, `YYYY-MM-DD HH:MM:SS` (UTC,
 * webhook admin and time-off create responses) or epoch seconds. Returns ISO 8601 in UTC, or null. A plain date
 * is not an instant and yields null: inventing midnight would claim a precision the provider never gave.
 */
export function instant(value: Cell | unknown): string | null {
  if (typeof value === 'number') return fromEpoch(value);
  const raw = text(value);
  if (!raw) return null;
  const utc = utcSeconds(raw);
  if (utc !== null) return utc;
  if (/^\d{9,13}$/.test(raw)) return fromEpoch(Number(raw));
  if (readDate(raw)) return null;
  return readInstant(raw, { assumeZone: 'UTC' });
}

const UTC_SECONDS = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:Z|\+00:00)$/;

/**
 * The form BambooHR sends on every report row (`lastChanged`: `2024-03-12T17:25:52+00:00`), read without a Date round
 * trip: the same ISO text `readInstant` gives for it, or null when the text is not exactly that form (then the general
 * reader decides). The mapping equivalence test compares both readers (docs/performance.md › Mapping and listing).
 */
export function utcSeconds(raw: string): string | null {
  const match = UTC_SECONDS.exec(raw);
  if (!match || readDate(match[1]) === null) return null;
  return `${match[1]}T${match[2]}:${match[3]}:${match[4]}.000Z`;
}

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const ms = value > 1e12 ? value : value * 1000;
  // Beyond ±8.64e15 ms a Date is invalid and toISOString throws RangeError: such a value is unreadable, not a crash.
  if (Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString();
}

/** Today's date (UTC) on the given clock. */
export function todayOf(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/** The day before an ISO date. */
export function dayBefore(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}
