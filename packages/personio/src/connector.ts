import type {
  EmployeeChangesOptions,
  GetEmployeeOptions,
  HrConnectorV1,
  ListEmployeesOptions,
  OutTodayOptions,
  ReadOptions,
  TimeOffBalancesOptions,
  TimeOffRangeOptions,
  TimeOffRequestChangesOptions,
} from '@hrkit/core';
import { PERSONIO_CAPABILITIES } from './capabilities.js';
import { checkPersonio } from './check.js';
import type { PersonioClient } from './client.js';
import { PERSONIO } from './config.js';
import type { EmployeeMappingContext } from './mapping/employee.js';
import { getEmployee, listEmployeeChanges, listEmployees } from './readers/employees.js';
import { listTimeOffBalances } from './readers/time-off-balances.js';
import { listTimeOffPolicies } from './readers/time-off-policies.js';
import * as timeOff from './readers/time-off.js';
import { PersonioWebhooks } from './webhooks.js';

/** One connection to one Personio account: one line per capability, each delegating to its reader. */
export class PersonioConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = PERSONIO;
  readonly capabilities = PERSONIO_CAPABILITIES;
  readonly webhooks = new PersonioWebhooks();

  constructor(
    readonly client: PersonioClient,
    private readonly mapping: EmployeeMappingContext,
    private readonly today: () => string,
  ) {}

  listEmployees = (options: ListEmployeesOptions) => listEmployees(this.client, this.mapping, options);
  getEmployee = (id: string, options: GetEmployeeOptions) => getEmployee(this.client, this.mapping, id, options);
  listEmployeeChanges = (options: EmployeeChangesOptions) => listEmployeeChanges(this.client, options);
  listTimeOffRequests = (options: TimeOffRangeOptions) => timeOff.listTimeOffRequests(this.client, options);
  listTimeOffRequestChanges = (options: TimeOffRequestChangesOptions) =>
    timeOff.listTimeOffRequestChanges(this.client, options);
  getTimeOffRequest = (employeeId: string, id: string, options: ReadOptions) =>
    timeOff.getTimeOffRequest(this.client, employeeId, id, options);
  listWhosOut = (options: TimeOffRangeOptions) => timeOff.listWhosOut(this.client, options);
  listOutToday = (options: OutTodayOptions) => {
    const day = options.date ?? this.today();
    return timeOff.listWhosOut(this.client, { ...options, from: day, to: day });
  };
  listTimeOffBalances = (options: TimeOffBalancesOptions) =>
    listTimeOffBalances(this.client, { ...this.mapping, today: this.today() }, options);
  listTimeOffPolicies = (options: ReadOptions) => listTimeOffPolicies(this.client, options);
  check = () => checkPersonio(this.client, this.mapping.categoryField, this.today());
}
