import type {
  CompensationOptions,
  EmployeeChangesOptions,
  EmploymentHistoryOptions,
  EmploymentTypeRules,
  GetEmployeeOptions,
  HrConnectorV1,
  ListEmployeesOptions,
  OutTodayOptions,
  ReadOptions,
  TimeOffBalancesOptions,
  TimeOffRangeOptions,
  TimeOffRequestChangesOptions,
} from '@hrkit/core';
import { BAMBOOHR_CAPABILITIES } from './capabilities.js';
import { runCheck } from './check.js';
import type { BambooHrClient } from './client.js';
import { BAMBOOHR } from './config.js';
import { todayOf } from './mapping/values.js';
import type { BambooHrOptions } from './options.js';
import { listOutToday, listWhosOut } from './readers/absences.js';
import { listCompensation } from './readers/compensation.js';
import type { BambooHrReadContext } from './readers/context.js';
import { listEmployeeChanges } from './readers/employee-changes.js';
import { getEmployee, listEmployees } from './readers/employees.js';
import { listEmploymentHistory } from './readers/employment-history.js';
import { listTimeOffBalances } from './readers/time-off-balances.js';
import { listTimeOffPolicies } from './readers/time-off-policies.js';
import { getTimeOffRequest, listTimeOffRequestChanges, listTimeOffRequests } from './readers/time-off-requests.js';
import { BambooHrWebhooks } from './webhooks.js';

// #region connector
/** One connection to one BambooHR company: one line per capability, each delegating to its reader. */
export class BambooHrConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = BAMBOOHR;
  readonly capabilities = BAMBOOHR_CAPABILITIES;
  /** `time_off/requests?start&end` returns every request whose leave overlaps the range (docs/sync.md). */
  readonly timeOffRangeIsComplete = true;
  readonly webhooks: BambooHrWebhooks;
  private readonly context: BambooHrReadContext;

  constructor(
    readonly client: BambooHrClient,
    employmentTypes: EmploymentTypeRules,
    options: BambooHrOptions,
    now: () => number,
  ) {
    this.context = {
      client,
      employmentTypes,
      customFields: options.customFields,
      customFieldMap: options.customFieldMap,
      legalEntityField: options.legalEntityField,
      now,
    };
    this.webhooks = new BambooHrWebhooks(BAMBOOHR, now, options.webhooks);
  }

  /** The validated connection config (companyDomain, baseUrl; the key is redacted from every log and error). */
  get config() {
    return this.client.config;
  }

  listEmployees = (options: ListEmployeesOptions = {}) => listEmployees(this.context, options);
  getEmployee = (id: string, options: GetEmployeeOptions = {}) => getEmployee(this.context, id, options);
  listEmploymentHistory = (options: EmploymentHistoryOptions = {}) => listEmploymentHistory(this.context, options);
  listEmployeeChanges = (options: EmployeeChangesOptions) => listEmployeeChanges(this.context, options);
  listTimeOffRequests = (options: TimeOffRangeOptions) => listTimeOffRequests(this.context, options);
  listTimeOffRequestChanges = (options: TimeOffRequestChangesOptions) =>
    listTimeOffRequestChanges(this.context, options);
  getTimeOffRequest = (employeeId: string, requestId: string, options: ReadOptions = {}) =>
    getTimeOffRequest(this.context, employeeId, requestId, options);
  listWhosOut = (options: TimeOffRangeOptions) => listWhosOut(this.context, options);
  listOutToday = (options: OutTodayOptions = {}) => listOutToday(this.context, options);
  listTimeOffBalances = (options: TimeOffBalancesOptions = {}) => listTimeOffBalances(this.context, options);
  listTimeOffPolicies = (options: ReadOptions = {}) => listTimeOffPolicies(this.context, options);
  listCompensation = (options: CompensationOptions = {}) => listCompensation(this.context, options);
  check = () => runCheck(this.client, { today: todayOf(this.context.now()), now: new Date(this.context.now()) });
}
// #endregion connector
