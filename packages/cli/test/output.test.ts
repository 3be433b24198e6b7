import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../src/cli/output/csv.js';
import { ProgressLine } from '../src/cli/output/progress.js';
import { renderTable } from '../src/cli/output/table.js';

describe('csv', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and defuses spreadsheet formulas', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', ''])).toBe('a,"b,c","say ""hi""","two\nlines",\r\n');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvField('-12.5')).toBe('-12.5');
  });
});

describe('table', () => {
  it('aligns columns, cuts long cells and keeps each row on one line', () => {
    const text = renderTable(
      ['id', 'name'],
      [
        ['1', 'Ada Lovelace'],
        ['22', `a very long\nvalue ${'x'.repeat(50)}`],
      ],
      20,
    );
    expect(text.split('\n')).toEqual([
      'id  name',
      '--  --------------------',
      '1   Ada Lovelace',
      '22  a very long value x…',
      '',
    ]);
  });
});

describe('progress line', () => {
  const sink = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) } };
  };

  it('draws a bar in place on a terminal and clears it when done', () => {
    const { writes, stream } = sink(true);
    let now = 0;
    const progress = new ProgressLine(stream, true, () => now);
    progress.update('employees', 5, 10);
    now += 100;
    progress.update('employees', 10, 10);
    now += 100;
    progress.update('time off', 3, null);
    progress.done();
    expect(writes[0]).toBe('\r\u001b[2Kemployees [###############...............] 5/10');
    expect(writes[1]).toContain('10/10');
    expect(writes[2]).toMatch(/time off [|/\\-] 3$/);
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('writes nothing when disabled (not a TTY, or --quiet) and throttles redraws', () => {
    const off = sink(false);
    const progress = new ProgressLine(off.stream, false);
    progress.update('employees', 1, 2);
    progress.done();
    expect(off.writes).toEqual([]);
    const on = sink(true);
    const throttled = new ProgressLine(on.stream, true, () => 1000);
    for (let i = 1; i < 50; i += 1) throttled.update('employees', i, 100);
    expect(on.writes.length).toBe(1);
  });
});
