import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../src/internal.js';

/** The reader asIsoDate replaced (a regex and Date.parse per call): the remembered one must answer the same. */
function formerAsIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (!match?.[1] || Number.isNaN(Date.parse(match[1]))) return null;
  return match[1];
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

describe('asIsoDate (remembered answers)', () => {
  const inputs: unknown[] = [null, undefined, 20240301, {}, '', '2024', '2024-03-0', '2024-3-01', ' 2024-03-01', 'x'];
  for (const year of [0, 99, 1899, 1900, 2000, 2023, 2024, 2100, 9999])
    for (let month = 0; month <= 13; month++)
      for (let day = 0; day <= 32; day++) {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        inputs.push(text, `${text}T09:29:00.831502`, `${text} 10:00`, `${text}+01:00`, `${text}x`);
      }
  inputs.push('２０２４-03-01', '2024-03-01'.replace('-', '/'), '2024-03-01T', '+02024-03-01');

  it('answers as the regex and Date.parse reader did, on first and repeated reads', () => {
    for (let round = 0; round < 2; round++)
      for (const input of inputs) expect([input, asIsoDate(input)]).toEqual([input, formerAsIsoDate(input)]);
  });
});
