import 'reflect-metadata';
import { timingSafeEqual } from 'node:crypto';
import {
  buildReport,
  clientCredentials,
  type ConnectOptions,
  declareCapabilities,
  type DiagnosticCheck,
  type Employee,
  HttpClient,
  hrkitId,
  type HrConnectorV1,
  type ListEmployeesOptions,
  type Logger,
  paginateCursor,
  PermissionError,
  ProviderError,
  type ProviderDefinition,
  type ProviderPlugin,
  type Redactor,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  TOKENS,
  type WebhookDelivery,
  type WebhookOutcome,
  WebhookVerificationError,
} from '@hrkit/core';
import { ContainerModule, inject, injectable } from 'inversify';
import { z } from 'zod';
import { FAKE_SIGNATURE_HEADER, type FakeEmployeeRow, type FakeLeaveRow, sign } from './fake-sandbox.js';

/** Deliberate defects, each of which some conformance check must catch. */
export type FakeBug =
  | 'duplicates-page-boundary'
  | 'ignores-include-inactive'
  | 'leaks-secret-in-logs'
  | 'no-range-filter'
  | 'webhook-accepts-anything'
  | 'check-always-ok'
  | 'auth-as-provider-error'
  | 'get-differs-from-list'
  | 'unstable-ids'
  | 'declares-whos-out-without-implementing'
  | 'swallows-errors'
  | 'always-raw'
  | 'ignores-include-pending'
  | 'ignores-abort'
  /** Reads the first page of time off and stops. */
  | 'first-time-off-page-only'
  /** Token auth whose exchange is posted as a non-idempotent call: a transient failure is never retried. */
  | 'token-never-retried';

const FakeConfig = z.strictObject({ token: z.string().min(4), baseUrl: z.url() });
type FakeConfig = z.infer<typeof FakeConfig>;
const BUGS = Symbol.for('@hrkit/testkit-test/FakeBugs');

export function fakeHr(bugs: readonly FakeBug[] = [], settings: { tokenAuth?: boolean } = {}): ProviderPlugin {
  const has = (bug: FakeBug) => bugs.includes(bug);
  let unstable = 0;

  @injectable()
  class FakeConnector implements HrConnectorV1 {
    readonly specificationVersion = 'v1' as const;
    readonly provider = 'fakehr';
    readonly capabilities = declareCapabilities({
      'employees.list': true,
      'employees.get': true,
      'timeOff.requests': true,
      'timeOff.whosOut': has('declares-whos-out-without-implementing'),
      webhooks: true,
    });
    private readonly http: HttpClient;

    constructor(
      @inject(TOKENS.ConnectionConfig) private readonly config: FakeConfig,
      @inject(TOKENS.ConnectOptions) options: ConnectOptions,
      @inject(TOKENS.Redactor) redactor: Redactor,
      @inject(TOKENS.Logger) private readonly logger: Logger,
    ) {
      this.http = new HttpClient({
        provider: 'fakehr',
        baseUrl: config.baseUrl,
        auth: settings.tokenAuth
          ? {
              kind: 'token',
              exchange: has('token-never-retried')
                ? async (http) => {
                    const response = await http.request<{ access_token: string }>({
                      method: 'POST',
                      path: '/token',
                      body: new URLSearchParams({ client_secret: config.token }).toString(),
                      headers: { 'content-type': 'application/x-www-form-urlencoded' },
                    });
                    return { value: response.body.access_token };
                  }
                : clientCredentials({ path: '/token', clientId: 'fake', clientSecret: config.token }),
            }
          : { kind: 'header', name: 'authorization', value: `Bearer ${config.token}` },
        redactor,
        logger,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        retry: { limit: options.retryLimit ?? 4, baseDelayMs: 10 },
        mapError: has('auth-as-provider-error')
          ? ({ status, request }) =>
              status === 401 ? new ProviderError('refused', { provider: 'fakehr', request, status }) : undefined
          : undefined,
      });
    }

    async *listEmployees(options: ListEmployeesOptions): AsyncIterable<Employee> {
      if (has('leaks-secret-in-logs')) this.logger.info('listing', { token: this.config.token });
      const inactive = has('ignores-include-inactive') || options.includeInactive === true;
      let previousFirst: FakeEmployeeRow | undefined;
      const rows = paginateCursor(async (cursor) => {
        const page = await this.http.get<{ items: FakeEmployeeRow[]; next: string | null }>('/employees', {
          searchParams: { cursor, include_inactive: inactive },
          ...(options.signal && !has('ignores-abort') ? { signal: options.signal } : {}),
        });
        const items =
          has('duplicates-page-boundary') && previousFirst ? [previousFirst, ...page.body.items] : page.body.items;
        previousFirst = page.body.items.at(-1);
        return { items, nextCursor: page.body.next };
      });
      try {
        for await (const row of rows) yield toEmployee(row, options.includeRaw === true);
      } catch (error) {
        // The classic sync bug: a failed page ends the listing quietly, and the caller sees a short but "complete" list.
        if (!has('swallows-errors')) throw error;
      }
    }

    async getEmployee(remoteId: string): Promise<Employee> {
      const response = await this.http.get<FakeEmployeeRow>(`/employees/${encodeURIComponent(remoteId)}`);
      const employee = toEmployee(response.body);
      return has('get-differs-from-list') ? { ...employee, jobTitle: 'Different' } : employee;
    }

    async *listTimeOffRequests(options: TimeOffRangeOptions): AsyncIterable<TimeOffRequest> {
      const range = has('no-range-filter') ? {} : { from: options.from, to: options.to };
      const rows = paginateCursor(async (cursor) => {
        const page = await this.http.get<{ items: FakeLeaveRow[]; next: string | null }>('/leave', {
          searchParams: {
            cursor,
            ...range,
            include_pending: has('ignores-include-pending') || options.includePending === true,
          },
        });
        const last = has('first-time-off-page-only') ? null : page.body.next;
        return { items: page.body.items, nextCursor: last };
      });
      for await (const row of rows) yield toRequest(row);
    }

    readonly webhooks = {
      handle: (delivery: WebhookDelivery, secret: string): WebhookOutcome => {
        const body = typeof delivery.body === 'string' ? delivery.body : new TextDecoder().decode(delivery.body);
        const signature = delivery.headers[FAKE_SIGNATURE_HEADER];
        if (!has('webhook-accepts-anything')) {
          if (typeof signature !== 'string')
            throw new WebhookVerificationError('missing_signature', 'no signature', { provider: 'fakehr' });
          const expected = Buffer.from(sign(body, secret));
          const given = Buffer.from(signature);
          if (expected.length !== given.length || !timingSafeEqual(expected, given))
            throw new WebhookVerificationError('bad_signature', 'signature mismatch', { provider: 'fakehr' });
        }
        const event = JSON.parse(body) as { employee_id: string; at: string };
        return {
          kind: 'events',
          providerEventType: 'employee.updated',
          events: [
            {
              id: `fakehr:webhook:${event.employee_id}:${event.at}`,
              provider: 'fakehr',
              entity: 'employee',
              action: 'updated',
              entityId: hrkitId('fakehr', event.employee_id),
              remoteId: event.employee_id,
              employeeId: hrkitId('fakehr', event.employee_id),
              occurredAt: null,
              detectedAt: '2026-03-02T09:00:00.000Z',
              origin: 'webhook',
              changedFields: [],
              previousRemoteId: null,
              providerEventType: 'employee.updated',
            },
          ],
        };
      },
    };

    async check() {
      const checks: DiagnosticCheck[] = [];
      const probe = async (id: string, path: string, capabilities: DiagnosticCheck['capabilities']) => {
        try {
          await this.http.get(path);
          checks.push({
            id,
            title: id,
            status: 'ok',
            severity: 'required',
            capabilities,
            summary: 'ok',
            missingFields: [],
            fix: null,
          });
        } catch (error) {
          const missing = error instanceof PermissionError && !has('check-always-ok');
          checks.push({
            id,
            title: id,
            status: missing ? 'missing' : has('check-always-ok') ? 'ok' : 'error',
            severity: 'optional',
            capabilities,
            summary: (error as Error).message,
            missingFields: [],
            fix: missing ? { permission: 'leave:read', steps: ['Give the API token the leave:read scope'] } : null,
          });
        }
      };
      await probe('employees.list', '/employees', ['employees.list', 'employees.get']);
      await probe('timeOff.requests', '/leave', ['timeOff.requests']);
      return buildReport('fakehr', checks);
    }
  }

  const toEmployee = (row: FakeEmployeeRow, includeRaw = false): Employee => {
    const remoteId = `${row.id}${has('unstable-ids') ? `-${unstable++}` : ''}`;
    return {
      id: hrkitId('fakehr', remoteId),
      provider: 'fakehr',
      remoteId,
      employeeNumber: null,
      name: { first: row.name, middle: null, last: null, display: row.name, preferred: null },
      emails: { work: null, personal: null },
      phones: [],
      jobTitle: null,
      department: null,
      workLocation: null,
      legalEntity: null,
      manager: null,
      hireDate: null,
      startDate: null,
      terminationDate: null,
      employmentStatus: {
        value: row.status === 'left' ? 'terminated' : 'active',
        source: { field: 'status', value: row.status, label: null },
        effectiveDate: null,
      },
      employmentType: {
        workerKind: { value: 'unknown', source: null },
        schedule: { value: 'unknown', source: null },
        customerCategory: null,
        unmapped: [],
      },
      weeklyHours: null,
      personal: { dateOfBirth: null, gender: null, nationalities: [], maritalStatus: null, homeAddress: null },
      customFields: {},
      updatedAt: null,
      ...(has('always-raw') || includeRaw ? { raw: { ...row } } : {}),
    };
  };

  const toRequest = (row: FakeLeaveRow): TimeOffRequest => ({
    id: hrkitId('fakehr', row.id),
    provider: 'fakehr',
    remoteId: row.id,
    employee: { id: hrkitId('fakehr', row.employee_id), remoteId: row.employee_id, displayName: null },
    policy: { id: null, name: 'Leave', typeName: null },
    type: { value: 'vacation', source: null },
    status: {
      value: row.state === 'approved' ? 'approved' : 'requested',
      source: { field: 'state', value: row.state, label: null },
    },
    unit: 'days',
    amount: null,
    cost: null,
    rangeType: null,
    start: { date: row.first_day, portion: null, time: null },
    end: { date: row.last_day, portion: null, time: null },
    days: [],
    approver: null,
    note: null,
    editChain: { originalRequestId: null, previousRequestId: null },
    requestedAt: null,
    updatedAt: null,
  });

  const definition: ProviderDefinition<FakeConfig> = {
    key: 'fakehr',
    displayName: 'FakeHR',
    specificationVersion: 'v1',
    capabilities: declareCapabilities({
      'employees.list': true,
      'employees.get': true,
      'timeOff.requests': true,
      'timeOff.whosOut': has('declares-whos-out-without-implementing'),
      webhooks: true,
    }),
    connectionSchema: FakeConfig,
    secretsOf: (config) => (has('leaks-secret-in-logs') ? [] : [config.token]),
    connector: FakeConnector,
  };
  return {
    key: 'fakehr',
    module: new ContainerModule(({ bind }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue(definition);
      bind(BUGS).toConstantValue(bugs);
    }),
  };
}
