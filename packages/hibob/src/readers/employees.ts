import {
  chunk,
  type DataIssue,
  type DataIssueHandler,
  type Employee,
  type GetEmployeeOptions,
  issueValue,
  type ListEmployeesOptions,
  type Logger,
  readRecordId,
  reportDataIssue,
} from '@hrkit/core';
import { HIBOB } from '../config.js';
import type { HiBobClient } from '../client.js';
import { mapEmployee } from '../mapping/employee.js';
import type { EmploymentTypeMapping } from '../mapping/employment-type-mapping.js';
import { type CatalogField, MAX_FIELDS_PER_REQUEST } from '../mapping/field-catalog.js';
import { asText, isRecord } from '../mapping/normalize.js';
import { readField } from '../mapping/read-field.js';
import type { ResolvedHiBobOptions } from '../options.js';
import { checkEmployeeReadOptions } from '../read-options.js';
import type { RawEmployee } from '../raw/people.js';
import { mappingContext, type Session, type SessionCache } from '../session.js';
import type { HistoryReader } from './history.js';

/** Deep merge of two answers for the same employee (fields split over several ≤400-field requests). */
function merge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = isRecord(current) && isRecord(value) ? merge({ ...current }, value) : value;
  }
  return target;
}

/**
 * Split the wanted fields into requests of at most 400 ids, `root.id` riding along in each (so the parts of one
 * employee can be joined); always at least one request.
 */
function fieldGroups(fields: readonly string[]): string[][] {
  const groups = chunk(
    fields.filter((id) => id !== 'root.id'),
    MAX_FIELDS_PER_REQUEST - 1,
  );
  return groups.length > 0 ? groups : [[]];
}

const ROOT_ID = { id: 'root.id', jsonPath: 'id' };

export function employeeIdOf(raw: RawEmployee): string | null {
  return asText(readField(raw, ROOT_ID).value) ?? asText(raw.id);
}

/** The id by core's rules (a string, or an exact integer): what a listing may trust as an employee's identity. */
function readEmployeeId(raw: RawEmployee): ReturnType<typeof readRecordId> {
  const nested = readField(raw, ROOT_ID);
  return readRecordId(nested.present ? nested.value : raw.id);
}

/**
 * Employee reads. The fields requested are chosen from the tenant's metadata (never guessed), at most 400 per
 * request. Listing first reads every id (one cheap call), then the full records in batches filtered by
 * `root.id`, so memory stays bounded and a 10,000-person company costs ~20 searches, under HiBob's 50/min.
 */
export class EmployeeReader {
  constructor(
    private readonly client: HiBobClient,
    private readonly session: SessionCache,
    private readonly history: HistoryReader,
    private readonly options: ResolvedHiBobOptions,
    private readonly mapping: () => EmploymentTypeMapping,
    private readonly logger: Logger,
  ) {}

  fieldsFor(session: Session, includeSensitive: boolean): CatalogField[] {
    return session.catalog.fieldsFor({ includeSensitive, extra: [session.employmentTypeField] });
  }

  /**
   * Every employee id the service user can see (HiBob hides people outside its audience). A person without a
   * readable id, or listed twice, is reported through `onDataIssue` (or fails the read), never silently dropped.
   */
  async ids(includeInactive: boolean, signal?: AbortSignal, onDataIssue?: DataIssueHandler): Promise<string[]> {
    const employees = await this.client.search({ fields: ['root.id'], showInactive: includeInactive }, signal);
    const ids = new Set<string>();
    employees.forEach((employee, recordIndex) => {
      const read = readEmployeeId(employee);
      if ('reason' in read) {
        const value = issueValue(readField(employee, ROOT_ID).value ?? employee.id);
        issue({ recordIndex, field: 'root.id', reason: read.reason, ...(value !== undefined ? { value } : {}) });
      } else if (ids.has(read.id)) {
        issue({ recordIndex, recordId: read.id, field: 'root.id', reason: 'duplicate id: listed twice' });
      } else ids.add(read.id);
    });
    return [...ids];

    function issue(found: DataIssue) {
      reportDataIssue(found, onDataIssue, { provider: HIBOB, what: 'employee (people search)' });
    }
  }

  async *list(options: ListEmployeesOptions): AsyncGenerator<Employee> {
    checkEmployeeReadOptions(options);
    const defaults = this.options.defaults;
    const includeInactive = options.includeInactive ?? defaults.includeInactive;
    const includeSensitive = options.includeSensitive ?? defaults.includeSensitive;
    const includeHistory = options.includeHistory ?? defaults.includeHistory;
    const includeRaw = options.includeRaw ?? defaults.includeRaw;
    const session = await this.session.get(options.signal);
    const context = mappingContext(session, this.mapping(), { includeSensitive, includeRaw });
    const fields = this.fieldsFor(session, includeSensitive).map((field) => field.id);
    const ids = await this.ids(includeInactive, options.signal, options.onDataIssue);
    for (const batch of chunk(ids, this.options.searchBatchSize)) {
      const records = await this.searchByIds(fields, batch, includeInactive, options.signal);
      const history = includeHistory ? await this.history.forEmployees(batch, context, options.signal) : null;
      for (const id of batch) {
        const raw = records.get(id);
        // Someone who left the audience between the two calls: nothing to map, nothing invented.
        if (!raw) {
          this.logger.debug('hibob.employees.vanished', { employee: id });
          continue;
        }
        yield mapEmployee(raw, context, history?.get(id));
      }
    }
  }

  async get(identifier: string, options: GetEmployeeOptions): Promise<Employee> {
    checkEmployeeReadOptions(options);
    const defaults = this.options.defaults;
    const includeSensitive = options.includeSensitive ?? defaults.includeSensitive;
    const includeHistory = options.includeHistory ?? defaults.includeHistory;
    const includeRaw = options.includeRaw ?? defaults.includeRaw;
    const session = await this.session.get(options.signal);
    const context = mappingContext(session, this.mapping(), { includeSensitive, includeRaw });
    const fields = this.fieldsFor(session, includeSensitive).map((field) => field.id);
    let raw: Record<string, unknown> = {};
    for (const group of fieldGroups(fields))
      raw = merge(raw, await this.client.read(identifier, ['root.id', ...group], options.signal));
    const remoteId = employeeIdOf(raw) ?? identifier;
    const history = includeHistory ? await this.history.forEmployee(remoteId, context, options.signal) : undefined;
    return mapEmployee(raw, context, history);
  }

  private async searchByIds(
    fields: readonly string[],
    ids: readonly string[],
    showInactive: boolean,
    signal?: AbortSignal,
  ): Promise<Map<string, RawEmployee>> {
    const records = new Map<string, RawEmployee>();
    for (const group of fieldGroups(fields)) {
      const employees = await this.client.search(
        { fields: ['root.id', ...group], filter: { fieldPath: 'root.id', values: ids }, showInactive },
        signal,
      );
      for (const employee of employees) {
        const id = employeeIdOf(employee);
        if (!id) continue;
        const current = records.get(id);
        records.set(id, current ? merge(current, employee) : employee);
      }
    }
    return records;
  }
}
