import { PermissionError } from '@hrkit/core';
import type { BambooHrClient } from '../client.js';
import { terminationRows } from '../mapping/termination.js';
import { date } from '../mapping/values.js';
import type { RawEmployeeRow } from '../raw/report.js';
import type { RawTableRow } from '../raw/tables.js';

/**
 * Termination reason, type and rehire eligibility live in the employmentStatus table: one read, only when a leaver is
 * among the rows. A key that may not read the table (403) still gets the termination date from the report.
 */
export async function loadTerminations(
  client: BambooHrClient,
  rows: readonly RawEmployeeRow[],
  employeeId: string | undefined,
  signal?: AbortSignal,
): Promise<Map<string, RawTableRow>> {
  if (!rows.some((row) => date(row.terminationDate))) return new Map();
  try {
    return terminationRows(await client.table(employeeId ?? 'all', 'employmentStatus', signal));
  } catch (error) {
    if (error instanceof PermissionError) return new Map();
    throw error;
  }
}
