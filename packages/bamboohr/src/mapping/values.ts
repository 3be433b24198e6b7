import type { Cell } from '../raw/values.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A report cell as trimmed text; empty strings and null become null. */
export function text(value: Cell | unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * A BambooHR date. Empty dates arrive as `"0000-00-00"` (and as `""` in one recording); both mean "no date".
 * Anything that is not a real calendar date is also null rather than a guess.
 */
export function date(value: Cell | unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const candidate = raw.slice(0, 10);
  const match = DATE.exec(candidate);
  if (!match || match[1] === '0000' || match[2] === '00' || match[3] === '00') return null;
  const parsed = new Date(`${candidate}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== candidate ? null : candidate;
}

/** A number BambooHR stringified (`"40"`, `"-26.36"`, `"65000.00"`); null when empty or not a number. */
export function number(value: Cell | unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const raw = text(value);
  if (raw === null) return null;
  const parsed = Number(raw.replace(/,/g, ''));
  return Number.isFinite(parsed) ? parsed : null;
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
  if (/^\d{9,13}$/.test(raw)) return fromEpoch(Number(raw));
  if (DATE.test(raw)) return null;
  let candidate = raw.replace(' ', 'T');
  candidate = candidate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(candidate)) candidate = `${candidate}Z`;
  const parsed = Date.parse(candidate);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
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
