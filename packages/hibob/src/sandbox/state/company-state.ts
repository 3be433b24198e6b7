import type { Clock } from '@hrkit/core';
import { buildFieldCatalog, type FieldContext, type FieldDefinition } from '../data/field-catalog.js';
import type { HiBobCompanyData, BobEmployee, NamedListItem, Policy, PolicyType, TimeOffRequest } from './types.js';
import { dateOf } from './time.js';

/** A change the sandbox announces (the webhook module turns it into a signed v2 delivery). */
export interface CompanyEvent {
  type: string;
  data: Record<string, unknown>;
  /** Employee id who made the change, or `system`. */
  triggeredBy: string;
}

/**
 * The live company: the generated data plus indexes, the clock, and an event bus. Every endpoint
 * reads from here and every control operation writes here, so search, tables and feeds agree.
 */
export class CompanyState {
  readonly fields: FieldDefinition[];
  readonly fieldsById: Map<string, FieldDefinition>;
  private readonly byId = new Map<string, BobEmployee>();
  private readonly byEmail = new Map<string, BobEmployee>();
  private readonly requestsById = new Map<number, TimeOffRequest>();
  private readonly listItems = new Map<string, Map<string, string>>();
  private reportCounts: Map<string, number> | null = null;
  private readonly listeners: Array<(event: CompanyEvent) => void> = [];
  /** Base URL of the running server, for `getApi` links in webhook payloads. */
  baseUrl = 'http://127.0.0.1';

  constructor(
    readonly data: HiBobCompanyData,
    readonly clock: Clock,
  ) {
    this.fields = buildFieldCatalog();
    this.fieldsById = new Map(this.fields.map((field) => [field.id, field]));
    for (const employee of data.employees) this.index(employee);
    for (const request of data.requests) this.requestsById.set(request.requestId, request);
    this.reindexLists();
  }

  now(): number {
    return this.clock.now();
  }

  today(): string {
    return dateOf(this.clock.now());
  }

  get employees(): readonly BobEmployee[] {
    return this.data.employees;
  }

  employee(id: string): BobEmployee | undefined {
    return this.byId.get(id);
  }

  /** Employee by backend id or work email (case-insensitive), as `POST /people/{identifier}` accepts. */
  employeeByIdentifier(identifier: string): BobEmployee | undefined {
    return this.byId.get(identifier) ?? this.byEmail.get(identifier.toLowerCase());
  }

  directReports(id: string): number {
    if (!this.reportCounts) {
      const counts = new Map<string, number>();
      for (const employee of this.data.employees) {
        if (employee.managerId) counts.set(employee.managerId, (counts.get(employee.managerId) ?? 0) + 1);
      }
      this.reportCounts = counts;
    }
    return this.reportCounts.get(id) ?? 0;
  }

  siteName(siteId: number): string | null {
    return this.data.sites.find((site) => site.id === siteId)?.name ?? null;
  }

  fieldContext(): FieldContext {
    return {
      today: this.today(),
      companyId: this.data.companyId,
      employee: (id) => this.byId.get(id),
      directReports: (id) => this.directReports(id),
      siteName: (id) => this.siteName(id),
    };
  }

  /** Display name of a list item (archived ones included), or null. */
  listItemName(listId: string, itemId: string): string | null {
    return this.listItems.get(listId)?.get(itemId) ?? null;
  }

  /** Id of the list item with this display name (or this id), or null. */
  listItemId(listId: string, nameOrId: string): string | null {
    const items = this.listItems.get(listId);
    if (!items) return null;
    if (items.has(nameOrId)) return nameOrId;
    for (const [id, name] of items) if (name === nameOrId) return id;
    return null;
  }

  request(requestId: number): TimeOffRequest | undefined {
    return this.requestsById.get(requestId);
  }

  policyType(name: string): PolicyType | undefined {
    return this.data.policyTypes.find((type) => type.name === name);
  }

  policy(name: string): Policy | undefined {
    return this.data.policies.find((policy) => policy.name === name);
  }

  onEvent(listener: (event: CompanyEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(type: string, data: Record<string, unknown>, triggeredBy = 'system'): void {
    for (const listener of this.listeners) listener({ type, data, triggeredBy });
  }

  // ---- writes used by the control API -------------------------------------------------------

  addEmployeeRecord(employee: BobEmployee): void {
    this.data.employees.push(employee);
    this.index(employee);
    this.reportCounts = null;
  }

  removeEmployeeRecord(id: string): BobEmployee | undefined {
    const employee = this.byId.get(id);
    if (!employee) return undefined;
    this.data.employees.splice(this.data.employees.indexOf(employee), 1);
    this.byId.delete(id);
    this.byEmail.delete(employee.email.toLowerCase());
    this.reportCounts = null;
    return employee;
  }

  reindexEmployee(employee: BobEmployee, previousEmail: string): void {
    this.byEmail.delete(previousEmail.toLowerCase());
    this.byEmail.set(employee.email.toLowerCase(), employee);
    this.reportCounts = null;
  }

  addRequestRecord(request: TimeOffRequest): void {
    this.data.requests.push(request);
    this.requestsById.set(request.requestId, request);
  }

  reindexLists(): void {
    this.listItems.clear();
    for (const list of this.data.namedLists) {
      const names = new Map<string, string>();
      const walk = (items: readonly NamedListItem[]) => {
        for (const item of items) {
          names.set(item.id, item.name);
          walk(item.children);
        }
      };
      walk(list.items);
      this.listItems.set(list.name, names);
    }
  }

  private index(employee: BobEmployee): void {
    this.byId.set(employee.id, employee);
    this.byEmail.set(employee.email.toLowerCase(), employee);
  }
}
