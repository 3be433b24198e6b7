import {
  type Absence,
  type Compensation,
  type CompensationOptions,
  type ConnectOptions,
  declareCapabilities,
  type DiagnosticsReport,
  type Employee,
  type EmployeeChange,
  type EmployeeChangesOptions,
  type EmploymentHistoryEntry,
  type EmploymentHistoryOptions,
  type GetEmployeeOptions,
  type HrConnectorV1,
  type ListEmployeesOptions,
  NotFoundError,
  PermissionError,
  type OutTodayOptions,
  type ReadOptions,
  type Redactor,
  systemClock,
  type TimeOffBalance,
  type TimeOffBalancesOptions,
  type TimeOffPolicy,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  TOKENS,
} from '@hrkit/core';
import { inject, injectable } from 'inversify';
import { runCheck } from './check.js';
import { BambooHrClient } from './client.js';
import { BAMBOOHR, type BambooHrConnectionConfig } from './config.js';
import { employeeReportFields } from './fields.js';
import { fieldNamesOf, mapEmployee } from './mapping/employee.js';
import { isCurrent } from './mapping/employee-status.js';
import type { EmploymentTypeMapping } from './mapping/employment-type.js';
import { HISTORY_TABLES, type HistoryTable, mapHistoryRows, typesBeforeLeaving } from './mapping/history.js';
import { mapEmployeeChanges } from './mapping/changes.js';
import { mapCompensationRows } from './mapping/compensation.js';
import { PeopleIndex } from './mapping/people-index.js';
import { mapBalance, mapTimeOffType, mapWhosOut } from './mapping/time-off-other.js';
import { mapTimeOffRequest } from './mapping/time-off-request.js';
import { text, todayOf } from './mapping/values.js';
import type { BambooHrOptions } from './options.js';
import type { RawEmployeeRow } from './raw/report.js';
import type { RawCompensationRow, RawTableRow } from './raw/tables.js';
import { BAMBOOHR_TOKENS } from './tokens.js';
import { BambooHrWebhooks } from './webhooks.js';

export const BAMBOOHR_CAPABILITIES = declareCapabilities({
  'employees.list': true,
  'employees.get': true,
  'employees.history': true,
  'employees.changes': true,
  'timeOff.requests': true,
  'timeOff.request': true,
  'timeOff.whosOut': true,
  'timeOff.outToday': true,
  'timeOff.balances': true,
  'timeOff.policies': true,
  compensation: true,
  webhooks: true,
});

/** Fields enough to resolve managers by id, employee number or name. */
const INDEX_FIELDS = ['id', 'employeeNumber', 'firstName', 'lastName', 'displayName', 'preferredName', 'status'];

@injectable()
export class BambooHrConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = BAMBOOHR;
  readonly capabilities = BAMBOOHR_CAPABILITIES;
  readonly client: BambooHrClient;
  readonly webhooks: BambooHrWebhooks;

  constructor(
    @inject(TOKENS.ConnectionConfig) readonly config: BambooHrConnectionConfig,
    @inject(TOKENS.ConnectOptions) private readonly connectOptions: ConnectOptions,
    @inject(TOKENS.Redactor) redactor: Redactor,
    @inject(BAMBOOHR_TOKENS.EmploymentTypeMapping) private readonly employmentTypes: EmploymentTypeMapping,
    @inject(BAMBOOHR_TOKENS.Options) private readonly options: BambooHrOptions,
  ) {
    this.client = new BambooHrClient({ config, options: connectOptions, redactor });
    this.webhooks = new BambooHrWebhooks(BAMBOOHR, () => this.now());
  }

  private now(): number {
    return (this.connectOptions.clock ?? systemClock).now();
  }

  private today(): string {
    return todayOf(this.now());
  }

  async *listEmployees(options: ListEmployeesOptions = {}): AsyncIterable<Employee> {
    const fields = employeeReportFields({ ...options, ...this.customFieldOption() });
    const report = await this.client.customReport(fields, options.signal ? { signal: options.signal } : {});
    const people = new PeopleIndex(BAMBOOHR, report.employees);
    const history = options.includeHistory ? await this.historyByEmployee(people, undefined, options) : undefined;
    const context = {
      ...this.employeeContext(people, fieldNamesOf(report.fields), options),
      typeBeforeLeaving: await this.typesOfLeavers(report.employees, undefined, options.signal),
    };
    for (const row of report.employees) {
      const employee = mapEmployee(row, context);
      if (!options.includeInactive && !isCurrent(employee.employmentStatus)) continue;
      if (history) employee.employmentHistory = history.get(employee.remoteId) ?? [];
      yield employee;
    }
  }

  async getEmployee(remoteId: string, options: GetEmployeeOptions = {}): Promise<Employee> {
    const fields = employeeReportFields({ ...options, ...this.customFieldOption() });
    const row = await this.client.employee(remoteId, fields, options.signal);
    // supervisorEId names the manager directly; only the employee-number or name forms need the whole index.
    const needsIndex = !row.supervisorEId && (row.supervisorId || row.supervisor);
    const people = needsIndex ? await this.peopleIndex(options.signal) : new PeopleIndex(BAMBOOHR, [row]);
    const employee = mapEmployee(row, {
      ...this.employeeContext(people, new Map(), options),
      typeBeforeLeaving: await this.typesOfLeavers([row], remoteId, options.signal),
    });
    if (options.includeHistory)
      employee.employmentHistory = (await this.historyByEmployee(people, [remoteId], options)).get(remoteId) ?? [];
    return employee;
  }

  async *listEmploymentHistory(options: EmploymentHistoryOptions = {}): AsyncIterable<EmploymentHistoryEntry> {
    const people = await this.peopleIndex(options.signal);
    const history = await this.historyByEmployee(people, options.employeeIds, options);
    for (const entries of history.values()) yield* entries;
  }

  async *listEmployeeChanges(options: EmployeeChangesOptions): AsyncIterable<EmployeeChange> {
    // BambooHR wants ISO 8601; normalizing also guarantees the `+` of an offset is URL-encoded.
    const since = new Date(options.since).toISOString().replace(/\.\d{3}Z$/, 'Z');
    yield* mapEmployeeChanges(await this.client.changed(since, options.signal));
  }

  async *listTimeOffRequests(options: TimeOffRangeOptions): AsyncIterable<TimeOffRequest> {
    const raw = await this.client.timeOffRequests({ start: options.from, end: options.to }, options.signal);
    const people = new PeopleIndex(BAMBOOHR);
    for (const item of raw) {
      const request = mapTimeOffRequest(item, { provider: BAMBOOHR, people, includeRaw: options.includeRaw });
      if (!options.includePending && request.status.value === 'requested') continue;
      yield request;
    }
  }

  async getTimeOffRequest(
    employeeRemoteId: string,
    requestRemoteId: string,
    options: ReadOptions = {},
  ): Promise<TimeOffRequest> {
    // The list endpoint filtered by id is the only read of one request; it still insists on a date window.
    const raw = await this.client.timeOffRequests(
      { start: '1900-01-01', end: '2999-12-31', id: requestRemoteId, employeeId: employeeRemoteId },
      options.signal,
    );
    const found = raw.find((item) => item.id === requestRemoteId && item.employeeId === employeeRemoteId);
    if (!found) throw new NotFoundError('time-off request', requestRemoteId, { provider: BAMBOOHR });
    return mapTimeOffRequest(found, { provider: BAMBOOHR, people: new PeopleIndex(BAMBOOHR), ...options });
  }

  async *listWhosOut(options: TimeOffRangeOptions): AsyncIterable<Absence> {
    yield* await this.absences(options.from, options.to, options);
  }

  async *listOutToday(options: OutTodayOptions = {}): AsyncIterable<Absence> {
    const day = options.date ?? this.today();
    yield* await this.absences(day, day, options);
  }

  async *listTimeOffBalances(options: TimeOffBalancesOptions = {}): AsyncIterable<TimeOffBalance> {
    const asOf = options.asOf ?? this.today();
    const people = await this.peopleIndex(options.signal, true);
    const ids = options.employeeIds ?? people.currentIds;
    const wanted = options.policies ? new Set(options.policies.map((name) => name.toLowerCase())) : null;
    for (const employeeId of ids) {
      for (const raw of await this.client.calculator(employeeId, asOf, options.signal)) {
        if (wanted && !wanted.has((raw.name ?? '').toLowerCase())) continue;
        yield mapBalance(raw, { provider: BAMBOOHR, people, employeeId, asOf, includeRaw: options.includeRaw });
      }
    }
  }

  async *listTimeOffPolicies(options: ReadOptions = {}): AsyncIterable<TimeOffPolicy> {
    const types = await this.client.timeOffTypes(options.signal);
    const policies = await this.client.timeOffPolicies(options.signal).catch(() => []);
    for (const type of types.timeOffTypes)
      yield mapTimeOffType(type, { provider: BAMBOOHR, policies, includeRaw: options.includeRaw });
  }

  /** Pay rows from the compensation table (the facade has already checked the includeCompensation opt-in). */
  async *listCompensation(options: CompensationOptions = {}): AsyncIterable<Compensation> {
    const people = await this.peopleIndex(options.signal);
    const rows: RawCompensationRow[] = [];
    if (options.employeeIds)
      for (const id of options.employeeIds) rows.push(...(await this.client.compensation(id, options.signal)));
    else rows.push(...(await this.client.compensation('all', options.signal)));
    const byEmployee = new Map<string, RawCompensationRow[]>();
    for (const row of rows) byEmployee.set(row.employeeId, [...(byEmployee.get(row.employeeId) ?? []), row]);
    const context = { provider: BAMBOOHR, today: this.today(), people, includeRaw: options.includeRaw === true };
    for (const employeeRows of byEmployee.values()) yield* mapCompensationRows(employeeRows, context);
  }

  check(): Promise<DiagnosticsReport> {
    return runCheck(this.client, { today: this.today(), now: new Date(this.now()) });
  }

  private customFieldOption() {
    return this.options.customFields ? { customFields: this.options.customFields } : {};
  }

  private employeeContext(people: PeopleIndex, fieldNames: ReadonlyMap<string, string>, options: GetEmployeeOptions) {
    return {
      provider: BAMBOOHR,
      today: this.today(),
      people,
      employmentTypes: this.employmentTypes,
      fieldNames,
      includeSensitive: options.includeSensitive === true,
      includeRaw: options.includeRaw === true,
      ...this.customFieldOption(),
    };
  }

  /**
   * What leavers were before "Terminated": one employmentStatus-table read, only when someone has a lifecycle label.
   * A key that may not read the table (403) keeps the label as it is.
   */
  private async typesOfLeavers(
    rows: readonly RawEmployeeRow[],
    employeeId: string | undefined,
    signal?: AbortSignal,
  ): Promise<Map<string, string>> {
    const leaving = rows.some(
      (row) => this.employmentTypes.lifecycleOf(text(row.employmentHistoryStatus)) === 'terminated',
    );
    if (!leaving) return new Map();
    try {
      return typesBeforeLeaving(
        await this.client.table(employeeId ?? 'all', 'employmentStatus', signal),
        this.employmentTypes,
      );
    } catch (error) {
      if (error instanceof PermissionError) return new Map();
      throw error;
    }
  }

  /** Names and numbers of everyone (leavers too): resolves managers in tables and names in time-off reads. */
  private async peopleIndex(
    signal?: AbortSignal,
    trackCurrent = false,
  ): Promise<PeopleIndex & { currentIds: string[] }> {
    const fields = trackCurrent ? [...INDEX_FIELDS, 'hireDate', 'terminationDate'] : INDEX_FIELDS;
    const report = await this.client.customReport(fields, signal ? { signal } : {});
    const people = new PeopleIndex(BAMBOOHR, report.employees);
    const today = this.today();
    const currentIds = report.employees
      .filter((row) => {
        const status = String(row.status ?? '').toLowerCase();
        const term = typeof row.terminationDate === 'string' ? row.terminationDate : '';
        return status !== 'inactive' && !(term && term !== '0000-00-00' && term <= today);
      })
      .map((row) => row.id);
    return Object.assign(people, { currentIds });
  }

  /** jobInfo + employmentStatus rows, one `all` call per table (or per employee when ids are given). */
  private async historyByEmployee(
    people: PeopleIndex,
    employeeIds: readonly string[] | undefined,
    options: ReadOptions,
  ): Promise<Map<string, EmploymentHistoryEntry[]>> {
    const result = new Map<string, EmploymentHistoryEntry[]>();
    const context = {
      provider: BAMBOOHR,
      today: this.today(),
      people,
      employmentTypes: this.employmentTypes,
      includeRaw: options.includeRaw === true,
    };
    for (const table of Object.keys(HISTORY_TABLES) as HistoryTable[]) {
      const rows: RawTableRow[] = [];
      if (employeeIds) for (const id of employeeIds) rows.push(...(await this.client.table(id, table, options.signal)));
      else rows.push(...(await this.client.table('all', table, options.signal)));
      const byEmployee = new Map<string, RawTableRow[]>();
      for (const row of rows) {
        const list = byEmployee.get(row.employeeId) ?? [];
        list.push(row);
        byEmployee.set(row.employeeId, list);
      }
      for (const [employeeId, list] of byEmployee) {
        const entries = result.get(employeeId) ?? [];
        entries.push(...mapHistoryRows(table, list, context));
        result.set(employeeId, entries);
      }
    }
    for (const entries of result.values())
      entries.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.table.localeCompare(b.table));
    return result;
  }

  /** whos_out for a window, enriched with the matching requests (type, unit, amount) read for the same window. */
  private async absences(from: string, to: string, options: ReadOptions): Promise<Absence[]> {
    const entries = await this.client.whosOut(from, to, options.signal);
    const people = new PeopleIndex(BAMBOOHR);
    const requests = new Map<string, TimeOffRequest>();
    if (entries.some((entry) => entry.type === 'timeOff'))
      for (const raw of await this.client.timeOffRequests({ start: from, end: to }, options.signal))
        requests.set(raw.id, mapTimeOffRequest(raw, { provider: BAMBOOHR, people }));
    const result: Absence[] = [];
    for (const entry of entries) {
      const request = requests.get(entry.id);
      const absence = mapWhosOut(entry, {
        provider: BAMBOOHR,
        people,
        ...(request ? { request } : {}),
        includeRaw: options.includeRaw,
      });
      if (absence) result.push(absence);
    }
    return result;
  }
}
