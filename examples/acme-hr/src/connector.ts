import type {
  EmploymentTypeRules,
  GetEmployeeOptions,
  HrConnectorV1,
  ListEmployeesOptions,
  TimeOffRangeOptions,
} from '@hrkit/core';
import { ACME_CAPABILITIES } from './capabilities.js';
import { checkAcme } from './check.js';
import type { AcmeClient } from './client.js';
import { ACME } from './config.js';
import { getEmployee, listEmployees } from './readers/employees.js';
import { listTimeOffRequests } from './readers/time-off.js';
import { AcmeWebhooks } from './webhooks.js';

// #region connector
/** One connection to one Acme account: one line per capability, each delegating to its reader. */
export class AcmeConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = ACME;
  readonly capabilities = ACME_CAPABILITIES;
  readonly webhooks = new AcmeWebhooks();

  constructor(
    readonly client: AcmeClient,
    private readonly employmentTypes: EmploymentTypeRules,
  ) {}

  listEmployees = (options: ListEmployeesOptions) => listEmployees(this.client, this.employmentTypes, options);
  getEmployee = (id: string, options: GetEmployeeOptions) =>
    getEmployee(this.client, this.employmentTypes, id, options);
  listTimeOffRequests = (options: TimeOffRangeOptions) => listTimeOffRequests(this.client, options);
  check = () => checkAcme(this.client);
}
// #endregion connector
