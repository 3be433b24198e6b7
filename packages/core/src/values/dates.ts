const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** `YYYY-MM-DD` when `value` is exactly a real calendar date (2024-02-30 is not), else null. */
export function readDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Read digit by digit: every record has several dates, and a regex match plus a Date per call was a tenth of a
  // BambooHR mapping (docs/performance.md › Mapping and listing). core's values test holds the former regex reader
  // and checks this one against it.
  const text = value.length === 10 ? value : value.trim();
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  // Date.UTC reads years 0-99 as 1900-1999, so the reference never accepted them either.
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? text : null;
}

/** The number written by `length` ASCII digits from `start`, or -1 when one of them is not a digit. */
function digits(text: string, start: number, length: number): number {
  let result = 0;
  for (let index = start; index < start + length; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    result = result * 10 + code;
  }
  return result;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
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
