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
