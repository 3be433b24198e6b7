import { ControlError, type SeededGenerator, UniqueIdIssuer } from '@hrkit/sandbox-kit';
import { EMPLOYMENT_TYPE_FIELD_ID, type EmploymentTypeLabel } from '../data/custom-fields.js';
import { policyNameFor } from '../data/time-off-policies.js';
import type { CompanyState } from './company-state.js';
import { EMPLOYMENT_TABLE_FIELDS, WORK_TABLE_FIELDS, writeFields } from './employee-writes.js';
import { BOB_EVENTS } from './events.js';
import { materialize, tableRows } from './history.js';
import { lifecycleOn } from './lifecycle.js';
import { bobTimestamp } from './time.js';
import { type RequestTiming, shapeRequest, splitHours } from './time-off-shapes.js';
import type { BobEmployee, ChangeType, RequestStatus, TableName, TableRow, TimeOffRequest } from './types.js';

export interface NewEmployeeInput {
  firstName: string;
  surname: string;
  email?: string;
  /** Default today; a future date makes a hired-not-started person. */
  startDate?: string;
  title?: string | null;
  department?: string | null;
  siteId?: number | null;
  managerId?: string | null;
  employmentType?: EmploymentTypeLabel | null;
  payrollType?: string | null;
  contract?: string | null;
}

export interface NewTimeOffRequestInput extends RequestTiming {
  employeeId: string;
  /** Policy type name, e.g. `Holiday`. */
  policyType: string;
  /** Default: `pending` when the policy needs approval, else `approved`. */
  status?: 'pending' | 'approved';
  description?: string | null;
}

/**
 * Data changes made on purpose by tests and the CLI. Every change writes the company state that all
 * endpoints read, appends time-off feed entries, and emits the webhook events HiBob would send.
 */
export class CompanyControl {
  private readonly ids: UniqueIdIssuer;

  constructor(
    private readonly state: CompanyState,
    random: SeededGenerator,
  ) {
    this.ids = new UniqueIdIssuer(random.fork('control-employee-ids'));
  }

  // ---- employees ------------------------------------------------------------------------------

  addEmployee(input: NewEmployeeInput, triggeredBy = 'system'): BobEmployee {
    const { state } = this;
    if (!input.firstName || !input.surname) throw new ControlError(400, '"firstName" and "surname" are required');
    const counters = state.data.counters;
    let id = this.ids.next();
    while (state.employee(id)) id = this.ids.next();
    const email =
      input.email ?? `${input.firstName}.${input.surname}.${counters.nextSeq}@${state.data.domain}`.toLowerCase();
    if (state.employeeByIdentifier(email)) throw new ControlError(409, `an employee with email ${email} exists`);
    const today = state.today();
    const employee: BobEmployee = {
      seq: counters.nextSeq++,
      id,
      idInCompany: counters.nextIdInCompany++,
      firstName: input.firstName,
      surname: input.surname,
      secondName: null,
      email,
      creationDateTime: bobTimestamp(state.now()),
      birthDate: null,
      legalGender: null,
      pronouns: null,
      nationality: [],
      hobbies: [],
      privateEmail: null,
      mobilePhone: null,
      city: null,
      country: null,
      title: null,
      department: null,
      siteId: null,
      managerId: null,
      startDate: input.startDate ?? today,
      lifecycle: 'employed',
      leaveStartDate: null,
      terminationDate: null,
      terminationReason: null,
      terminationType: null,
      probationEndDate: null,
      payrollType: null,
      contract: null,
      weeklyHours: 40,
      fte: 100,
      custom: {},
      extra: {},
      previousTitle: null,
      previousDepartment: null,
      changeDate: null,
      tables: {},
      ext: {},
    };
    state.addEmployeeRecord(employee);
    try {
      writeFields(state, employee, {
        ...(input.title !== undefined ? { 'work.title': input.title } : {}),
        ...(input.department !== undefined ? { 'work.department': input.department } : {}),
        ...(input.siteId !== undefined ? { 'work.siteId': input.siteId } : {}),
        ...(input.managerId !== undefined ? { 'work.manager': input.managerId } : {}),
        ...(input.employmentType !== undefined ? { [EMPLOYMENT_TYPE_FIELD_ID]: input.employmentType } : {}),
        ...(input.payrollType !== undefined ? { 'payroll.employment.type': input.payrollType } : {}),
        ...(input.contract !== undefined ? { 'payroll.employment.contract': input.contract } : {}),
      });
    } catch (error) {
      state.removeEmployeeRecord(employee.id);
      throw error;
    }
    state.emit(BOB_EVENTS.employeeCreated, { employeeId: employee.id }, triggeredBy);
    return employee;
  }

  /** Sets fields by metadata id (custom ones included); history fields also get a table row effective today. */
  updateEmployee(employeeId: string, values: Record<string, unknown>, triggeredBy = 'system'): string[] {
    const employee = this.employee(employeeId);
    const changed = writeFields(this.state, employee, values);
    if (changed.length === 0) return changed;
    if (changed.some((id) => WORK_TABLE_FIELDS.has(id))) this.snapshotRow(employee, 'work', triggeredBy);
    if (changed.some((id) => EMPLOYMENT_TABLE_FIELDS.has(id))) this.snapshotRow(employee, 'employment', triggeredBy);
    this.state.emit(BOB_EVENTS.employeeUpdated, { employeeId, fieldUpdates: changed }, triggeredBy);
    return changed;
  }

  /**
   * Stores a custom field's value verbatim, without checking it against the field's list: what HiBob serves when
   * an item was deleted or an import wrote a stale id. Lets tests reach the adapter's `unmapped` path through the
   * control API. Only custom fields (their values are opaque to the sandbox).
   */
  setUncheckedFieldValue(employeeId: string, fieldId: string, value: unknown, triggeredBy = 'system'): string[] {
    const employee = this.employee(employeeId);
    const field = this.state.fieldsById.get(fieldId);
    if (!field?.custom) throw new ControlError(400, `"${fieldId}" is not a custom field`);
    if (JSON.stringify(employee.custom[fieldId] ?? null) === JSON.stringify(value ?? null)) return [];
    employee.custom[fieldId] = value;
    this.state.emit(BOB_EVENTS.employeeUpdated, { employeeId, fieldUpdates: [fieldId] }, triggeredBy);
    return [fieldId];
  }

  /** Adds an item to a named list (e.g. a fourth employment type); returns it. The id defaults to a fresh number. */
  addListItem(listId: string, input: { name?: unknown; id?: unknown }): { id: string; name: string } {
    const list = this.state.data.namedLists.find((candidate) => candidate.name === listId);
    if (!list) throw new ControlError(404, `no named list "${listId}"`);
    if (typeof input.name !== 'string' || input.name.trim() === '')
      throw new ControlError(400, '"name" must be a non-empty string');
    if (input.id !== undefined && (typeof input.id !== 'string' || input.id === ''))
      throw new ControlError(400, '"id" must be a non-empty string');
    if (this.state.listItemId(listId, input.name) !== null)
      throw new ControlError(409, `list "${listId}" already has an item "${input.name}"`);
    // Deterministic: one more than the list's largest numeric item id (HiBob's custom items are numeric strings).
    const numeric = list.items.map((item) => Number(item.id)).filter(Number.isSafeInteger);
    const id = input.id ?? String(numeric.length ? Math.max(...numeric) + 1 : 1);
    if (this.state.listItemName(listId, id) !== null) throw new ControlError(409, `list "${listId}" has item id ${id}`);
    list.items.push({ id, name: input.name, archived: false, children: [] });
    this.state.reindexLists();
    return { id, name: input.name };
  }

  setEmploymentType(employeeId: string, label: EmploymentTypeLabel | null): string[] {
    return this.updateEmployee(employeeId, { [EMPLOYMENT_TYPE_FIELD_ID]: label });
  }

  /** Terminates on a date (default today). Lifecycle events fire now only when the date has come. */
  terminate(
    employeeId: string,
    input: { terminationDate?: string; reason?: string; type?: string } = {},
    triggeredBy = 'system',
  ): void {
    const employee = this.employee(employeeId);
    const date = input.terminationDate ?? this.state.today();
    // Validate everything before the first write: a refused terminate (400) must leave no trace — no status,
    // no date, no lifecycle row, no webhook.
    this.validateTermination(date, input);
    const changed = writeFields(this.state, employee, {
      'internal.terminationDate': date,
      'internal.terminationReason': input.reason ?? '1001',
    });
    employee.terminationType = input.type ?? '4001';
    this.addRow(
      employee,
      'lifecycle',
      date,
      { status: 'terminated', reasonType: employee.terminationType, leaveReason: employee.terminationReason },
      triggeredBy,
    );
    this.state.emit(
      BOB_EVENTS.employeeUpdated,
      { employeeId, fieldUpdates: [...changed, 'internal.status', 'internal.lifecycleStatus'] },
      triggeredBy,
    );
    if (date <= this.state.today()) {
      this.state.emit(BOB_EVENTS.employeeLeft, { employeeId, effectiveDate: date }, triggeredBy);
      this.state.emit(BOB_EVENTS.employeeInactivated, { employeeId, effectiveDate: date }, triggeredBy);
    }
  }

  private validateTermination(date: unknown, input: { reason?: unknown; type?: unknown }): void {
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new ControlError(400, `"terminationDate" must be a YYYY-MM-DD date`);
    for (const [key, listId] of [
      ['reason', 'terminationreason'],
      ['type', 'lifecycleReasonType'],
    ] as const) {
      const value = input[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || this.state.listItemName(listId, value) === null)
        throw new ControlError(400, `"${key}": ${JSON.stringify(value)} is not an item id of list ${listId}`);
    }
  }

  /** A hired-not-started person starts (start date moves to `startDate`, default today). */
  startEmployment(employeeId: string, startDate = this.state.today(), triggeredBy = 'system'): void {
    const employee = this.employee(employeeId);
    const previous = employee.startDate;
    // Materialize before moving the date: derived rows follow the start date.
    const lifecycleRows = materialize(employee, 'lifecycle');
    const tables = [materialize(employee, 'work'), materialize(employee, 'employment'), lifecycleRows];
    employee.startDate = startDate;
    for (const rows of tables) {
      for (const row of rows) if (row.effectiveDate === previous) row.effectiveDate = startDate;
    }
    const employed = lifecycleRows.find((row) => row.values.status === 'employed' && row.effectiveDate === startDate);
    if (employed) {
      this.state.emit(
        BOB_EVENTS.tableEntryUpdated,
        { employeeId, tableId: 'lifecycle', effectiveDate: startDate },
        triggeredBy,
      );
    } else {
      this.addRow(
        employee,
        'lifecycle',
        startDate,
        { status: 'employed', reasonType: null, leaveReason: null },
        triggeredBy,
      );
    }
    this.state.emit(
      BOB_EVENTS.employeeUpdated,
      { employeeId, fieldUpdates: ['work.startDate', 'internal.status', 'internal.lifecycleStatus'] },
      triggeredBy,
    );
    if (startDate <= this.state.today()) {
      this.state.emit(BOB_EVENTS.employeeJoined, { employeeId, effectiveDate: startDate }, triggeredBy);
      this.state.emit(BOB_EVENTS.employeeActivated, { employeeId, effectiveDate: startDate }, triggeredBy);
    }
  }

  startLeave(employeeId: string, startDate = this.state.today(), triggeredBy = 'system'): void {
    const employee = this.employee(employeeId);
    employee.lifecycle = 'leave';
    employee.leaveStartDate = startDate;
    this.addRow(
      employee,
      'lifecycle',
      startDate,
      { status: 'leave', reasonType: null, leaveReason: 'Leave' },
      triggeredBy,
    );
    this.state.emit(
      BOB_EVENTS.employeeUpdated,
      { employeeId, fieldUpdates: ['internal.lifecycleStatus'] },
      triggeredBy,
    );
    if (startDate <= this.state.today())
      this.state.emit(BOB_EVENTS.employeeTemporaryLeave, { employeeId, effectiveDate: startDate }, triggeredBy);
  }

  returnFromLeave(employeeId: string, date = this.state.today(), triggeredBy = 'system'): void {
    const employee = this.employee(employeeId);
    employee.lifecycle = 'employed';
    employee.leaveStartDate = null;
    this.addRow(employee, 'lifecycle', date, { status: 'employed', reasonType: null, leaveReason: null }, triggeredBy);
    this.state.emit(
      BOB_EVENTS.employeeUpdated,
      { employeeId, fieldUpdates: ['internal.lifecycleStatus'] },
      triggeredBy,
    );
    this.state.emit(BOB_EVENTS.employeeActivated, { employeeId, effectiveDate: date }, triggeredBy);
  }

  deleteEmployee(employeeId: string, triggeredBy = 'system'): void {
    const employee = this.employee(employeeId);
    for (const other of this.state.employees) if (other.managerId === employee.id) other.managerId = employee.managerId;
    this.state.removeEmployeeRecord(employeeId);
    this.state.emit(BOB_EVENTS.employeeDeleted, { employeeId }, triggeredBy);
  }

  /**
   * Adds a history row. Values default to the current ones; when the row is the latest in effect
   * today its values become the employee's current values (so search agrees with the table).
   */
  addTableRow(
    employeeId: string,
    table: TableName,
    input: { effectiveDate: string } & Record<string, unknown>,
    triggeredBy = 'system',
  ): TableRow {
    const employee = this.employee(employeeId);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(input.effectiveDate)))
      throw new ControlError(400, '"effectiveDate" must be a YYYY-MM-DD date');
    const { effectiveDate, ...values } = input;
    const row = this.addRow(
      employee,
      table,
      effectiveDate,
      { ...currentValues(employee, table), ...values },
      triggeredBy,
    );
    this.applyIfCurrent(employee, table, row, triggeredBy);
    return row;
  }

  updateTableRow(
    employeeId: string,
    table: TableName,
    rowId: number,
    values: Record<string, unknown>,
    triggeredBy = 'system',
  ): TableRow {
    const employee = this.employee(employeeId);
    const row = materialize(employee, table).find((candidate) => candidate.id === rowId);
    if (!row) throw new ControlError(404, `no ${table} row ${rowId} for employee ${employeeId}`);
    const { effectiveDate, ...rest } = values;
    if (typeof effectiveDate === 'string') row.effectiveDate = effectiveDate;
    Object.assign(row.values, rest);
    row.modificationDate = this.state.today();
    row.changedById = triggeredBy === 'system' ? null : triggeredBy;
    this.state.emit(
      BOB_EVENTS.tableEntryUpdated,
      { employeeId, tableId: table, effectiveDate: row.effectiveDate },
      triggeredBy,
    );
    this.applyIfCurrent(employee, table, row, triggeredBy);
    return row;
  }

  // ---- time off -------------------------------------------------------------------------------

  createTimeOffRequest(input: NewTimeOffRequestInput, triggeredBy?: string): TimeOffRequest {
    const { state } = this;
    const employee = this.employee(input.employeeId);
    validateHoursAndMinutes(input);
    if (!state.policyType(input.policyType)) throw new ControlError(400, `unknown policy type "${input.policyType}"`);
    const policy = state.policy(policyNameFor(input.policyType, employee.siteId))!;
    const status: RequestStatus = input.status ?? (policy.approvalRequired ? 'pending' : 'approved');
    const request = shapeRequest(
      {
        requestId: state.data.counters.nextRequestId++,
        employeeId: employee.id,
        policy,
        status,
        createdOn: bobTimestamp(state.now()),
        description: input.description ?? null,
      },
      input,
      state.today(),
    );
    state.addRequestRecord(request);
    const by = triggeredBy ?? employee.id;
    this.change(request, status === 'pending' ? 'Pending' : 'Created', null);
    state.emit(BOB_EVENTS.timeoffRequested, this.timeOffData(request), by);
    if (status === 'approved') state.emit(BOB_EVENTS.timeoffApproved, this.timeOffData(request), by);
    return request;
  }

  approveTimeOffRequest(requestId: number, triggeredBy = 'system'): TimeOffRequest {
    const request = this.requestIn(requestId, ['pending']);
    request.status = 'approved';
    this.change(request, 'Created', null);
    this.state.emit(BOB_EVENTS.timeoffApproved, this.timeOffData(request), triggeredBy);
    return request;
  }

  /** A declined request leaves the feed as Canceled (HiBob's changeType enum has no Declined; sandbox choice). */
  declineTimeOffRequest(requestId: number, triggeredBy = 'system'): TimeOffRequest {
    const request = this.requestIn(requestId, ['pending']);
    request.status = 'declined';
    this.change(request, 'Canceled', 'Declined by approver');
    this.state.emit(BOB_EVENTS.timeoffDeclined, this.timeOffData(request), triggeredBy);
    return request;
  }

  cancelTimeOffRequest(requestId: number, triggeredBy = 'system'): TimeOffRequest {
    const request = this.requestIn(requestId, ['pending', 'approved']);
    request.status = 'canceled';
    this.change(request, 'Canceled', 'Canceled by employee');
    this.state.emit(BOB_EVENTS.timeoffCancelled, this.timeOffData(request), triggeredBy);
    return request;
  }

  deleteTimeOffRequest(requestId: number, triggeredBy = 'system'): TimeOffRequest {
    const request = this.requestIn(requestId, ['pending', 'approved', 'declined', 'canceled']);
    request.status = 'deleted';
    this.change(request, 'Deleted', 'Deleted by admin');
    this.state.emit(BOB_EVENTS.timeoffDeleted, this.timeOffData(request), triggeredBy);
    return request;
  }

  /**
   * A hard edit (dates or times): HiBob creates a new request id pointing back with
   * originalRequestId/previousRequestId, and the old id becomes Canceled.
   */
  editTimeOffRequest(requestId: number, timing: Partial<RequestTiming>, triggeredBy = 'system'): TimeOffRequest {
    const { state } = this;
    const previous = this.requestIn(requestId, ['pending', 'approved']);
    validateHoursAndMinutes(timing);
    const policy = state.policy(previous.policyName)!;
    const merged: RequestTiming = {
      type: timing.type ?? previous.type,
      startDate: timing.startDate ?? previous.startDate,
      endDate: timing.endDate !== undefined ? timing.endDate : previous.endDate,
      startPortion: timing.startPortion ?? previous.startPortion,
      endPortion: timing.endPortion ?? previous.endPortion,
      ...(previous.dayPortion ? { dayPortion: previous.dayPortion } : {}),
      ...(previous.hoursOnDate !== null ? splitHoursTiming(previous.hoursOnDate) : {}),
      ...(previous.dailyHours !== null ? { dailyHours: previous.dailyHours } : {}),
      ...(previous.percentageOfDay !== null ? { percentage: previous.percentageOfDay } : {}),
      ...timing,
      // New whole hours without minutes mean exactly those hours, not the old minutes on top.
      ...(timing.hours !== undefined && timing.minutes === undefined ? { minutes: 0 } : {}),
    };
    const next = shapeRequest(
      {
        requestId: state.data.counters.nextRequestId++,
        employeeId: previous.employeeId,
        policy,
        status: previous.status,
        createdOn: bobTimestamp(state.now()),
        description: previous.description,
        reasonCode: previous.reasonCode,
        originalRequestId: previous.originalRequestId ?? previous.requestId,
        previousRequestId: previous.requestId,
      },
      merged,
      state.today(),
    );
    previous.status = 'canceled';
    state.addRequestRecord(next);
    this.change(previous, 'Canceled', 'Request was edited');
    this.change(next, next.status === 'pending' ? 'Pending' : 'Created', null);
    state.emit(
      BOB_EVENTS.timeoffUpdated,
      {
        ...this.timeOffData(next),
        originalRequestId: next.originalRequestId,
        previousRequestId: next.previousRequestId,
      },
      triggeredBy,
    );
    return next;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private employee(employeeId: string): BobEmployee {
    const employee = this.state.employee(employeeId);
    if (!employee) throw new ControlError(404, `no employee ${employeeId}`);
    return employee;
  }

  private requestIn(requestId: number, statuses: RequestStatus[]): TimeOffRequest {
    const request = this.state.request(requestId);
    if (!request) throw new ControlError(404, `no time-off request ${requestId}`);
    if (!statuses.includes(request.status)) {
      throw new ControlError(
        409,
        `time-off request ${requestId} is ${request.status}; expected ${statuses.join(' or ')}`,
      );
    }
    return request;
  }

  private change(request: TimeOffRequest, changeType: ChangeType, changeReason: string | null): void {
    this.state.data.changes.push({ at: this.state.now(), changeType, changeReason, requestId: request.requestId });
  }

  private timeOffData(request: TimeOffRequest): Record<string, unknown> {
    return {
      timeoffRequestId: request.requestId,
      employeeId: request.employeeId,
      getApi: `${this.state.baseUrl}/v1/timeoff/employees/${request.employeeId}/requests/${request.requestId}`,
    };
  }

  private addRow(
    employee: BobEmployee,
    table: TableName,
    effectiveDate: string,
    values: Record<string, unknown>,
    triggeredBy: string,
  ): TableRow {
    const row: TableRow = {
      id: this.state.data.counters.nextRowId++,
      effectiveDate,
      modificationDate: this.state.today(),
      changedById: triggeredBy === 'system' ? null : triggeredBy,
      reason: null,
      values,
    };
    materialize(employee, table).push(row);
    this.state.emit(
      BOB_EVENTS.tableEntryCreated,
      { employeeId: employee.id, tableId: table, effectiveDate },
      triggeredBy,
    );
    return row;
  }

  /** After a field write: record the new current values as a row effective today (or update today's row). */
  private snapshotRow(employee: BobEmployee, table: 'work' | 'employment', triggeredBy: string): void {
    const today = this.state.today();
    const values = { ...currentValues(employee, table), ...(table === 'work' ? { workChangeType: '5003' } : {}) };
    const existing = materialize(employee, table).find((row) => row.effectiveDate === today);
    if (existing) {
      Object.assign(existing.values, values);
      existing.modificationDate = today;
      this.state.emit(
        BOB_EVENTS.tableEntryUpdated,
        { employeeId: employee.id, tableId: table, effectiveDate: today },
        triggeredBy,
      );
    } else {
      this.addRow(employee, table, today, values, triggeredBy);
    }
  }

  private applyIfCurrent(employee: BobEmployee, table: TableName, row: TableRow, triggeredBy: string): void {
    const today = this.state.today();
    if (row.effectiveDate > today) return;
    const latest = tableRows(employee, table)
      .filter((candidate) => candidate.effectiveDate <= today)
      .reduce<TableRow | null>(
        (best, candidate) => (!best || candidate.effectiveDate >= best.effectiveDate ? candidate : best),
        null,
      );
    if (latest !== row) return;
    let changed: string[] = [];
    if (table === 'work') {
      changed = writeFields(this.state, employee, {
        'work.title': row.values.title ?? null,
        'work.department': row.values.department ?? null,
        'work.siteId': row.values.siteId ?? null,
        'work.manager': row.values.managerId ?? null,
      });
    } else if (table === 'employment') {
      changed = writeFields(this.state, employee, {
        'payroll.employment.type': row.values.type ?? null,
        'payroll.employment.contract': row.values.contract ?? null,
        'payroll.employment.weeklyHours': row.values.weeklyHours ?? null,
        'payroll.employment.fte': row.values.fte ?? null,
      });
    } else {
      const status = row.values.status;
      if (status === 'leave') {
        employee.lifecycle = 'leave';
        employee.leaveStartDate = row.effectiveDate;
      } else if (status === 'employed') {
        employee.lifecycle = 'employed';
        employee.leaveStartDate = null;
      }
      changed = lifecycleOn(employee, today) ? ['internal.lifecycleStatus'] : [];
    }
    if (changed.length > 0)
      this.state.emit(BOB_EVENTS.employeeUpdated, { employeeId: employee.id, fieldUpdates: changed }, triggeredBy);
  }
}

/**
 * HiBob's request body takes whole `hours` and a separate whole `minutes` (hibob-api.md §5.7): a fractional hour
 * count is refused like HiBob would, so tests cannot build requests HiBob could not hold.
 */
function splitHoursTiming(hoursOnDate: number): { hours: number; minutes: number } {
  const { hours, minutes } = splitHours(hoursOnDate);
  return { hours: hours ?? 0, minutes: minutes ?? 0 };
}

function validateHoursAndMinutes(timing: Partial<RequestTiming>): void {
  if (timing.hours !== undefined && (!Number.isInteger(timing.hours) || timing.hours < 0))
    throw new ControlError(
      400,
      `"hours" must be a whole number of hours (put the rest in "minutes"), got ${timing.hours}`,
    );
  if (timing.minutes !== undefined && (!Number.isInteger(timing.minutes) || timing.minutes < 0 || timing.minutes > 59))
    throw new ControlError(400, `"minutes" must be a whole number from 0 to 59, got ${timing.minutes}`);
}

function currentValues(employee: BobEmployee, table: TableName): Record<string, unknown> {
  switch (table) {
    case 'work':
      return {
        title: employee.title,
        department: employee.department,
        siteId: employee.siteId,
        managerId: employee.managerId,
        workChangeType: '5003',
      };
    case 'employment':
      return {
        type: employee.payrollType,
        contract: employee.contract,
        weeklyHours: employee.weeklyHours,
        fte: employee.fte,
      };
    case 'lifecycle':
      return { status: 'employed', reasonType: null, leaveReason: null };
  }
}
