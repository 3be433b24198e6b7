import { describe, expect, it } from 'vitest';
import { labelKey, readDate, readDateOfDateTime, readInstant, readNumber, readText } from '../src/index.js';

describe('value readers', () => {
  it('labelKey ignores case, spaces, punctuation and accents', () => {
    expect(labelKey('Direct Employee')).toBe(labelKey('direct-employee'));
    expect(labelKey('  EOR ')).toBe('eor');
    expect(labelKey('Beschäftigungsart')).toBe('beschaftigungsart');
    expect(labelKey('Vollzeit (40h)')).toBe('vollzeit40h');
  });

  it('readDate accepts only real calendar dates', () => {
    expect(readDate('2024-02-29')).toBe('2024-02-29');
    expect(readDate('2023-02-29')).toBeNull();
    expect(readDate('2024-13-01')).toBeNull();
    expect(readDate('2024-02-29T10:00:00Z')).toBeNull();
    expect(readDate(20240229)).toBeNull();
  });

  it('readDateOfDateTime keeps the day as written: a +01:00 midnight is not the previous day in UTC', () => {
    expect(readDateOfDateTime('2024-03-01T00:00:00+01:00')).toBe('2024-03-01');
    expect(readDateOfDateTime('2024-03-01T23:30:00-05:00')).toBe('2024-03-01');
    expect(readDateOfDateTime('2024-03-01')).toBe('2024-03-01');
    expect(readDateOfDateTime('2024-02-30T00:00:00Z')).toBeNull();
    expect(readDateOfDateTime('yesterday')).toBeNull();
  });

  it('readInstant is exact with an offset, reads zone-less values in the assumed zone, and never guesses one', () => {
    expect(readInstant('2024-03-01T00:00:00+01:00')).toBe('2024-02-29T23:00:00.000Z');
    expect(readInstant('2024-10-03T09:29:00.831502')).toBeNull();
    expect(readInstant('2024-10-03T09:29:00', { assumeZone: 'UTC' })).toBe('2024-10-03T09:29:00.000Z');
    expect(readInstant('2024-10-03 09:29', { assumeZone: '+02:00' })).toBe('2024-10-03T07:29:00.000Z');
    // Berlin is UTC+2 in October (summer time) and UTC+1 in January.
    expect(readInstant('2024-10-03T09:29:00', { assumeZone: 'Europe/Berlin' })).toBe('2024-10-03T07:29:00.000Z');
    expect(readInstant('2024-01-03T09:29:00', { assumeZone: 'Europe/Berlin' })).toBe('2024-01-03T08:29:00.000Z');
    expect(readInstant('2024-01-03', { assumeZone: 'UTC' })).toBe('2024-01-03T00:00:00.000Z');
    expect(readInstant('2024-01-03T09:29:00', { assumeZone: 'Not/AZone' })).toBeNull();
  });

  it('readText and readNumber accept what providers send for ids and amounts', () => {
    expect(readText(12345)).toBe('12345');
    expect(readText('  ')).toBeNull();
    expect(readNumber('7.5')).toBe(7.5);
    expect(readNumber('n/a')).toBeNull();
  });
});

describe('readDate reads digits, as the former regex reader did', () => {
  /** The former implementation (a regex and a Date round trip): the reference (docs/performance.md). */
  function readDateByRegex(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (!match) return null;
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
      ? (match[0] as string)
      : null;
  }

  it('agrees with the reference on every day of 1899-2101, the edges and malformed text', () => {
    const samples: unknown[] = [
      null,
      undefined,
      20240101,
      '',
      ' ',
      '0000-00-00',
      '0050-01-01',
      '0099-12-31',
      '0100-01-01',
      '2024-02-29 ',
      ' 2024-02-29',
      '\t2024-02-29\n',
      '2024-2-29',
      '2024-02-29T00:00:00Z',
      '２０２４-01-01',
      '2024/01/01',
      '2024-01-0a',
      '-024-01-01',
      '2024-00-10',
      '2024-13-10',
      '2024-01-00',
      '2024-01-32',
      '1900-02-29',
      '2000-02-29',
      '2100-02-29',
      '9999-12-31',
      '2024-04-31',
      '2024-06-31',
      '2024-09-31',
      '2024-11-31',
      '\u00a02024-01-01',
    ];
    for (let year = 1899; year <= 2101; year++)
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++)
          samples.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    for (const sample of samples) expect(readDate(sample), String(sample)).toBe(readDateByRegex(sample));
  });
});
