import type { Column } from './columns.js';
import { csvLine } from './csv.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Write records as they stream: jsonl and csv line by line (bounded memory for big companies); table and json
 * need every record first (column widths, one array).
 */
export async function writeRecords<T extends object>(
  records: AsyncIterable<T>,
  format: OutputFormat,
  columns: Column<T>[] | ((first: T) => Column<T>[]),
  write: (text: string) => void,
  onRecord?: (count: number) => void,
): Promise<number> {
  let count = 0;
  let resolved: Column<T>[] | null = Array.isArray(columns) ? columns : null;
  const table: string[][] = [];
  if (format === 'json') write('[');
  for await (const record of records) {
    resolved ??= (columns as (first: T) => Column<T>[])(record);
    if (format === 'jsonl') write(`${JSON.stringify(record)}\n`);
    else if (format === 'json') write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
    else if (format === 'csv') {
      if (count === 0) write(csvLine(resolved.map((c) => c.header)));
      write(csvLine(resolved.map((c) => cell(c.value(record)))));
    } else table.push(resolved.map((c) => cell(c.value(record))));
    count += 1;
    onRecord?.(count);
  }
  if (format === 'json') write(count === 0 ? ']\n' : '\n]\n');
  if (format === 'table') {
    if (count === 0) write('(no records)\n');
    else
      write(
        renderTable(
          (resolved ?? []).map((c) => c.header),
          table,
        ),
      );
  }
  return count;
}
