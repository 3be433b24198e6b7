import { addDays } from '@hrkit/sandbox-kit';
import type { SandboxRequest } from '@hrkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import { usedBetween } from '../state/generate.js';
import type { SandboxTimeOffRequest } from '../state/types.js';
import { bambooError, isDate, negotiate } from '../view/http.js';
import { jsonToXml } from '../view/xml.js';

function amountText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** One request as `GET /v1/time_off/requests` renders it: ids and amounts as strings, `notes` `{}` when empty. */
export function renderRequest(context: SandboxContext, request: SandboxTimeOffRequest) {
  const employee = context.company.employees.get(request.employeeId);
  const type = context.company.typeById(request.typeId);
  const total = Object.values(request.dates).reduce((sum, amount) => sum + amount, 0);
  const open = request.status === 'requested';
  return {
    id: request.id,
    employeeId: request.employeeId,
    status: {
      lastChanged: request.lastChanged,
      lastChangedByUserId: request.lastChangedByUserId,
      status: request.status,
    },
    name: employee ? `${employee.firstName} ${employee.lastName}` : '',
    start: request.start,
    end: request.end,
    created: request.created,
    type: { id: request.typeId, name: type?.name ?? '', icon: type?.icon ?? '' },
    amount: { unit: request.unit, amount: amountText(total) },
    actions: { view: true, edit: open, cancel: open, approve: open, deny: open, bypass: open },
    dates: Object.fromEntries(Object.entries(request.dates).map(([day, amount]) => [day, amountText(amount)])),
    notes: { ...request.notes },
    ...(request.previousRequest ? { previousRequest: request.previousRequest } : {}),
  };
}

/** `GET /v1/time_off/requests?start=&end=`: both dates required; overlap semantics; filters by id/employee/status/type. */
function listRequests(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const start = request.query.get('start');
    const end = request.query.get('end');
    if (!isDate(start) || !isDate(end)) return bambooError(400, 'start and end are required dates (YYYY-MM-DD)');
    const id = request.query.get('id');
    const employeeId = request.query.get('employeeId');
    const statuses = request.query
      .get('status')
      ?.split(',')
      .map((s) => s.trim().toLowerCase());
    const types = request.query
      .get('type')
      ?.split(',')
      .map((s) => s.trim());
    const source = employeeId ? context.company.requestsOf(employeeId) : context.company.requests.values();
    const items: ReturnType<typeof renderRequest>[] = [];
    for (const item of source) {
      if (id && item.id !== id) continue;
      if (item.end < start || item.start > end) continue;
      if (statuses && !statuses.includes(item.status)) continue;
      if (types && !types.includes(item.typeId)) continue;
      items.push(renderRequest(context, item));
    }
    return negotiate(request, items, () => jsonToXml('requests', items));
  };
}

/** `GET /v1/time_off/whos_out`: approved leave and holidays, integer ids, default today → +14 days. */
function whosOut(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const today = context.company.today();
    const start = request.query.get('start') ?? today;
    const end = request.query.get('end') ?? addDays(start, 14);
    if (!isDate(start) || !isDate(end)) return bambooError(400, 'start and end must be dates (YYYY-MM-DD)');
    const entries: { id: number; type: string; employeeId?: number; name: string; start: string; end: string }[] = [];
    for (const item of context.company.requests.values()) {
      if (item.status !== 'approved' || item.end < start || item.start > end) continue;
      const employee = context.company.employees.get(item.employeeId);
      entries.push({
        id: Number(item.id),
        type: 'timeOff',
        employeeId: Number(item.employeeId),
        name: employee ? `${employee.firstName} ${employee.lastName}` : '',
        start: item.start,
        end: item.end,
      });
    }
    for (const holiday of context.company.holidays)
      if (holiday.end >= start && holiday.start <= end)
        entries.push({ id: holiday.id, type: 'holiday', name: holiday.name, start: holiday.start, end: holiday.end });
    entries.sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id);
    return negotiate(request, entries, () => jsonToXml('calendar', entries));
  };
}

/** `GET /v1/employees/{id}/time_off/calculator?end=`: balance per assigned type, strings, `units` plural. */
function calculator(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const key = context.keyOf(request);
    const id = request.params.id === '0' ? key.employeeId : request.params.id!;
    const employee = context.company.employees.get(id);
    if (!employee) return bambooError(404, 'Employee not found');
    const end = request.query.get('end') ?? context.company.today();
    if (!isDate(end)) return bambooError(400, 'end must be a date (YYYY-MM-DD)');
    const yearStart = `${end.slice(0, 4)}-01-01`;
    const accrualStart = employee.hireDate > yearStart ? employee.hireDate : yearStart;
    const months =
      end < accrualStart
        ? 0
        : (Number(end.slice(0, 4)) - Number(accrualStart.slice(0, 4))) * 12 +
          Number(end.slice(5, 7)) -
          Number(accrualStart.slice(5, 7)) +
          1;
    const entries = context.company.types.map((type) => {
      const used = usedBetween(context.company, employee.id, type.id, yearStart, end);
      const accrued = type.monthlyAccrual * months;
      return {
        timeOffType: type.id,
        name: type.name,
        units: type.units,
        balance: (accrued - used).toFixed(2),
        end,
        policyType: type.policyType,
        usedYearToDate: used.toFixed(2),
      };
    });
    return negotiate(request, entries, () => jsonToXml('balances', entries));
  };
}

export function timeOffRoutes(context: SandboxContext): void {
  context.api('GET', '/time_off/requests', listRequests(context));
  context.api('GET', '/time_off/whos_out', whosOut(context));
  context.api('GET', '/employees/:id/time_off/calculator', calculator(context));
  context.api('GET', '/meta/time_off/types', (request) => {
    const body = {
      timeOffTypes: context.company.types.map(({ id, name, units, color, icon }) => ({
        id,
        name,
        units,
        color,
        icon,
        source: 'internal',
      })),
      defaultHours: [
        { name: 'Saturday', amount: '0' },
        { name: 'Sunday', amount: '0' },
        { name: 'default', amount: '8' },
      ],
    };
    return negotiate(request, body, () => jsonToXml('timeOffTypes', body));
  });
  context.api('GET', '/meta/time_off/policies', (request) => {
    const body = context.company.types.map((type, index) => ({
      id: String(100 + index),
      timeOffTypeId: type.id,
      name: `${type.name} Policy`,
      effectiveDate: null,
      type: type.policyType,
    }));
    return negotiate(request, body, () => jsonToXml('policies', body));
  });
}
