import type { CompanyState } from '../state/company-state.js';
import { tableRows, withCurrency } from '../state/history.js';
import { displayName } from '../state/lifecycle.js';
import type { BobEmployee, TableName, TableRow } from '../state/types.js';

type Rendered = Record<string, unknown>;

/** An employee's table as `GET /people/{id}/<table>` returns its rows (hibob-api.md §2.4). */
export function renderTable(
  employee: BobEmployee,
  table: TableName,
  state: CompanyState,
  includeHumanReadable: boolean,
): Rendered[] {
  const today = state.today();
  return withCurrency(tableRows(employee, table), today).map(({ row, isCurrent, endEffectiveDate }, index) => {
    const common = {
      id: row.id,
      effectiveDate: row.effectiveDate,
      endEffectiveDate,
      isCurrent,
      canBeDeleted: index > 0,
      creationDate: null,
      modificationDate: row.modificationDate,
      change: { changedBy: changedBy(row, state), changedById: row.changedById, reason: row.reason },
    };
    const specific =
      table === 'work'
        ? workRow(row, state)
        : table === 'employment'
          ? employmentRow(row, state)
          : lifecycleRow(row, state);
    const rendered: Rendered = { ...common, ...specific };
    if (includeHumanReadable) rendered.humanReadable = humanCopy(rendered, table, state);
    return rendered;
  });
}

function changedBy(row: TableRow, state: CompanyState): string | null {
  const employee = row.changedById ? state.employee(row.changedById) : undefined;
  return employee ? displayName(employee) : null;
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function workRow(row: TableRow, state: CompanyState): Rendered {
  const v = row.values;
  const manager = typeof v.managerId === 'string' ? state.employee(v.managerId) : undefined;
  const siteId = typeof v.siteId === 'number' ? v.siteId : null;
  return {
    activeEffectiveDate: row.effectiveDate,
    customColumns: {},
    department: text(v.department),
    reportsTo: manager
      ? {
          id: manager.id,
          firstName: manager.firstName,
          surname: manager.surname,
          email: manager.email,
          displayName: displayName(manager),
        }
      : null,
    site: siteId === null ? null : state.siteName(siteId),
    siteId,
    title: text(v.title),
    // The real work row carries the change type as its display string ("New Employee").
    workChangeType:
      typeof v.workChangeType === 'string' ? state.listItemName('workChangeType', v.workChangeType) : null,
  };
}

function workingPattern(weeklyHours: number) {
  const perDay = Math.round((weeklyHours / 5) * 100) / 100;
  return {
    days: {
      monday: perDay,
      tuesday: perDay,
      wednesday: perDay,
      thursday: perDay,
      friday: perDay,
      saturday: 0,
      sunday: 0,
    },
    hoursPerDay: perDay,
    workingPatternId: 1,
    workingPatternType: 'weekly',
  };
}

function employmentRow(row: TableRow, state: CompanyState): Rendered {
  const v = row.values;
  const weeklyHours = typeof v.weeklyHours === 'number' ? v.weeklyHours : null;
  // In the table, contract (and type) come back as display strings ("Full time"), as recorded from a real tenant.
  return {
    contract: typeof v.contract === 'string' ? state.listItemName('employmentstatus', v.contract) : null,
    type: typeof v.type === 'string' ? state.listItemName('payrollEmploymentType', v.type) : null,
    salaryPayType: null,
    weeklyHours,
    fte: typeof v.fte === 'number' ? v.fte : null,
    hoursInDayNotWorked: 0,
    calendarId: null,
    calendarName: null,
    flsaCode: null,
    actualWorkingPattern: weeklyHours === null ? null : workingPattern(weeklyHours),
    siteWorkingPattern: workingPattern(40),
    standardWorkingPattern: null,
    standardWorkingPatternId: null,
    personalWorkingPatternType: null,
    workingPattern: null,
  };
}

function lifecycleRow(row: TableRow, state: CompanyState): Rendered {
  const v = row.values;
  const status = typeof v.status === 'string' ? v.status : null;
  return {
    status: status === null ? null : state.listItemName('lifecycleStatus', status),
    reasonType: typeof v.reasonType === 'string' ? state.listItemName('lifecycleReasonType', v.reasonType) : null,
    employeeStatus: status === 'employed' || status === 'leave' ? 'Active' : 'Inactive',
    leaveReason:
      typeof v.leaveReason === 'string'
        ? (state.listItemName('terminationreason', v.leaveReason) ?? v.leaveReason)
        : null,
  };
}

function humanCopy(row: Rendered, table: TableName, state: CompanyState): Rendered {
  const copy: Rendered = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || typeof value === 'object') continue;
    copy[key] = String(value);
  }
  if (table === 'work') {
    if (typeof row.title === 'string') copy.title = state.listItemName('title', row.title) ?? row.title;
    if (typeof row.department === 'string')
      copy.department = state.listItemName('department', row.department) ?? row.department;
    const reportsTo = row.reportsTo as { displayName?: string } | null;
    if (reportsTo?.displayName) copy.reportsTo = reportsTo.displayName;
  }
  return copy;
}
