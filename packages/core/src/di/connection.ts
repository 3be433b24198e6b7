import type { z } from 'zod';
import type { CapabilityName, Capabilities } from '../contract/v1/capabilities.js';
import type { HrConnectorV1 } from '../contract/v1/connector.js';
import { reportDataIssue } from '../contract/v1/data-issues.js';
import type { DiagnosticsReport } from '../contract/v1/diagnostics.js';
import type {
  AttendanceOptions,
  CompensationOptions,
  EmployeeChange,
  EmployeeChangesOptions,
  EmploymentHistoryOptions,
  GetEmployeeOptions,
  ListEmployeesOptions,
  OutTodayOptions,
  ReadOptions,
  TimeOffBalancesOptions,
  TimeOffRangeOptions,
  TimeOffRequestChangesOptions,
} from '../contract/v1/options.js';
import type { WebhookDelivery, WebhookOutcome } from '../contract/v1/webhooks.js';
import { ConfigurationError, NotSupportedError } from '../errors/errors.js';
import type { Redactor } from '../errors/redaction.js';
import { parseProviderData } from '../errors/zod-errors.js';
import { recordIdProblem } from '../http/path-safety.js';
import { AttendanceRecord } from '../model/attendance.js';
import { ChangeEvent } from '../model/change-event.js';
import { Compensation } from '../model/compensation.js';
import type { DataIssue } from '../model/data-issue.js';
import { Employee } from '../model/employee.js';
import { EmploymentHistoryEntry } from '../model/employment-history.js';
import { Absence, TimeOffBalance, TimeOffPolicy, TimeOffRequest } from '../model/time-off.js';
import type { ConnectOptions } from './connect-options.js';
import { registerFinancialSecrets, resolveFinancialOptions } from './financial-read.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What `kit.connect()` returns: the consumer's view of one provider account. It enforces declared capabilities
 * (undeclared → NotSupportedError before any request), the sensitive-data opt-ins, input shapes, and validates
 * every record an adapter emits against the strict model.
 */
export class Connection {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly capabilities: Capabilities;

  constructor(
    readonly connector: HrConnectorV1,
    private readonly options: ConnectOptions,
    private readonly redactor: Redactor,
  ) {
    this.provider = connector.provider;
    this.capabilities = connector.capabilities;
  }

  /** See HrConnectorV1.timeOffRangeIsComplete: whether absence from `timeOff.requests` means deleted. */
  get timeOffRangeIsComplete(): boolean {
    return this.connector.timeOffRangeIsComplete === true;
  }

  supports(capability: CapabilityName): boolean {
    return this.capabilities[capability] === true;
  }

  readonly employees = {
    list: (options: ListEmployeesOptions = {}): AsyncIterable<Employee> => {
      const resolved = resolveFinancialOptions(options, this.options.includeFinancial, this.provider);
      return this.stream('employees.list', Employee, 'employee', () =>
        this.method('listEmployees', 'employees.list')(resolved),
      );
    },
    get: async (remoteId: string, options: GetEmployeeOptions = {}): Promise<Employee> => {
      this.requireId(remoteId, 'remoteId');
      const resolved = resolveFinancialOptions(options, this.options.includeFinancial, this.provider);
      const record = await this.method('getEmployee', 'employees.get')(remoteId, resolved);
      return this.validate(Employee, record, 'employee');
    },
    history: (options: EmploymentHistoryOptions = {}): AsyncIterable<EmploymentHistoryEntry> =>
      this.stream('employees.history', EmploymentHistoryEntry, 'employment history entry', () =>
        this.method('listEmploymentHistory', 'employees.history')(options),
      ),
    changes: (options: EmployeeChangesOptions): AsyncIterable<EmployeeChange> => {
      this.requireInstant(options?.since, 'since');
      return this.method('listEmployeeChanges', 'employees.changes')(options);
    },
  };

  readonly timeOff = {
    requests: (options: TimeOffRangeOptions): AsyncIterable<TimeOffRequest> => {
      this.requireRange(options);
      return this.stream('timeOff.requests', TimeOffRequest, 'time-off request', () =>
        this.method('listTimeOffRequests', 'timeOff.requests')(options),
      );
    },
    requestChanges: (options: TimeOffRequestChangesOptions): AsyncIterable<TimeOffRequest> => {
      this.requireInstant(options?.since, 'since');
      return this.stream('timeOff.requestChanges', TimeOffRequest, 'time-off request', () =>
        this.method('listTimeOffRequestChanges', 'timeOff.requestChanges')(options),
      );
    },
    request: async (employeeRemoteId: string, requestRemoteId: string, options: ReadOptions = {}) => {
      this.requireId(employeeRemoteId, 'employeeRemoteId');
      this.requireId(requestRemoteId, 'requestRemoteId');
      const record = await this.method('getTimeOffRequest', 'timeOff.request')(
        employeeRemoteId,
        requestRemoteId,
        options,
      );
      return this.validate(TimeOffRequest, record, 'time-off request');
    },
    whosOut: (options: TimeOffRangeOptions): AsyncIterable<Absence> => {
      this.requireRange(options);
      return this.stream('timeOff.whosOut', Absence, 'absence', () =>
        this.method('listWhosOut', 'timeOff.whosOut')(options),
      );
    },
    outToday: (options: OutTodayOptions = {}): AsyncIterable<Absence> => {
      if (options.date !== undefined) this.requireDate(options.date, 'date');
      return this.stream('timeOff.outToday', Absence, 'absence', () =>
        this.method('listOutToday', 'timeOff.outToday')(options),
      );
    },
    balances: (options: TimeOffBalancesOptions = {}): AsyncIterable<TimeOffBalance> => {
      if (options.asOf !== undefined) this.requireDate(options.asOf, 'asOf');
      return this.stream('timeOff.balances', TimeOffBalance, 'time-off balance', () =>
        this.method('listTimeOffBalances', 'timeOff.balances')(options),
      );
    },
    policies: (options: ReadOptions = {}): AsyncIterable<TimeOffPolicy> =>
      this.stream('timeOff.policies', TimeOffPolicy, 'time-off policy', () =>
        this.method('listTimeOffPolicies', 'timeOff.policies')(options),
      ),
  };

  readonly compensation = {
    /** Pay data: refused unless `includeCompensation` is set here or on connect. */
    list: (options: CompensationOptions = {}): AsyncIterable<Compensation> => {
      if (!(options.includeCompensation ?? this.options.includeCompensation))
        throw new ConfigurationError(
          'Compensation is sensitive and off by default: pass { includeCompensation: true } to connect() or to this read',
          { field: 'includeCompensation', provider: this.provider },
        );
      return this.stream('compensation', Compensation, 'compensation entry', () =>
        this.method('listCompensation', 'compensation')(options),
      );
    },
  };

  readonly attendance = {
    /** Attendance: refused unless `includeAttendance` is set here or on connect. */
    list: (options: AttendanceOptions): AsyncIterable<AttendanceRecord> => {
      if (!(options?.includeAttendance ?? this.options.includeAttendance))
        throw new ConfigurationError(
          'Attendance is sensitive and off by default: pass { includeAttendance: true } to connect() or to this read',
          { field: 'includeAttendance', provider: this.provider },
        );
      this.requireRange(options);
      return this.stream('attendance', AttendanceRecord, 'attendance record', () =>
        this.method('listAttendance', 'attendance')(options),
      );
    },
  };

  readonly webhooks = {
    /** Verify (raw bytes, constant time) and parse one delivery. */
    handle: (delivery: WebhookDelivery, secret: string): WebhookOutcome => {
      if (!this.supports('webhooks') || !this.connector.webhooks)
        throw new NotSupportedError('webhooks', { provider: this.provider });
      if (typeof secret !== 'string' || secret.length === 0)
        throw new ConfigurationError('A webhook secret is required to verify deliveries', {
          field: 'secret',
          provider: this.provider,
        });
      this.redactor.add(secret);
      const outcome = this.connector.webhooks.handle(delivery, secret);
      // Strict out, as for every read: a signed but odd payload (an empty id…) is a typed error, not a bad event.
      if (outcome.kind === 'events')
        return {
          ...outcome,
          events: outcome.events.map((event) => this.validate(ChangeEvent, event, 'webhook event')),
        };
      return outcome;
    },
  };

  check(): Promise<DiagnosticsReport> {
    return this.connector.check();
  }

  /** Resolve an optional connector method, refusing capabilities the adapter did not declare. */
  private method<K extends keyof HrConnectorV1>(
    name: K,
    capability: CapabilityName,
  ): NonNullable<HrConnectorV1[K]> & Function {
    const fn = this.connector[name];
    if (!this.supports(capability) || typeof fn !== 'function')
      throw new NotSupportedError(capability, { provider: this.provider });
    // Unreadable records are never dropped in silence (docs/architecture.md): a read whose options name no
    // `onDataIssue` fails with InvalidProviderDataError at the first one the adapter reports.
    const failOnIssue = (issue: DataIssue) =>
      reportDataIssue(issue, undefined, { provider: this.provider, what: `record (${capability})` });
    return ((...args: unknown[]) => {
      const last = args[args.length - 1];
      if (isReadOptions(last) && last.onDataIssue === undefined)
        args[args.length - 1] = { ...last, onDataIssue: failOnIssue };
      return (fn as Function).apply(this.connector, args);
    }) as NonNullable<HrConnectorV1[K]> & Function;
  }

  private stream<T>(
    capability: CapabilityName,
    schema: z.ZodType<T>,
    what: string,
    open: () => AsyncIterable<unknown>,
  ): AsyncIterable<T> {
    if (!this.supports(capability)) throw new NotSupportedError(capability, { provider: this.provider });
    const source = open();
    const validate = (record: unknown) => this.validate(schema, record, what);
    // A plain iterator over the adapter's, not a second async generator: one promise per record instead of a
    // generator's queue and resumptions on top of the adapter's own (docs/performance.md › Mapping and listing).
    return {
      [Symbol.asyncIterator](): AsyncIterator<T> {
        const records = source[Symbol.asyncIterator]();
        return {
          next: async () => {
            const step = await records.next();
            if (step.done) return { done: true, value: undefined };
            try {
              return { done: false, value: validate(step.value) };
            } catch (error) {
              // As a `for await` would: a record that fails its check closes the adapter's read.
              await records.return?.();
              throw error;
            }
          },
          return: async (value?: unknown) => {
            await records.return?.(value);
            return { done: true, value: undefined };
          },
        };
      },
    };
  }

  private validate<T>(schema: z.ZodType<T>, record: unknown, what: string): T {
    const recordId = (record as { id?: unknown } | null)?.id;
    // Unmasked bank/identifier values are secrets from here on: neither this error nor a later one may show them.
    if ((schema as z.ZodType) === (Employee as z.ZodType) && record && typeof record === 'object')
      registerFinancialSecrets(record as Employee, this.redactor);
    try {
      // The models are copy-free: the compiled check returns the adapter's record itself; a failure re-runs the parse.
      return parseProviderData(schema, record, {
        provider: this.provider,
        what: `${what} (mapped)`,
        recordId: typeof recordId === 'string' ? recordId : null,
      });
    } catch (error) {
      if (error instanceof Error) error.message = this.redactor.redact(error.message);
      throw error;
    }
  }

  /** Ids go into request paths: `.`/`..` survive encodeURIComponent and would move the request elsewhere. */
  private requireId(value: unknown, field: string): void {
    const problem = recordIdProblem(value);
    if (problem)
      throw new ConfigurationError(`${field} ${problem} (got ${JSON.stringify(value)})`, {
        field,
        provider: this.provider,
      });
  }

  private requireDate(value: unknown, field: string): void {
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
      throw new ConfigurationError(`${field} must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`, {
        field,
        provider: this.provider,
      });
  }

  private requireInstant(value: unknown, field: string): void {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw new ConfigurationError(`${field} must be an ISO date-time (got ${JSON.stringify(value)})`, {
        field,
        provider: this.provider,
      });
  }

  private requireRange(options: { from?: unknown; to?: unknown } | undefined): void {
    this.requireDate(options?.from, 'from');
    this.requireDate(options?.to, 'to');
    if (String(options?.from) > String(options?.to))
      throw new ConfigurationError(`from (${options?.from}) is after to (${options?.to})`, {
        field: 'from',
        provider: this.provider,
      });
  }
}

function isReadOptions(value: unknown): value is { onDataIssue?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
