import {
  chunk,
  type DataIssue,
  type Employee,
  type GetEmployeeOptions,
  type ListEmployeesOptions,
  type Logger,
} from '@hrkit/core';
import type { HiBobClient } from '../client.js';
import { mapEmployee } from '../mapping/employee.js';
import type { HiBobEmploymentTypes } from '../mapping/employment-type.js';
import type { MappingContext } from '../mapping/context.js';
import { type CatalogField, MAX_FIELDS_PER_REQUEST } from '../mapping/field-catalog.js';
import { isRecord } from '../mapping/normalize.js';
import { readField } from '../mapping/read-field.js';
import type { ResolvedHiBobOptions } from '../options.js';
import { checkEmployeeReadOptions } from './read-options.js';
import type { RawEmployee } from '../raw/people.js';
import { mappingContext, type Session, type SessionCache } from './session.js';
import type { HistoryReader } from './history.js';
import { readRecordId } from '@hrkit/core';

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

/**
 * The employee's id by core's one rule for ids (`readRecordId`: a non-empty string, or an integer a JS number holds
 * exactly); null for anything else — a fraction, a rounded 19-digit number, an object — so that the listing reports
 * the person instead of inventing an id.
 */
export function employeeIdOf(raw: RawEmployee): string | null {
  for (const value of [readField(raw, ROOT_ID).value, raw.id]) {
    const read = readRecordId(value);
    if ('id' in read) return read.id;
  }
  return null;
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
    private readonly employmentTypes: () => HiBobEmploymentTypes,
    private readonly logger: Logger,
  ) {}

  fieldsFor(session: Session, context: MappingContext): CatalogField[] {
    return session.catalog.fieldsFor({
      includeSensitive: context.includeSensitive,
      includeFinancial: context.includeFinancial === true,
      extra: [
        session.employmentTypeField,
        ...(context.mappedFields ?? []).map((mapped) => mapped.field),
        ...(context.groupFields ?? []).map((group) => group.field),
      ],
    });
  }

  /**
   * Every employee id the service user can see (HiBob hides people outside its audience). A person without a
   * readable id, or with an id already listed, is reported through `onDataIssue` (never dropped silently: the
   * listing is then incomplete, and a sync runs no deletion pass on it).
   */
  async ids(
    includeInactive: boolean,
    signal?: AbortSignal,
    onDataIssue?: (issue: DataIssue) => void,
  ): Promise<string[]> {
    const employees = await this.client.search({ fields: ['root.id'], showInactive: includeInactive }, signal);
    const ids = new Set<string>();
    for (const [recordIndex, employee] of employees.entries()) {
      const id = employeeIdOf(employee);
      if (!id) onDataIssue?.({ recordIndex, field: 'id', value: employee.id ?? null, reason: 'no readable id' });
      else if (ids.has(id))
        onDataIssue?.({ recordIndex, recordId: id, field: 'id', value: id, reason: 'duplicate id in the listing' });
      else ids.add(id);
    }
    return [...ids];
  }

  async *list(options: ListEmployeesOptions): AsyncGenerator<Employee> {
    checkEmployeeReadOptions(options);
    const defaults = this.options.defaults;
    const includeInactive = options.includeInactive ?? defaults.includeInactive;
    const includeSensitive = options.includeSensitive ?? defaults.includeSensitive;
    const includeHistory = options.includeHistory ?? defaults.includeHistory;
    const includeRaw = options.includeRaw ?? defaults.includeRaw;
    const session = await this.session.get(options.signal);
    const context = mappingContext(session, this.employmentTypes(), {
      includeSensitive,
      includeRaw,
      includeFinancial: options.includeFinancial === true,
      unmask: options.unmask ?? [],
    });
    const fields = this.fieldsFor(session, context).map((field) => field.id);
    const ids = await this.ids(includeInactive, options.signal, options.onDataIssue);
    for (const batch of chunk(ids, this.options.searchBatchSize)) {
      const records = await this.searchByIds(fields, batch, includeInactive, options.signal);
      const history = includeHistory ? await this.history.forEmployees(batch, context, options.signal) : null;
      for (const id of batch) {
        const raw = records.get(id);
        // Listed, then absent from the full read (left the audience between the two calls, or unreadable): nothing
        // to map, nothing invented — and reported, so this listing is not taken as proof that the person is gone.
        if (!raw) {
          this.logger.debug('hibob.employees.vanished', { employee: id });
          options.onDataIssue?.({ recordId: id, field: 'id', reason: 'listed, then absent from the full read' });
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
    const context = mappingContext(session, this.employmentTypes(), {
      includeSensitive,
      includeRaw,
      includeFinancial: options.includeFinancial === true,
      unmask: options.unmask ?? [],
    });
    const fields = this.fieldsFor(session, context).map((field) => field.id);
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
