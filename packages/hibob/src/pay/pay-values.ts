import { InvalidProviderDataError } from '@hrkit/core';
import { PAY_PROVIDER } from './provider.js';

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/**
 * `YYYY-MM-DD` from a HiBob date (some tables send `2024-01-01T00:00:00`). Absent → null; present but unreadable →
 * InvalidProviderDataError naming the record and the field (never a silent null).
 */
export function readDate(value: string | null | undefined, what: { recordId: string; path: string }): string | null {
  if (value === null || value === undefined || value === '') return null;
  const match = ISO_DATE.exec(value);
  if (match?.[1] && !Number.isNaN(Date.parse(match[1]))) return match[1];
  throw new InvalidProviderDataError(
    `${PAY_PROVIDER} returned an unreadable date at ${what.path} (record ${what.recordId}): ${JSON.stringify(value)}`,
    { provider: PAY_PROVIDER, recordId: what.recordId, path: what.path },
  );
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
    `${PAY_PROVIDER} returned a non-numeric amount at ${what.path} (record ${what.recordId}); the value is withheld because pay amounts are never printed`,
    { provider: PAY_PROVIDER, recordId: what.recordId, path: what.path },
  );
}

export function readId(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}
