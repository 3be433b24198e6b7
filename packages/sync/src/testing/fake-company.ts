import { createHmac, timingSafeEqual } from 'node:crypto';
import 'reflect-metadata';
import {
  buildReport,
  type CapabilityName,
  type ChangeEvent,
  type DataIssue,
  type DiagnosticCheck,
  declareCapabilities,
  type Employee,
  type EmployeeChange,
  type HrConnectorV1,
  type ListEmployeesOptions,
  NotFoundError,
  type ProviderDefinition,
  type ProviderPlugin,
  TOKENS,
  type TimeOffRequest,
  WebhookVerificationError,
} from '@hrkit/core';
import { ContainerModule, inject, injectable } from 'inversify';
import { z } from 'zod';

const COMPANY = Symbol.for('test/FakeCompany');

/** A tiny mutable HR system behind a fake connector: tests change data here, then sync. */
export class FakeCompany {
  readonly employees = new Map<string, Employee>();
  readonly requests = new Map<string, { request: TimeOffRequest; changedAt: number }>();
  readonly employeeFeed: { change: EmployeeChange; at: number }[] = [];
  /** Provider "now" in ms; tests advance it between syncs. */
  now = Date.parse('2026-06-01T09:00:00.000Z');
  /** Counts reads, so tests can assert incremental syncs do not re-list. */
  readonly calls: Record<string, number> = {};
  /** When set, employee listings fail with it (error-path tests). */
  failWith: Error | null = null;
  /** When set, time-off reads fail with it. */
  timeOffFailWith: Error | null = null;
  /** What `check()` reports. */
  checks: DiagnosticCheck[] = [];
  /** Whether `listTimeOffRequests` is a complete range read (BambooHR) or feed-derived (HiBob). */
  timeOffRangeIsComplete = true;
  /** Records the next employee listings could not read: reported through `onDataIssue`, not yielded. */
  unreadableEmployees: DataIssue[] = [];
  /** Employees listed twice (a duplicate id in the provider's listing). */
  duplicateEmployeeIds: string[] = [];
  /**
   * HiBob-like feed (docs/providers/hibob.md): a declined request appears in the feed as cancelled; only its own read
   * (`getTimeOffRequest`) says declined.
   */
  feedSaysCancelledWhenDeclined = false;
  /** Extra feed snapshots, yielded after the current ones (arrival order ≠ time order). */
  staleFeedSnapshots: TimeOffRequest[] = [];

  constructor(readonly provider = 'fake') {}

  addEmployee(remoteId: string, patch: Partial<Employee> = {}): Employee {
    const employee = { ...employeeFixture(this.provider, remoteId), ...patch };
    this.employees.set(remoteId, employee);
    this.employeeFeed.push({ change: { remoteId, action: 'created', changedAt: this.iso() }, at: this.now });
    return employee;
  }

  updateEmployee(remoteId: string, update: (employee: Employee) => Employee): void {
    const current = this.employees.get(remoteId);
    if (!current) throw new Error(`no employee ${remoteId}`);
    this.employees.set(remoteId, update(structuredClone(current)));
    this.employeeFeed.push({ change: { remoteId, action: 'updated', changedAt: this.iso() }, at: this.now });
  }

  terminate(remoteId: string, date: string): void {
    this.updateEmployee(remoteId, (e) => ({
      ...e,
      terminationDate: date,
      employmentStatus: { value: 'terminated', source: null, effectiveDate: date },
    }));
  }

  removeEmployee(remoteId: string): void {
    this.employees.delete(remoteId);
    this.employeeFeed.push({ change: { remoteId, action: 'deleted', changedAt: this.iso() }, at: this.now });
  }

  addRequest(remoteId: string, employeeRemoteId: string, patch: Partial<TimeOffRequest> = {}): TimeOffRequest {
    const request = { ...requestFixture(this.provider, remoteId, employeeRemoteId), ...patch };
    this.requests.set(remoteId, { request, changedAt: this.now });
    return request;
  }

  setRequestStatus(remoteId: string, status: TimeOffRequest['status']['value']): void {
    const current = this.requests.get(remoteId);
    if (!current) throw new Error(`no request ${remoteId}`);
    this.requests.set(remoteId, {
      request: { ...current.request, status: { value: status, source: null } },
      changedAt: this.now,
    });
  }

  advance(ms: number): void {
    this.now += ms;
  }

  iso(): string {
    return new Date(this.now).toISOString();
  }

  count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
}

export const HIBOB_LIKE: CapabilityName[] = [
  'employees.list',
  'employees.get',
  'timeOff.requestChanges',
  'timeOff.request',
  'webhooks',
];
export const BAMBOO_LIKE: CapabilityName[] = [
  'employees.list',
  'employees.get',
  'employees.changes',
  'timeOff.requests',
];

export const WEBHOOK_SECRET = 'fake-webhook-secret-123';

/** Sign a fake delivery: hex HMAC-SHA256 of the raw body in `x-fake-signature`. */
export function signedDelivery(payload: unknown, secret = WEBHOOK_SECRET) {
  const body = JSON.stringify(payload);
  return { body, headers: { 'x-fake-signature': createHmac('sha256', secret).update(body).digest('hex') } };
}

const FakeConfig = z.strictObject({ token: z.string().min(4) });

export function fakeProvider(company: FakeCompany, supported: readonly CapabilityName[]): ProviderPlugin {
  const key = company.provider;
  const capabilities = declareCapabilities(Object.fromEntries(supported.map((name) => [name, true])));

  @injectable()
  class FakeConnector implements HrConnectorV1 {
    readonly specificationVersion = 'v1' as const;
    readonly provider = key;
    readonly capabilities = capabilities;
    constructor(@inject(COMPANY) readonly company: FakeCompany) {}

    get timeOffRangeIsComplete(): boolean {
      return this.company.timeOffRangeIsComplete;
    }

    async *listEmployees(options: ListEmployeesOptions = {}): AsyncIterable<Employee> {
      this.company.count('listEmployees');
      if (this.company.failWith) throw this.company.failWith;
      const ids = [...this.company.employees.keys()].sort();
      for (const issue of this.company.unreadableEmployees) options.onDataIssue?.(issue);
      for (const id of ids) {
        // Counted as read before it is handed out: tests see how far ahead of the engine's writes a listing runs.
        this.company.count('employeeListed');
        yield structuredClone(this.company.employees.get(id)!);
        if (this.company.duplicateEmployeeIds.includes(id)) yield structuredClone(this.company.employees.get(id)!);
      }
    }

    async getEmployee(remoteId: string): Promise<Employee> {
      this.company.count('getEmployee');
      const found = this.company.employees.get(remoteId);
      if (!found) throw new NotFoundError('employee', remoteId, { provider: key });
      return structuredClone(found);
    }

    async *listEmployeeChanges(options: { since: string }): AsyncIterable<EmployeeChange> {
      this.company.count('listEmployeeChanges');
      const since = Date.parse(options.since);
      for (const entry of this.company.employeeFeed) if (entry.at >= since) yield entry.change;
    }

    async *listTimeOffRequestChanges(options: { since: string; until?: string }): AsyncIterable<TimeOffRequest> {
      this.company.count('listTimeOffRequestChanges');
      if (this.company.timeOffFailWith) throw this.company.timeOffFailWith;
      const since = Date.parse(options.since);
      const until = options.until ? Date.parse(options.until) : Number.POSITIVE_INFINITY;
      const entries = [...this.company.requests.values()].filter((e) => e.changedAt >= since && e.changedAt <= until);
      for (const entry of entries.sort((a, b) => a.changedAt - b.changedAt)) {
        const request = structuredClone(entry.request);
        if (this.company.feedSaysCancelledWhenDeclined && request.status.value === 'declined')
          request.status = { value: 'cancelled', source: null };
        yield request;
      }
      for (const stale of this.company.staleFeedSnapshots) yield structuredClone(stale);
    }

    async *listTimeOffRequests(options: { from: string; to: string }): AsyncIterable<TimeOffRequest> {
      this.company.count('listTimeOffRequests');
      for (const { request } of this.company.requests.values()) {
        const end = request.end?.date ?? request.start.date;
        if (request.start.date <= options.to && end >= options.from) yield structuredClone(request);
      }
    }

    async getTimeOffRequest(_employee: string, requestRemoteId: string): Promise<TimeOffRequest> {
      this.company.count('getTimeOffRequest');
      const found = this.company.requests.get(requestRemoteId);
      if (!found) throw new NotFoundError('time-off request', requestRemoteId, { provider: key });
      return structuredClone(found.request);
    }

    readonly webhooks = {
      handle: (delivery: { body: Uint8Array | string; headers: Record<string, unknown> }, secret: string) => {
        const body = typeof delivery.body === 'string' ? delivery.body : Buffer.from(delivery.body).toString('utf8');
        const signature = delivery.headers['x-fake-signature'];
        if (typeof signature !== 'string') throw new WebhookVerificationError('missing_signature', 'no signature');
        const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('hex'));
        const given = Buffer.from(signature);
        if (expected.length !== given.length || !timingSafeEqual(expected, given))
          throw new WebhookVerificationError('bad_signature', 'signature does not match');
        const payload = JSON.parse(body) as {
          type: string;
          employeeId: string;
          requestId?: string;
          fields?: string[];
          eventId?: string;
        };
        if (payload.type === 'ping') return { kind: 'ping' as const };
        const [entity, action] = payload.type.split('.') as ['employee' | 'timeoff', ChangeEvent['action']];
        const isEmployee = entity === 'employee';
        const remoteId = isEmployee ? payload.employeeId : (payload.requestId ?? '');
        const event: ChangeEvent = {
          id: payload.eventId ?? `fake-delivery-${payload.type}-${remoteId}`,
          provider: key,
          entity: isEmployee ? 'employee' : 'time_off_request',
          action,
          entityId: `${key}:${remoteId}`,
          remoteId,
          employeeId: `${key}:${payload.employeeId}`,
          occurredAt: null,
          detectedAt: new Date(this.company.now).toISOString(),
          origin: 'webhook',
          changedFields: payload.fields ?? [],
          previousRemoteId: null,
          providerEventType: payload.type,
        };
        return { kind: 'events' as const, events: [event], providerEventType: payload.type };
      },
    };

    async check() {
      return buildReport(key, this.company.checks);
    }
  }

  const definition: ProviderDefinition<z.infer<typeof FakeConfig>> = {
    key,
    displayName: key,
    specificationVersion: 'v1',
    capabilities,
    connectionSchema: FakeConfig,
    secretsOf: (config) => [config.token],
    connector: FakeConnector,
  };
  return {
    key,
    module: new ContainerModule(({ bind }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue(definition);
      bind(COMPANY).toConstantValue(company);
    }),
  };
}

export function employeeFixture(provider: string, remoteId: string): Employee {
  return {
    id: `${provider}:${remoteId}`,
    provider,
    remoteId,
    employeeNumber: remoteId,
    name: {
      first: `First${remoteId}`,
      middle: null,
      last: `Last${remoteId}`,
      display: `Person ${remoteId}`,
      preferred: null,
    },
    emails: { work: `p${remoteId}@example.com`, personal: null },
    phones: [],
    jobTitle: 'Engineer',
    department: { id: '1', name: 'R&D' },
    workLocation: null,
    legalEntity: null,
    manager: null,
    hireDate: '2024-01-01',
    startDate: '2024-01-01',
    terminationDate: null,
    employmentStatus: { value: 'active', source: null, effectiveDate: '2024-01-01' },
    employmentType: {
      workerKind: { value: 'employee', source: null },
      schedule: { value: 'full_time', source: null },
      customerCategory: {
        label: 'Direct Employee',
        value: '2',
        field: { id: 'work.custom.field_1', name: 'Employment Type' },
      },
      unmapped: [],
    },
    weeklyHours: 40,
    personal: { dateOfBirth: null, gender: null, nationalities: [], maritalStatus: null, homeAddress: null },
    customFields: {},
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export function requestFixture(provider: string, remoteId: string, employeeRemoteId: string): TimeOffRequest {
  return {
    id: `${provider}:${remoteId}`,
    provider,
    remoteId,
    employee: {
      id: `${provider}:${employeeRemoteId}`,
      remoteId: employeeRemoteId,
      displayName: `Person ${employeeRemoteId}`,
    },
    policy: { id: null, name: 'Holiday', typeName: 'Holiday' },
    type: { value: 'vacation', source: null },
    status: { value: 'approved', source: null },
    unit: 'days',
    amount: 1,
    cost: 1,
    rangeType: 'days',
    start: { date: '2026-06-01', portion: 'all_day', time: null },
    end: { date: '2026-06-01', portion: 'all_day', time: null },
    days: [],
    approver: null,
    note: null,
    editChain: { originalRequestId: null, previousRequestId: null },
    requestedAt: null,
    updatedAt: null,
  };
}
