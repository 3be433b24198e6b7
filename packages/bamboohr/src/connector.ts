import {
  type Absence,
  appendAll,
  chunk,
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
  type OutTodayOptions,
  type ReadOptions,
  type Redactor,
  systemClock,
  type TimeOffBalance,
  type TimeOffBalancesOptions,
  type TimeOffPolicy,
  type TimeOffRangeOptions,
  type TimeOffRequestChangesOptions,
  type TimeOffRequest,
  TOKENS,
} from '@hrkit/core';
import { inject, injectable } from 'inversify';
import { runCheck } from './check.js';
import { readAbsences } from './readers/absences.js';
import { groupByEmployee, readHistory } from './readers/history.js';
import { loadPeople, loadTypesOfLeavers } from './readers/people.js';
import { BambooHrClient } from './client.js';
import { BAMBOOHR, type BambooHrConnectionConfig } from './config.js';
import { employeeReportFields } from './fields.js';
import { fieldNamesOf, mapEmployee } from './mapping/employee.js';
import { isCurrent } from './mapping/employee-status.js';
import type { EmploymentTypeMapping } from './mapping/employment-type.js';
import { mapEmployeeChanges } from './mapping/changes.js';
import { mapCompensationRows } from './mapping/compensation.js';
import { PeopleIndex } from './mapping/people-index.js';
import { mapBalance, mapTimeOffType } from './mapping/time-off-other.js';
import { mapTimeOffRequest } from './mapping/time-off-request.js';
import { date, todayOf } from './mapping/values.js';
import type { BambooHrOptions } from './options.js';
import { loadTerminations } from './readers/terminations.js';
import type { RawEmployeeRow } from './raw/report.js';
import type { RawCompensationRow } from './raw/tables.js';
import { BAMBOOHR_TOKENS } from './tokens.js';
import { BambooHrWebhooks } from './webhooks.js';

/** Calculator calls in flight at once during a balances read. */
const BALANCE_CONCURRENCY = 4;

export const BAMBOOHR_CAPABILITIES = declareCapabilities({
  'employees.list': true,
  'employees.get': true,
  'employees.history': true,
  'employees.changes': true,
  'timeOff.requests': true,
  'timeOff.requestChanges': true,
  'timeOff.request': true,
  'timeOff.whosOut': true,
  'timeOff.outToday': true,
  'timeOff.balances': true,
  'timeOff.policies': true,
  compensation: true,
  webhooks: true,
});

@injectable()
export class BambooHrConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = BAMBOOHR;
  readonly capabilities = BAMBOOHR_CAPABILITIES;
  /** `time_off/requests?start&end` returns every request whose leave overlaps the range (docs/sync.md). */
  readonly timeOffRangeIsComplete = true;
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
    this.webhooks = new BambooHrWebhooks(BAMBOOHR, () => this.now(), options.webhooks);
  }

  private now(): number {
    return (this.connectOptions.clock ?? systemClock).now();
  }

  private today(): string {
    return todayOf(this.now());
  }

  async *listEmployees(options: ListEmployeesOptions = {}): AsyncIterable<Employee> {
    const fields = employeeReportFields({ ...options, customFields: this.requestedExtraFields() });
    const report = await this.client.customReport(fields, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onDataIssue ? { onDataIssue: options.onDataIssue } : {}),
    });
    const people = new PeopleIndex(BAMBOOHR, report.employees);
    const history = options.includeHistory ? await this.history(people, undefined, options) : undefined;
    const context = {
      ...this.employeeContext(people, fieldNamesOf(report.fields), options),
      typeBeforeLeaving: await this.typesOfLeavers(report.employees, undefined, options.signal),
      terminations: await loadTerminations(this.client, report.employees, undefined, options.signal),
    };
    for (const row of report.employees) {
      const employee = mapEmployee(row, context);
      if (!options.includeInactive && !isCurrent(employee.employmentStatus)) continue;
      if (history) employee.employmentHistory = history.get(employee.remoteId) ?? [];
      yield employee;
    }
  }

  async getEmployee(remoteId: string, options: GetEmployeeOptions = {}): Promise<Employee> {
    const fields = employeeReportFields({ ...options, customFields: this.requestedExtraFields() });
    const row = await this.client.employee(remoteId, fields, options.signal);
    // supervisorEId names the manager directly; only the employee-number or name forms need the whole index.
    const needsIndex = !row.supervisorEId && (row.supervisorId || row.supervisor);
    const people = needsIndex
      ? (await loadPeople(this.client, this.today(), options.signal)).people
      : new PeopleIndex(BAMBOOHR, [row]);
    const employee = mapEmployee(row, {
      ...this.employeeContext(people, new Map(), options),
      typeBeforeLeaving: await this.typesOfLeavers([row], remoteId, options.signal),
      terminations: await loadTerminations(this.client, [row], remoteId, options.signal),
    });
    if (options.includeHistory)
      employee.employmentHistory = (await this.history(people, [remoteId], options)).get(remoteId) ?? [];
    return employee;
  }

  async *listEmploymentHistory(options: EmploymentHistoryOptions = {}): AsyncIterable<EmploymentHistoryEntry> {
    const { people } = await loadPeople(this.client, this.today(), options.signal);
    const history = await this.history(people, options.employeeIds, options);
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

  /**
   * BambooHR has no change feed for time off: read the requests whose leave lies within ±2 years of the asked
   * instants and keep those whose status changed (or that were created) on or after the day of `since`. Day
   * granularity: BambooHR gives list dates without a time, so a change earlier that same day is included too.
   */
  async *listTimeOffRequestChanges(options: TimeOffRequestChangesOptions): AsyncIterable<TimeOffRequest> {
    const sinceDay = options.since.slice(0, 10);
    const untilDay = (options.until ?? new Date(this.now()).toISOString()).slice(0, 10);
    const window = { start: shiftYears(sinceDay, -2), end: shiftYears(untilDay, 2) };
    const people = new PeopleIndex(BAMBOOHR);
    for (const item of await this.client.timeOffRequests(window, options.signal)) {
      const changed = date(item.status?.lastChanged) ?? date(item.created);
      if (!changed || changed < sinceDay || changed > untilDay) continue;
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
    yield* await readAbsences(this.client, options.from, options.to, options);
  }

  async *listOutToday(options: OutTodayOptions = {}): AsyncIterable<Absence> {
    const day = options.date ?? this.today();
    yield* await readAbsences(this.client, day, day, options);
  }

  async *listTimeOffBalances(options: TimeOffBalancesOptions = {}): AsyncIterable<TimeOffBalance> {
    const asOf = options.asOf ?? this.today();
    const { people, currentIds } = await loadPeople(this.client, this.today(), options.signal);
    const ids = options.employeeIds ?? currentIds;
    const wanted = options.policies ? new Set(options.policies.map((name) => name.toLowerCase())) : null;
    // One calculator call per employee: a few at a time (order kept); throttling answers carry Retry-After.
    for (const batch of chunk(ids, BALANCE_CONCURRENCY)) {
      const answers = await Promise.all(batch.map((id) => this.client.calculator(id, asOf, options.signal)));
      for (const [index, entries] of answers.entries()) {
        const employeeId = batch[index]!;
        for (const raw of entries) {
          if (wanted && !wanted.has((raw.name ?? '').toLowerCase())) continue;
          yield mapBalance(raw, { provider: BAMBOOHR, people, employeeId, asOf, includeRaw: options.includeRaw });
        }
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
    const { people } = await loadPeople(this.client, this.today(), options.signal);
    const rows: RawCompensationRow[] = [];
    if (options.employeeIds)
      for (const id of options.employeeIds) appendAll(rows, await this.client.compensation(id, options.signal));
    else appendAll(rows, await this.client.compensation('all', options.signal));
    const context = { provider: BAMBOOHR, today: this.today(), people, includeRaw: options.includeRaw === true };
    for (const employeeRows of groupByEmployee(rows).values()) yield* mapCompensationRows(employeeRows, context);
  }

  check(): Promise<DiagnosticsReport> {
    return runCheck(this.client, { today: this.today(), now: new Date(this.now()) });
  }

  /** Report fields beyond the standard ones: the consumer's custom fields, mapped fields and entity field. */
  private requestedExtraFields(): string[] {
    return [
      ...new Set([
        ...(this.options.customFields ?? []),
        ...Object.values(this.options.customFieldMap ?? {}),
        ...(this.options.legalEntityField ? [this.options.legalEntityField] : []),
      ]),
    ];
  }

  private customFieldOption() {
    return this.options.customFields ? { customFields: this.options.customFields } : {};
  }

  private typesOfLeavers(rows: readonly RawEmployeeRow[], employeeId: string | undefined, signal?: AbortSignal) {
    return loadTypesOfLeavers(this.client, this.employmentTypes, rows, employeeId, signal);
  }

  private history(people: PeopleIndex, employeeIds: readonly string[] | undefined, options: ReadOptions) {
    const context = {
      today: this.today(),
      people,
      employmentTypes: this.employmentTypes,
      includeRaw: options.includeRaw === true,
    };
    return readHistory(this.client, context, employeeIds, options.signal);
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
      ...(this.options.legalEntityField ? { legalEntityField: this.options.legalEntityField } : {}),
      ...(this.options.customFieldMap ? { customFieldMap: this.options.customFieldMap } : {}),
    };
  }
}

function shiftYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4, 10)}`.replace(
    '-02-29',
    '-02-28',
  );
}
