const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** `YYYY-MM-DD` when `value` is exactly a real calendar date (2024-02-30 is not), else null. */
export function readDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? (match[0] as string)
    : null;
}

/**
 * The calendar day a date or date-time names, as written. `2024-03-01T00:00:00+01:00` is 1 March — converting it
 * to UTC first would make it 29 February, which is how hire dates drift by a day. Null when not a date.
 */
export function readDateOfDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const plain = readDate(trimmed);
  if (plain) return plain;
  const match = DATE_TIME.exec(trimmed);
  return match ? readDate(match[1]) : null;
}

/**
 * An instant as ISO-8601 UTC (`…Z`). A value with an offset is exact; a value without one is read in
 * `assumeZone` (`UTC`, `+02:00`, or an IANA name like `Europe/Berlin`) — without an assumed zone it is null,
 * because guessing the zone of a time is guessing the time. A bare date is midnight in that zone.
 */
export function readInstant(value: unknown, options: { assumeZone?: string } = {}): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const date = readDate(trimmed);
  const match = date ? null : DATE_TIME.exec(trimmed);
  if (!date && !match) return null;
  if (match && !readDate(match[1])) return null;
  const day = date ?? (match?.[1] as string);
  const time = match?.[2] ?? '00:00';
  const zone = match?.[3];
  if (zone) return isoOrNull(Date.parse(`${day}T${time}${normalizeOffset(zone)}`));
  if (!options.assumeZone) return null;
  const offset = offsetOf(options.assumeZone, Date.parse(`${day}T${time}Z`));
  if (offset === null) return null;
  return isoOrNull(Date.parse(`${day}T${time}Z`) - offset);
}

function normalizeOffset(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  const [, sign, hours, minutes = '00'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) ?? [];
  return `${sign}${hours}:${minutes}`;
}

/** Offset of `zone` from UTC in ms at about `utcGuess` (the wall time read as if UTC). */
function offsetOf(zone: string, utcGuess: number): number | null {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
  try {
    const first = offsetAtInstant(zone, utcGuess);
    // Second pass: the offset at the real instant (differs only around a daylight-saving switch).
    return first === null ? null : (offsetAtInstant(zone, utcGuess - first) ?? first);
  } catch {
    return null; // not a zone Intl knows
  }
}

function offsetAtInstant(zone: string, instant: number): number | null {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Number.isFinite(wall) ? wall - instant : null;
}

function isoOrNull(time: number): string | null {
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
