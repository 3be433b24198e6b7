import { describe, expect, it } from 'vitest';
import { date, instant, number, text } from '../src/internal.js';

/** BambooHR's value forms, read through core's value readers (docs/providers/bamboohr.md, section 5). */
describe('BambooHR cell readers on core values/', () => {
  it('dates: "0000-00-00" and "" are no date; impossible dates are null; a date-time gives its day', () => {
    expect(date('0000-00-00')).toBeNull();
    expect(date('')).toBeNull();
    expect(date('2024-02-30')).toBeNull();
    expect(date(' 2024-02-29 ')).toBe('2024-02-29');
    expect(date('2024-03-01 10:00:00')).toBe('2024-03-01');
  });

  it('instants: Z, +00:00, +0000, the space form (UTC) and epoch seconds; a bare date is not an instant', () => {
    expect(instant('2024-03-01T10:00:00Z')).toBe('2024-03-01T10:00:00.000Z');
    expect(instant('2024-03-01T10:00:00+0000')).toBe('2024-03-01T10:00:00.000Z');
    expect(instant('2024-03-01T12:00:00+02:00')).toBe('2024-03-01T10:00:00.000Z');
    expect(instant('2024-03-01 10:00:00')).toBe('2024-03-01T10:00:00.000Z');
    expect(instant(1709287200)).toBe('2024-03-01T10:00:00.000Z');
    expect(instant('1709287200')).toBe('2024-03-01T10:00:00.000Z');
    expect(instant('2024-03-01')).toBeNull();
    expect(instant(1e20)).toBeNull();
  });

  it('numbers and text: stringified amounts with thousands separators, trimmed text, empty is null', () => {
    expect(number('65,000.00')).toBe(65000);
    expect(number(' -26.36 ')).toBe(-26.36);
    expect(number('')).toBeNull();
    expect(number('n/a')).toBeNull();
    expect(text('  Sales ')).toBe('Sales');
    expect(text('   ')).toBeNull();
    expect(text(40)).toBe('40');
    expect(text(true)).toBe('true');
  });
});
