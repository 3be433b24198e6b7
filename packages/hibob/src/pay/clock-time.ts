import type { ClockTime } from '@hrkit/core';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A HiBob clock timestamp as the model's ClockTime. Bob records attendance in the employee's local time: the wall
 * time is kept exactly as written. When the timestamp carries an offset, the instant is known too; the zone is the
 * entry's own zone field when it has one, else the offset itself. Without an offset there is no instant (we do not
 * guess the zone).
 */
export function readClockTime(value: string | null | undefined, entryZone: string | null): ClockTime | null {
  if (!value) return null;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return null;
  const [, date, hours, minutes, seconds, fraction, offset] = match;
  const local = `${date}T${hours}:${minutes}:${seconds ?? '00'}${fraction ?? ''}`;
  if (!offset) return { local, timeZone: entryZone, instant: null };
  const normalizedOffset = offset.toUpperCase() === 'Z' ? '+00:00' : normalizeOffset(offset);
  return { local, timeZone: entryZone ?? normalizedOffset, instant: `${local}${normalizedOffset}` };
}

function normalizeOffset(offset: string): string {
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** Minutes between two clock times of one entry: by instants when both are known, else by wall time. */
export function minutesBetween(start: ClockTime | null, end: ClockTime | null): number | null {
  if (!start || !end) return null;
  const from = Date.parse(start.instant ?? `${start.local}Z`);
  const to = Date.parse(end.instant ?? `${end.local}Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return Math.round((to - from) / 60_000);
}
