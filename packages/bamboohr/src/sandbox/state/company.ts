import type {
  EmploymentStatusRow,
  Holiday,
  JobInfoRow,
  SandboxEmployee,
  SandboxTimeOffRequest,
  SandboxWebhook,
  TimeOffType,
} from './types.js';

export type EmployeeChangeAction = 'created' | 'updated' | 'deleted';
export type ChangeListener = (change: {
  employeeId: string;
  action: EmployeeChangeAction;
  changedFields: string[];
}) => void;

/** The latest row with `date` ≤ `today` (or the latest of all when `onlyCurrent` is false). */
export function rowInForce<T extends { date: string }>(
  rows: readonly T[],
  today: string,
  onlyCurrent = true,
): T | undefined {
  let found: T | undefined;
  for (const row of rows) {
    if (onlyCurrent && row.date > today) continue;
    if (!found || row.date >= found.date) found = row;
  }
  return found;
}

/**
 * The sandbox company: employees with their history tables, time off, webhooks, and the change log behind
 * `employees/changed`. Everything time-based reads the injected clock, so a fixed "now" gives fixed answers.
 */
export class Company {
  readonly employees = new Map<string, SandboxEmployee>();
  readonly deleted = new Map<string, number>();
  readonly requests = new Map<string, SandboxTimeOffRequest>();
  readonly types: TimeOffType[] = [];
  readonly holidays: Holiday[] = [];
  readonly webhooks = new Map<string, SandboxWebhook>();
  directoryEnabled = true;
  private readonly listeners: ChangeListener[] = [];
  private readonly requestIndex = new Map<string, string[]>();
  private nextIds = { employee: 1, row: 30_000, request: 1_000, webhook: 1 };

  constructor(
    readonly domain: string,
    readonly companyId: string,
    readonly now: () => number,
  ) {}

  private todayCache = { at: Number.NaN, date: '' };

  /** The company's date on the clock (cached: reports ask for it once per cell). */
  today(): string {
    const now = this.now();
    if (now !== this.todayCache.at) this.todayCache = { at: now, date: new Date(now).toISOString().slice(0, 10) };
    return this.todayCache.date;
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  newEmployeeId(): string {
    return String(this.nextIds.employee++);
  }
  newRowId(): string {
    return String(this.nextIds.row++);
  }
  newRequestId(): string {
    return String(this.nextIds.request++);
  }
  newWebhookId(): string {
    return String(this.nextIds.webhook++);
  }

  /** Active unless the termination date has passed. */
  statusOf(employee: SandboxEmployee): 'Active' | 'Inactive' {
    return employee.terminationDate && employee.terminationDate <= this.today() ? 'Inactive' : 'Active';
  }

  job(employee: SandboxEmployee, onlyCurrent = true): JobInfoRow | undefined {
    return rowInForce(employee.jobInfo, this.today(), onlyCurrent) ?? employee.jobInfo[0];
  }

  employment(employee: SandboxEmployee, onlyCurrent = true): EmploymentStatusRow | undefined {
    return rowInForce(employee.employmentStatus, this.today(), onlyCurrent) ?? employee.employmentStatus[0];
  }

  add(employee: SandboxEmployee, notify = true): void {
    this.employees.set(employee.id, employee);
    if (notify) this.emit(employee.id, 'created', []);
  }

  touch(employee: SandboxEmployee, changedFields: string[]): void {
    employee.lastChanged = this.now();
    this.emit(employee.id, 'updated', changedFields);
  }

  remove(id: string): boolean {
    if (!this.employees.delete(id)) return false;
    this.deleted.set(id, this.now());
    for (const request of this.requestsOf(id)) this.requests.delete(request.id);
    this.requestIndex.delete(id);
    this.emit(id, 'deleted', []);
    return true;
  }

  addRequest(request: SandboxTimeOffRequest): void {
    this.requests.set(request.id, request);
    const ids = this.requestIndex.get(request.employeeId);
    if (!ids) this.requestIndex.set(request.employeeId, [request.id]);
    else if (!ids.includes(request.id)) ids.push(request.id);
  }

  requestsOf(employeeId: string): SandboxTimeOffRequest[] {
    const result: SandboxTimeOffRequest[] = [];
    for (const id of this.requestIndex.get(employeeId) ?? []) {
      const request = this.requests.get(id);
      if (request) result.push(request);
    }
    return result;
  }

  typeById(id: string): TimeOffType | undefined {
    return this.types.find((type) => type.id === id);
  }

  private emit(employeeId: string, action: EmployeeChangeAction, changedFields: string[]): void {
    for (const listener of this.listeners) listener({ employeeId, action, changedFields });
  }
}
