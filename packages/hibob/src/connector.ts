import {
  type Absence,
  type AttendanceOptions,
  type AttendanceRecord,
  buildReport,
  type ChangeEvent,
  type Clock,
  type Compensation,
  type ConnectOptions,
  type DiagnosticsReport,
  type Employee,
  type EmploymentHistoryEntry,
  type EmploymentHistoryOptions,
  type GetEmployeeOptions,
  type HrConnectorV1,
  type ListEmployeesOptions,
  type Logger,
  NotFoundError,
  type OutTodayOptions,
  type ReadOptions,
  type Redactor,
  systemClock,
  type TimeOffBalance,
  type TimeOffBalancesOptions,
  type TimeOffPolicy,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  type TimeOffRequestChangesOptions,
  TOKENS,
} from '@hrkit/core';
import { inject, injectable } from 'inversify';
import { HIBOB_CAPABILITIES } from './capabilities.js';
import { HiBobCheck } from './check.js';
import { HiBobClient } from './client.js';
import { HIBOB, type HiBobConnectionConfig } from './config.js';
import type { EmploymentTypeMapping } from './mapping/employment-type-mapping.js';
import type { ResolvedHiBobOptions } from './options.js';
import { checkIdListOptions } from './read-options.js';
import {
  type HiBobCompensationOptions,
  listHiBobAttendance,
  listHiBobCompensation,
  type PayContext,
} from './pay/index.js';
import { EmployeeReader } from './readers/employees.js';
import { HistoryReader } from './readers/history.js';
import { TimeOffReader } from './readers/time-off.js';
import { mappingContext, type Session, SessionCache } from './session.js';
import { HIBOB_TOKENS } from './tokens.js';
import { HiBobWebhookHandler } from './webhooks.js';

/** What a webhook event points at, fetched on demand (v2 payloads carry ids only). */
export type WebhookEventTarget =
  | { kind: 'employee'; record: Employee }
  | { kind: 'time_off_request'; record: TimeOffRequest }
  | { kind: 'gone' };

/**
 * The HiBob connector: one per connection (child container). It wires the client and the readers; each
 * capability is a one-line delegation, so a new read (compensation, attendance) is one more method.
 */
@injectable()
export class HiBobConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = HIBOB;
  readonly capabilities = HIBOB_CAPABILITIES;
  readonly client: HiBobClient;
  readonly webhooks: HiBobWebhookHandler;
  readonly clock: Clock;
  readonly session: SessionCache;
  readonly employees: EmployeeReader;
  readonly history: HistoryReader;
  readonly timeOff: TimeOffReader;

  constructor(
    @inject(TOKENS.ConnectionConfig) readonly config: HiBobConnectionConfig,
    @inject(TOKENS.ConnectOptions) readonly connectOptions: ConnectOptions,
    @inject(TOKENS.Redactor) readonly redactor: Redactor,
    @inject(TOKENS.Logger) readonly logger: Logger,
    @inject(HIBOB_TOKENS.Options) readonly options: ResolvedHiBobOptions,
    @inject(HIBOB_TOKENS.EmploymentTypeMapping) readonly employmentTypeMapping: EmploymentTypeMapping,
  ) {
    if (config.webhookSecret) redactor.add(config.webhookSecret);
    this.clock = connectOptions.clock ?? systemClock;
    this.client = new HiBobClient({
      config,
      redactor,
      logger,
      clock: this.clock,
      network: connectOptions,
      ...(connectOptions.rateLimits !== undefined ? { rateLimits: connectOptions.rateLimits } : {}),
      ...(connectOptions.rateLimiter ? { rateLimiter: connectOptions.rateLimiter } : {}),
      ...(connectOptions.timeoutMs !== undefined ? { timeoutMs: connectOptions.timeoutMs } : {}),
      ...(connectOptions.retryLimit !== undefined ? { retryLimit: connectOptions.retryLimit } : {}),
    });
    this.session = new SessionCache(this.client, options.employmentTypeField, logger, options.customFieldMap);
    this.history = new HistoryReader(this.client, logger);
    this.employees = new EmployeeReader(
      this.client,
      this.session,
      this.history,
      options,
      () => this.employmentTypeMapping,
      logger,
    );
    this.timeOff = new TimeOffReader(
      this.client,
      this.clock,
      options.timeOffLookbackDays,
      (signal) => this.employees.ids(false, signal),
      logger,
    );
    this.webhooks = new HiBobWebhookHandler(this.clock, logger);
  }

  listEmployees(options: ListEmployeesOptions): AsyncIterable<Employee> {
    return this.employees.list(options);
  }

  getEmployee(remoteIdOrEmail: string, options: GetEmployeeOptions): Promise<Employee> {
    return this.employees.get(remoteIdOrEmail, options);
  }

  async *listEmploymentHistory(options: EmploymentHistoryOptions): AsyncIterable<EmploymentHistoryEntry> {
    checkIdListOptions(options);
    const session = await this.session.get(options.signal);
    const context = mappingContext(session, this.employmentTypeMapping, {
      includeSensitive: false,
      includeRaw: options.includeRaw ?? false,
    });
    const ids = options.employeeIds?.length
      ? [...new Set(options.employeeIds)]
      : await this.employees.ids(true, options.signal);
    const history = await this.history.forEmployees(ids, context, options.signal);
    for (const entries of history.values()) yield* entries;
  }

  listTimeOffRequests(options: TimeOffRangeOptions): AsyncIterable<TimeOffRequest> {
    return this.timeOff.requests(options);
  }

  listTimeOffRequestChanges(options: TimeOffRequestChangesOptions): AsyncIterable<TimeOffRequest> {
    return this.timeOff.requestChanges(options);
  }

  getTimeOffRequest(employeeRemoteId: string, requestRemoteId: string, options: ReadOptions): Promise<TimeOffRequest> {
    return this.timeOff.getRequest(employeeRemoteId, requestRemoteId, options);
  }

  listWhosOut(options: TimeOffRangeOptions): AsyncIterable<Absence> {
    return this.timeOff.whosOut(options);
  }

  listOutToday(options: OutTodayOptions): AsyncIterable<Absence> {
    return this.timeOff.outToday(options);
  }

  listTimeOffBalances(options: TimeOffBalancesOptions): AsyncIterable<TimeOffBalance> {
    return this.timeOff.balances(options);
  }

  listTimeOffPolicies(options: ReadOptions): AsyncIterable<TimeOffPolicy> {
    return this.timeOff.policies(options);
  }

  /** Salary history; core's Connection has already refused it unless `includeCompensation` was set. */
  listCompensation(options: HiBobCompensationOptions): AsyncIterable<Compensation> {
    return listHiBobCompensation(this.payContext, options);
  }

  /** Attendance entries; core's Connection has already refused them unless `includeAttendance` was set. */
  listAttendance(options: AttendanceOptions): AsyncIterable<AttendanceRecord> {
    return listHiBobAttendance(this.payContext, options);
  }

  /** The pay module shares this connection's HTTP client (auth, rate limits, redaction) and logger. */
  get payContext(): PayContext {
    return { http: this.client.http, logger: this.logger };
  }

  /** Fetch the record a webhook event points at; `gone` when it was deleted or is no longer visible. */
  async fetchEventTarget(event: ChangeEvent, options: GetEmployeeOptions = {}): Promise<WebhookEventTarget> {
    if (event.action === 'deleted') return { kind: 'gone' };
    try {
      if (event.entity === 'employee')
        return { kind: 'employee', record: await this.getEmployee(event.remoteId, options) };
      const employeeRemoteId = event.employeeId?.slice(`${HIBOB}:`.length);
      if (!employeeRemoteId) return { kind: 'gone' };
      return {
        kind: 'time_off_request',
        record: await this.getTimeOffRequest(employeeRemoteId, event.remoteId, options),
      };
    } catch (error) {
      if (error instanceof NotFoundError) return { kind: 'gone' };
      throw error;
    }
  }

  private checkContext(session: Session, sensitive: boolean) {
    return mappingContext(session, this.employmentTypeMapping, {
      includeSensitive: sensitive,
      includeRaw: false,
      includeFinancial: sensitive && this.connectOptions.includeFinancial === true,
    });
  }

  async check(): Promise<DiagnosticsReport> {
    const checks = await new HiBobCheck({
      client: this.client,
      session: this.session,
      mapping: this.employmentTypeMapping,
      employmentTypeField: this.options.employmentTypeField,
      webhookSecret: this.config.webhookSecret,
      clock: this.clock,
      // Sensitive categories are probed too (as optional): a consumer may read them with includeSensitive.
      // Financial categories only when the connection opted in: check() never reads bank data it was not asked to.
      fieldsFor: (session) => this.employees.fieldsFor(session, this.checkContext(session, true)),
      defaultFieldsFor: (session) => this.employees.fieldsFor(session, this.checkContext(session, false)),
      includeFinancial: this.connectOptions.includeFinancial === true,
      pay: {
        context: this.payContext,
        includeCompensation: this.connectOptions.includeCompensation === true,
        includeAttendance: this.connectOptions.includeAttendance === true,
      },
    }).run();
    return buildReport(HIBOB, checks, new Date(this.clock.now()));
  }
}
