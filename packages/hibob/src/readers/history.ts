import {
  chunk,
  type EmploymentHistoryEntry,
  type EmploymentHistoryOptions,
  type Logger,
  NotFoundError,
  paginateCursor,
} from '@hrkit/core';
import type { BulkTable, HiBobClient } from '../client.js';
import type { MappingContext } from '../mapping/context.js';
import type { HiBobEmploymentTypes } from '../mapping/employment-type.js';
import { HISTORY_TABLES, mapHistoryRow } from '../mapping/history.js';
import type { RawTableRow } from '../raw/tables.js';
import { checkIdListOptions } from './read-options.js';
import { mappingContext, type SessionCache } from './session.js';

/** HiBob's cap on employee ids per bulk call. */
export const BULK_IDS_PER_CALL = 200;

type HistoryContext = Pick<MappingContext, 'catalog' | 'lists' | 'employmentTypes' | 'includeRaw'>;

function byDate(a: EmploymentHistoryEntry, b: EmploymentHistoryEntry): number {
  return a.table === b.table ? a.effectiveDate.localeCompare(b.effectiveDate) : a.table.localeCompare(b.table);
}

/**
 * Work, employment and lifecycle history. One employee: three per-employee table calls. Several: the
 * cursor-paginated bulk tables, 200 ids per call, the same filters on every page — three calls per 200 people
 * instead of three per person.
 */
export class HistoryReader {
  constructor(
    private readonly client: HiBobClient,
    private readonly logger: Logger,
  ) {}

  async forEmployee(
    employeeId: string,
    context: HistoryContext,
    signal?: AbortSignal,
  ): Promise<EmploymentHistoryEntry[]> {
    const entries: EmploymentHistoryEntry[] = [];
    for (const table of HISTORY_TABLES)
      for (const row of await this.client.table(employeeId, table, signal)) {
        const entry = mapHistoryRow(table, employeeId, row, context);
        if (entry) entries.push(entry);
      }
    return entries.sort(byDate);
  }

  /** History of many employees, keyed by employee id (every id present, possibly with no rows). */
  async forEmployees(
    employeeIds: readonly string[],
    context: HistoryContext,
    signal?: AbortSignal,
  ): Promise<Map<string, EmploymentHistoryEntry[]>> {
    const result = new Map<string, EmploymentHistoryEntry[]>(employeeIds.map((id) => [id, []]));
    if (employeeIds.length === 1) {
      const [only] = employeeIds as [string];
      result.set(only, await this.forEmployee(only, context, signal));
      return result;
    }
    for (const ids of chunk(employeeIds, BULK_IDS_PER_CALL))
      for (const table of HISTORY_TABLES) {
        try {
          for await (const { employeeId, row } of this.bulkRows(table, ids, signal)) {
            const entry = mapHistoryRow(table, employeeId, row, context);
            if (entry) (result.get(employeeId) ?? result.set(employeeId, []).get(employeeId)!).push(entry);
          }
        } catch (error) {
          // A tenant without the bulk endpoint: fall back to per-employee tables for this chunk.
          if (!(error instanceof NotFoundError)) throw error;
          this.logger.warn('hibob.history.bulkUnavailable', { table });
          for (const id of ids)
            for (const row of await this.client.table(id, table, signal)) {
              const entry = mapHistoryRow(table, id, row, context);
              if (entry) result.get(id)?.push(entry);
            }
        }
      }
    for (const entries of result.values()) entries.sort(byDate);
    return result;
  }

  private async *bulkRows(
    table: BulkTable,
    ids: readonly string[],
    signal?: AbortSignal,
  ): AsyncGenerator<{ employeeId: string; row: RawTableRow }> {
    const pages = paginateCursor(async (cursor) => {
      const page = await this.client.bulkTable(table, ids, cursor, signal);
      const errors = Array.isArray(page.errors) ? page.errors.length : page.errors ? 1 : 0;
      // Employees outside the service user's audience come back under `errors`; the rest still arrives.
      if (errors > 0) this.logger.warn('hibob.history.bulkErrors', { table, employees: errors });
      return {
        items: page.results.flatMap((result) =>
          (result.values ?? []).map((row) => ({ employeeId: result.employeeId, row })),
        ),
        nextCursor: page.response_metadata?.next_cursor ?? null,
      };
    });
    yield* pages;
  }
}

/** What `employees.history` needs besides the history reader: the session, the mapping and the employee ids. */
export interface EmploymentHistoryReads {
  history: HistoryReader;
  session: SessionCache;
  employmentTypes: HiBobEmploymentTypes;
  /** Every readable employee id (leavers included when `includeInactive`). */
  employeeIds(includeInactive: boolean, signal?: AbortSignal): Promise<string[]>;
}

/** `employees.history`: the entries of the named employees, or of every readable employee (leavers included). */
export async function* listEmploymentHistory(
  reads: EmploymentHistoryReads,
  options: EmploymentHistoryOptions,
): AsyncGenerator<EmploymentHistoryEntry> {
  checkIdListOptions(options);
  const session = await reads.session.get(options.signal);
  const context = mappingContext(session, reads.employmentTypes, {
    includeSensitive: false,
    includeRaw: options.includeRaw ?? false,
  });
  const ids = options.employeeIds?.length
    ? [...new Set(options.employeeIds)]
    : await reads.employeeIds(true, options.signal);
  const history = await reads.history.forEmployees(ids, context, options.signal);
  for (const entries of history.values()) yield* entries;
}
