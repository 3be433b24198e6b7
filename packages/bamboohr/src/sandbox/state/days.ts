import type { SeededGenerator } from '@hrkit/sandbox-kit';

const DAY_MS = 86_400_000;
const isoByDay = new Map<number, string>();
const dayByIso = new Map<string, number>();

/**
 * Cached day arithmetic. Generating 100,000 employees touches a few thousand distinct dates millions of times;
 * formatting each through Date.toISOString dominated the generator's profile.
 */
export function isoOfDay(day: number): string {
  let iso = isoByDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoByDay.set(day, iso);
  }
  return iso;
}

export function dayOfIso(iso: string): number {
  let day = dayByIso.get(iso);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    dayByIso.set(iso, day);
  }
  return day;
}

export function plusDays(iso: string, days: number): string {
  return isoOfDay(dayOfIso(iso) + days);
}

/** A date uniformly between two dates, inclusive. */
export function randomDate(random: SeededGenerator, from: string, to: string): string {
  const a = dayOfIso(from);
  const b = dayOfIso(to);
  return isoOfDay(random.int(Math.min(a, b), Math.max(a, b)));
}

export function isWeekend(iso: string): boolean {
  // 1970-01-01 was a Thursday: day 0 → 4.
  const weekday = (((dayOfIso(iso) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}
