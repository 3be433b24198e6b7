import {
  type Absence,
  type AttendanceOptions,
  type AttendanceRecord,
  buildReport,
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
  type OutTodayOptions,
  type ReadOptions,
  type Redactor,
  type TimeOffBalance,
  type TimeOffBalancesOptions,
  type TimeOffPolicy,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  type TimeOffRequestChangesOptions,
} from '@hrkit/core';
import { HIBOB_CAPABILITIES } from './capabilities.js';
import { runCheck } from './check.js';
import { HiBobClient } from './client.js';
import { HIBOB, type HiBobConnectionConfig } from './config.js';
import type { HiBobEmploymentTypes } from './mapping/employment-type.js';
import type { ResolvedHiBobOptions } from './options.js';
import { listAttendance } from './readers/attendance.js';
import { type HiBobCompensationOptions, listCompensation } from './readers/compensation.js';
import type { HiBobReadContext } from './readers/context.js';
import { EmployeeReader } from './readers/employees.js';
import { HistoryReader, listEmploymentHistory } from './readers/history.js';
import { TimeOffReader } from './readers/time-off.js';
import { mappingContext, type Session, SessionCache } from './readers/session.js';
import { HiBobWebhookHandler } from './webhooks.js';

/** One connection's parts, as module.ts's factory hands them over. */
export interface HiBobConnectorParts {
  config: HiBobConnectionConfig;
  connect: ConnectOptions;
  redactor: Redactor;
  logger: Logger;
  clock: Clock;
  options: ResolvedHiBobOptions;
  /** The employment-type rules as bound in DI (HIBOB_TOKENS.EmploymentTypeRules / PayrollEmploymentTypeRules). */
  employmentTypes: HiBobEmploymentTypes;
}

/**
 * The HiBob connector: one per connection. It wires the client and the readers; each
 * capability is a one-line delegation, so a new read (compensation, attendance) is one more method.
 */
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

  readonly config: HiBobConnectionConfig;
  readonly connectOptions: ConnectOptions;
  readonly logger: Logger;
  readonly options: ResolvedHiBobOptions;
  /** The customer field's and the payroll labels' rules (core EmploymentTypeRules), as bound in DI. */
  readonly employmentTypes: HiBobEmploymentTypes;

  constructor(parts: HiBobConnectorParts) {
    const { config, connect: connectOptions, redactor, logger, options } = parts;
    this.config = config;
    this.connectOptions = connectOptions;
    this.logger = logger;
    this.options = options;
    this.employmentTypes = parts.employmentTypes;
    if (config.webhookSecret) redactor.add(config.webhookSecret);
    this.clock = parts.clock;
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
      () => this.employmentTypes,
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

  listEmployees = (options: ListEmployeesOptions): AsyncIterable<Employee> => this.employees.list(options);
  getEmployee = (remoteIdOrEmail: string, options: GetEmployeeOptions): Promise<Employee> =>
    this.employees.get(remoteIdOrEmail, options);
  listEmploymentHistory = (options: EmploymentHistoryOptions): AsyncIterable<EmploymentHistoryEntry> =>
    listEmploymentHistory(this, options);
  listTimeOffRequests = (options: TimeOffRangeOptions): AsyncIterable<TimeOffRequest> => this.timeOff.requests(options);
  listTimeOffRequestChanges = (options: TimeOffRequestChangesOptions): AsyncIterable<TimeOffRequest> =>
    this.timeOff.requestChanges(options);
  getTimeOffRequest = (employeeRemoteId: string, requestRemoteId: string, options: ReadOptions) =>
    this.timeOff.getRequest(employeeRemoteId, requestRemoteId, options);
  listWhosOut = (options: TimeOffRangeOptions): AsyncIterable<Absence> => this.timeOff.whosOut(options);
  listOutToday = (options: OutTodayOptions): AsyncIterable<Absence> => this.timeOff.outToday(options);
  listTimeOffBalances = (options: TimeOffBalancesOptions): AsyncIterable<TimeOffBalance> =>
    this.timeOff.balances(options);
  listTimeOffPolicies = (options: ReadOptions): AsyncIterable<TimeOffPolicy> => this.timeOff.policies(options);
  /** Salary history; core's Connection has already refused it unless `includeCompensation` was set. */
  listCompensation = (options: HiBobCompensationOptions): AsyncIterable<Compensation> =>
    listCompensation(this.readContext, options);
  /** Attendance entries; core's Connection has already refused them unless `includeAttendance` was set. */
  listAttendance = (options: AttendanceOptions): AsyncIterable<AttendanceRecord> =>
    listAttendance(this.readContext, options);
  check = async (): Promise<DiagnosticsReport> =>
    buildReport(HIBOB, await runCheck(this.checkDependencies()), new Date(this.clock.now()));

  /** Every readable employee id, for the readers that take "all employees" (history, balances). */
  employeeIds(includeInactive: boolean, signal?: AbortSignal): Promise<string[]> {
    return this.employees.ids(includeInactive, signal);
  }

  /** The function readers share this connection's HTTP client (auth, rate limits, redaction) and logger. */
  get readContext(): HiBobReadContext {
    return { client: this.client, logger: this.logger };
  }

  private checkContext(session: Session, sensitive: boolean) {
    return mappingContext(session, this.employmentTypes, {
      includeSensitive: sensitive,
      includeRaw: false,
      includeFinancial: sensitive && this.connectOptions.includeFinancial === true,
    });
  }

  private checkDependencies() {
    return {
      client: this.client,
      session: this.session,
      employmentTypes: this.employmentTypes,
      employmentTypeField: this.options.employmentTypeField,
      webhookSecret: this.config.webhookSecret,
      clock: this.clock,
      context: this.readContext,
      // Sensitive categories are probed too (as optional): a consumer may read them with includeSensitive.
      // Financial categories only when the connection opted in: check() never reads bank data it was not asked to.
      fieldsFor: (session: Session) => this.employees.fieldsFor(session, this.checkContext(session, true)),
      defaultFieldsFor: (session: Session) => this.employees.fieldsFor(session, this.checkContext(session, false)),
      includeFinancial: this.connectOptions.includeFinancial === true,
      includeCompensation: this.connectOptions.includeCompensation === true,
      includeAttendance: this.connectOptions.includeAttendance === true,
    };
  }
}
