import {
  type DataIssueHandler,
  InvalidProviderDataError,
  issueValue,
  readRecordId,
  reportDataIssue,
} from '@hrkit/core';
import { z } from 'zod';
import { Cell, RawId } from './values.js';

/** One column of a custom report: `{id:"hireDate", type:"date", name:"Hire Date"}` (key order varies). */
export const RawReportField = z.looseObject({
  id: RawId,
  type: z.string().nullish(),
  name: z.string().nullish(),
});
export type RawReportField = z.infer<typeof RawReportField>;

/** One employee row: every value a string or null, keyed by the requested alias; `id` always present. */
export const RawEmployeeRow = z.looseObject({ id: RawId }).catchall(Cell);
export type RawEmployeeRow = z.infer<typeof RawEmployeeRow>;

/** `POST /v1/reports/custom?format=JSON` and saved reports. */
export const RawReport = z.looseObject({
  title: z.string().nullish(),
  fields: z.array(RawReportField).nullish(),
  employees: z.array(RawEmployeeRow),
});
export type RawReport = z.infer<typeof RawReport>;

/** The report envelope; rows are checked by `readEmployeeRows` (a zod pass per row is most of a 100k read). */
export const RawReportEnvelope = z.looseObject({
  title: z.string().nullish(),
  fields: z.array(RawReportField).nullish(),
  employees: z.array(z.unknown()),
});

/**
 * Checks each row by hand with the same rules as RawEmployeeRow (object, string-or-number id, scalar or null
 * cells) and fails the same way: InvalidProviderDataError naming the record and the path.
 */
export function readEmployeeRows(
  rows: readonly unknown[],
  provider: string,
  request: string,
  onDataIssue?: DataIssueHandler,
): RawEmployeeRow[] {
  const result: RawEmployeeRow[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Record<string, unknown> | null;
    const fail = (path: string, what: string, recordId: string | null) => {
      throw new InvalidProviderDataError(
        `${provider} returned an unreadable custom report${recordId ? ` (record ${recordId})` : ''}: ${path}: ${what}`,
        {
          provider,
          recordId,
          path,
          request,
        },
      );
    };
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      return fail(`employees[${index}]`, 'expected an object', null);
    // An id that is missing, not a string or an exact integer, or already seen: reported (or fatal without a
    // handler), never guessed; the row is left out and the listing is incomplete.
    const read = readRecordId(row.id);
    const issue =
      'reason' in read
        ? { reason: read.reason, recordId: undefined }
        : seen.has(read.id)
          ? { reason: 'duplicate id in the listing', recordId: read.id }
          : null;
    if (issue) {
      const value = issueValue(row.id);
      reportDataIssue(
        {
          recordIndex: index,
          field: 'id',
          reason: issue.reason,
          ...(issue.recordId !== undefined ? { recordId: issue.recordId } : {}),
          ...(value !== undefined ? { value } : {}),
        },
        onDataIssue,
        { provider, what: `custom report row (${request})` },
      );
      continue;
    }
    const id = (read as { id: string }).id;
    seen.add(id);
    for (const key in row) {
      const value = row[key];
      if (
        value !== null &&
        value !== undefined &&
        typeof value !== 'string' &&
        typeof value !== 'number' &&
        typeof value !== 'boolean'
      )
        fail(
          `employees[${index}].${key}`,
          `expected a string, number, boolean or null, got ${Array.isArray(value) ? 'an array' : typeof value}`,
          String(id),
        );
    }
    row.id = id;
    result.push(row as RawEmployeeRow);
  }
  return result;
}
