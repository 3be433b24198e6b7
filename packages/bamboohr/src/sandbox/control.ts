import { ControlError, type SeededGenerator, type WebhookSender } from '@hrkit/sandbox-kit';
import { dailyAmounts } from './state/generate.js';
import type { Company } from './state/company.js';
import type { SandboxEmployee, SandboxTimeOffRequest, SandboxWebhook, TimeOffStatus } from './state/types.js';
import { adminTimestamp, privateKeyFrom } from './webhooks.js';
import { type WebhookInput, webhookIssues } from './routes/webhooks.js';

export interface NewEmployee {
  firstName: string;
  lastName: string;
  hireDate?: string;
  employmentHistoryStatus?: string;
  jobTitle?: string;
  department?: string;
  location?: string;
  /** Manager's employee id. */
  supervisorEId?: string;
  workEmail?: string;
}

/** Plain fields `updateEmployee` may change (job fields add a jobInfo row dated today). */
export type EmployeeUpdate = Partial<
  Pick<
    SandboxEmployee,
    'firstName' | 'lastName' | 'preferredName' | 'workEmail' | 'workPhone' | 'mobilePhone' | 'hireDate'
  >
> & { jobTitle?: string; department?: string; location?: string; employmentHistoryStatus?: string };

export interface NewTimeOffRequest {
  employeeId: string;
  typeId: string;
  start: string;
  end: string;
  status?: TimeOffStatus;
  note?: string;
  /** Replace this request (the old one becomes `superceded`). */
  previousRequest?: string;
}

/**
 * Changes the sandbox company as BambooHR users would, each change stamped for `employees/changed` and sent to
 * matching webhooks. Available programmatically (`sandbox.control`) and over HTTP under `/_sandbox/`.
 */
export class BambooHrSandboxControl {
  private throttle: { remaining: number; status: 429 | 503; retryAfterSeconds: number } | null = null;

  constructor(
    readonly company: Company,
    private readonly sender: WebhookSender,
    private readonly random: SeededGenerator,
  ) {}

  private employee(id: string): SandboxEmployee {
    const employee = this.company.employees.get(id);
    if (!employee) throw new ControlError(404, `no employee ${id}`);
    return employee;
  }

  addEmployee(input: NewEmployee): SandboxEmployee {
    const today = this.company.today();
    const id = this.company.newEmployeeId();
    const hireDate = input.hireDate ?? today;
    const now = this.company.now();
    const employee: SandboxEmployee = {
      id,
      employeeNumber: String(1000 + Number(id) - 1),
      firstName: input.firstName,
      lastName: input.lastName,
      middleName: null,
      preferredName: null,
      workEmail: input.workEmail ?? null,
      homeEmail: null,
      workPhone: null,
      mobilePhone: null,
      homePhone: null,
      hireDate,
      originalHireDate: null,
      terminationDate: null,
      dateOfBirth: null,
      gender: null,
      maritalStatus: null,
      address1: null,
      city: null,
      state: null,
      zipcode: null,
      country: null,
      jobInfo: [
        {
          id: this.company.newRowId(),
          date: hireDate,
          jobTitle: input.jobTitle ?? 'New Hire',
          department: input.department ?? 'Operations',
          location: input.location ?? 'Remote',
          division: 'North America',
          reportsToId: input.supervisorEId ?? null,
        },
      ],
      employmentStatus: [
        {
          id: this.company.newRowId(),
          date: hireDate,
          employmentStatus: input.employmentHistoryStatus ?? 'Full-Time',
          comment: null,
          terminationReasonId: null,
        },
      ],
      compensation: [],
      createdAt: now,
      lastChanged: now,
    };
    this.company.add(employee);
    return employee;
  }

  updateEmployee(id: string, update: EmployeeUpdate): SandboxEmployee {
    const employee = this.employee(id);
    const { jobTitle, department, location, employmentHistoryStatus, ...plain } = update;
    const changed = Object.keys(plain);
    Object.assign(employee, plain);
    if (jobTitle !== undefined || department !== undefined || location !== undefined) {
      const current = this.company.job(employee);
      this.addJobRow(employee, { jobTitle, department, location, base: current });
      changed.push(
        ...Object.entries({ jobTitle, department, location })
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k),
      );
    }
    if (employmentHistoryStatus !== undefined) {
      this.addTableRow(id, 'employmentStatus', { employmentStatus: employmentHistoryStatus }, false);
      changed.push('employmentHistoryStatus');
    }
    this.company.touch(employee, changed);
    return employee;
  }

  private addJobRow(
    employee: SandboxEmployee,
    input: {
      date?: string;
      jobTitle?: string | undefined;
      department?: string | undefined;
      location?: string | undefined;
      reportsToId?: string | null;
      base?: SandboxEmployee['jobInfo'][number] | undefined;
    },
  ) {
    const base = input.base ?? this.company.job(employee);
    employee.jobInfo.push({
      id: this.company.newRowId(),
      date: input.date ?? this.company.today(),
      jobTitle: input.jobTitle ?? base?.jobTitle ?? '',
      department: input.department ?? base?.department ?? '',
      location: input.location ?? base?.location ?? '',
      division: base?.division ?? '',
      reportsToId: input.reportsToId !== undefined ? input.reportsToId : (base?.reportsToId ?? null),
    });
  }

  /** Adds a row to jobInfo / employmentStatus / compensation (values as BambooHR's table columns). */
  addTableRow(id: string, table: string, row: Record<string, unknown>, notify = true): string {
    const employee = this.employee(id);
    const date = typeof row.date === 'string' ? row.date : this.company.today();
    const rowId = this.company.newRowId();
    if (table === 'jobInfo') {
      this.addJobRow(employee, {
        date,
        jobTitle: row.jobTitle as string | undefined,
        department: row.department as string | undefined,
        location: row.location as string | undefined,
        ...(row.reportsToId !== undefined ? { reportsToId: row.reportsToId as string | null } : {}),
      });
    } else if (table === 'employmentStatus') {
      if (typeof row.employmentStatus !== 'string') throw new ControlError(400, '"employmentStatus" is required');
      employee.employmentStatus.push({
        id: rowId,
        date,
        employmentStatus: row.employmentStatus,
        comment: (row.comment as string) ?? null,
        terminationReasonId: null,
      });
    } else if (table === 'compensation') {
      employee.compensation.push({
        id: rowId,
        startDate: (row.startDate as string) ?? date,
        rate: { value: String(row.rate ?? '0.00'), currency: String(row.currency ?? 'USD') },
        type: row.type === 'Hourly' ? 'Hourly' : 'Salary',
        paidPer: row.type === 'Hourly' ? 'Hour' : 'Year',
        reason: (row.reason as string) ?? null,
      });
    } else throw new ControlError(404, `unknown table ${table}`);
    // History fields fire webhooks when the row is in force, as BambooHR does; future rows only stamp the change.
    if (notify)
      this.company.touch(
        employee,
        date <= this.company.today() ? [table === 'employmentStatus' ? 'employmentHistoryStatus' : table] : [],
      );
    return rowId;
  }

  terminateEmployee(id: string, input: { date?: string; reason?: string } = {}): SandboxEmployee {
    const employee = this.employee(id);
    const date = input.date ?? this.company.today();
    employee.terminationDate = date;
    employee.employmentStatus.push({
      id: this.company.newRowId(),
      date,
      employmentStatus: 'Terminated',
      comment: null,
      terminationReasonId: input.reason ?? 'Resignation (Voluntary)',
    });
    this.company.touch(employee, ['terminationDate', 'status', 'employmentHistoryStatus']);
    return employee;
  }

  deleteEmployee(id: string): void {
    if (!this.company.remove(id)) throw new ControlError(404, `no employee ${id}`);
  }

  createTimeOffRequest(input: NewTimeOffRequest): SandboxTimeOffRequest {
    const employee = this.employee(input.employeeId);
    const type = this.company.typeById(input.typeId);
    if (!type) throw new ControlError(400, `unknown time-off type ${input.typeId}`);
    if (!input.start || !input.end || input.end < input.start)
      throw new ControlError(400, 'start and end are required, start ≤ end');
    const today = this.company.today();
    const request: SandboxTimeOffRequest = {
      id: this.company.newRequestId(),
      employeeId: employee.id,
      typeId: type.id,
      start: input.start,
      end: input.end,
      created: today,
      status: input.status ?? 'requested',
      lastChanged: today,
      lastChangedByUserId: '2385',
      unit: type.units,
      dates: dailyAmounts(input.start, input.end, type.units),
      notes: input.note ? { employee: input.note } : {},
      previousRequest: input.previousRequest ?? null,
    };
    if (input.previousRequest) this.setTimeOffStatus(input.previousRequest, 'superceded');
    this.company.addRequest(request);
    return request;
  }

  setTimeOffStatus(requestId: string, status: TimeOffStatus): SandboxTimeOffRequest {
    const request = this.company.requests.get(requestId);
    if (!request) throw new ControlError(404, `no time-off request ${requestId}`);
    request.status = status;
    request.lastChanged = this.company.today();
    return request;
  }

  approve(requestId: string) {
    return this.setTimeOffStatus(requestId, 'approved');
  }
  deny(requestId: string) {
    return this.setTimeOffStatus(requestId, 'denied');
  }
  cancel(requestId: string) {
    return this.setTimeOffStatus(requestId, 'canceled');
  }

  /** Registers a permissioned webhook; returns it with its privateKey (shown once by BambooHR). */
  registerWebhook(input: WebhookInput): SandboxWebhook {
    const issues = webhookIssues(input);
    if (issues.length > 0) throw new ControlError(400, issues.join('; '));
    const privateKey = privateKeyFrom(this.random);
    const endpoint = this.sender.register({ url: input.url as string, secret: privateKey });
    const events =
      Array.isArray(input.events) && input.events.length > 0
        ? (input.events as string[])
        : ['employee_with_fields.updated', 'employee_with_fields.deleted', 'employee_with_fields.created'];
    const webhook: SandboxWebhook = {
      id: this.company.newWebhookId(),
      name: input.name as string,
      url: input.url as string,
      created: adminTimestamp(this.company.now()),
      lastSent: null,
      events,
      monitorFields: (input.monitorFields as string[] | undefined) ?? [],
      postFields: (input.postFields as Record<string, string> | undefined) ?? {},
      format: input.format === 'form-encoded' ? 'form-encoded' : 'json',
      includeCompanyDomain: input.includeCompanyDomain === true,
      privateKey,
      senderId: endpoint.id,
    };
    this.company.webhooks.set(webhook.id, webhook);
    return webhook;
  }

  /** The next `count` API calls answer `status` (429 or legacy 503) with `Retry-After`. */
  throttleNext(count: number, options: { status?: 429 | 503; retryAfterSeconds?: number } = {}): void {
    this.throttle = {
      remaining: count,
      status: options.status ?? 429,
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
    };
  }

  /** Used by the server: whether this call is throttled, and how. */
  takeThrottle(): { status: 429 | 503; retryAfterSeconds: number } | null {
    if (!this.throttle || this.throttle.remaining <= 0) return null;
    this.throttle.remaining--;
    return { status: this.throttle.status, retryAfterSeconds: this.throttle.retryAfterSeconds };
  }

  setDirectoryEnabled(enabled: boolean): void {
    this.company.directoryEnabled = enabled;
  }

  /** Resolves when every queued webhook delivery was delivered or dropped. */
  flushWebhooks(): Promise<void> {
    return this.sender.idle();
  }
}
