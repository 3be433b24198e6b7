const DAY_MS = 86_400_000;

// Date strings repeat a lot (100k people share ~25k distinct days): cache both directions so the
// generator and the feeds do map lookups instead of Date parsing.
const dayToDate = new Map<number, string>();
const dateToDay = new Map<string, number>();

/** HiBob's `time` format: microseconds, no zone (`2024-10-03T09:29:00.831502`). */
export function bobTimestamp(epochMs: number): string {
  const ms = Math.floor(epochMs);
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  // The sandbox only knows milliseconds; the last three digits are derived so they look like real microseconds.
  const micros = (ms * 7) % 1000;
  return `${dateFromDay(day)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}${pad(micros, 3)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function dateOf(epochMs: number): string {
  return dateFromDay(Math.floor(epochMs / DAY_MS));
}

export function dayNumber(date: string): number {
  let day = dateToDay.get(date);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (dateToDay.size < 200_000) dateToDay.set(date, day);
  }
  return day;
}

export function dateFromDay(day: number): string {
  let date = dayToDate.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayToDate.size < 200_000) dayToDate.set(day, date);
  }
  return date;
}

export function addDays(date: string, days: number): string {
  return dateFromDay(dayNumber(date) + days);
}

export function isWeekend(date: string): boolean {
  // 1970-01-01 (day 0) was a Thursday.
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** Calendar months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** A uniformly random `YYYY-MM-DD` between two dates (inclusive), without Date parsing. */
export function pickDate(random: { int(min: number, max: number): number }, from: string, to: string): string {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return dateFromDay(random.int(Math.min(a, b), Math.max(a, b)));
}
