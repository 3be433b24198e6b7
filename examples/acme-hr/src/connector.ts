import {
  buildReport,
  type ConnectOptions,
  declareCapabilities,
  type Employee,
  type GetEmployeeOptions,
  type HrConnectorV1,
  type ListEmployeesOptions,
  type Logger,
  paginateCursor,
  type Redactor,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  TOKENS,
} from '@hrkit/core';
import { inject, injectable } from 'inversify';
import { probeAcme } from './check.js';
import { AcmeClient } from './client.js';
import { ACME, type AcmeConnectionConfig } from './config.js';
import { toEmployee, toTimeOffRequest } from './mapping.js';
import { AcmeWebhooks } from './webhooks.js';

// #region capabilities
/** What this adapter implements; everything else is refused with NotSupportedError by the connection facade. */
export const ACME_CAPABILITIES = declareCapabilities({
  'employees.list': true,
  'employees.get': true,
  'timeOff.requests': true,
  webhooks: true,
});
// #endregion capabilities

// #region connector
/**
 * One connection to one Acme account. Resolved per connection in a child container, so the config, options,
 * redactor and logger injected here are this connection's. Explicit `@inject` tokens, `import type` for their types.
 */
@injectable()
export class AcmeConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = ACME;
  readonly capabilities = ACME_CAPABILITIES;
  readonly webhooks = new AcmeWebhooks();
  private readonly client: AcmeClient;

  constructor(
    @inject(TOKENS.ConnectionConfig) config: AcmeConnectionConfig,
    @inject(TOKENS.ConnectOptions) options: ConnectOptions,
    @inject(TOKENS.Redactor) redactor: Redactor,
    @inject(TOKENS.Logger) logger: Logger,
  ) {
    this.client = new AcmeClient(config, options, redactor, logger);
  }

  async *listEmployees(options: ListEmployeesOptions): AsyncIterable<Employee> {
    const pages = paginateCursor(async (cursor) => {
      const page = await this.client.employeesPage(cursor, options.includeInactive === true, options.signal);
      return { items: page.data, nextCursor: page.next_cursor };
    });
    for await (const raw of pages) yield toEmployee(raw, options);
  }

  async getEmployee(remoteId: string, options: GetEmployeeOptions): Promise<Employee> {
    return toEmployee(await this.client.employee(remoteId, options.signal), options);
  }

  async *listTimeOffRequests(options: TimeOffRangeOptions): AsyncIterable<TimeOffRequest> {
    const pages = paginateCursor(async (cursor) => {
      const page = await this.client.leavePage({ from: options.from, to: options.to }, cursor, options.signal);
      return { items: page.data, nextCursor: page.next_cursor };
    });
    for await (const raw of pages) {
      // Acme has no server-side state filter: pending requests are dropped here unless asked for.
      if (raw.state === 'PENDING' && !options.includePending) continue;
      yield toTimeOffRequest(raw, options);
    }
  }

  async check() {
    return buildReport(ACME, await probeAcme(this.client));
  }
}
// #endregion connector
