import { type SandboxRequest } from '@hrkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import { resolveField } from '../state/field-catalog.js';
import { bambooError, negotiate, timestamp } from '../view/http.js';
import { fieldNode } from '../view/xml.js';
import { directory } from './directory.js';
import { customReport, employeeRow, visibleFields } from './report.js';

/** `GET /v1/employees/{id}?fields=`: only the requested visible fields plus `id`; `0` is the key's owner. */
function getEmployee(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const key = context.keyOf(request);
    const id = request.params.id === '0' ? key.employeeId : request.params.id!;
    const employee = context.company.employees.get(id);
    if (!employee) return bambooError(404, 'Employee not found, Employee not found');
    const requested = (request.query.get('fields') ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    if (requested.length > 400) return bambooError(400, 'At most 400 fields may be requested');
    const onlyCurrent = request.query.get('onlyCurrent') !== 'false';
    const row = employeeRow(
      context,
      employee,
      visibleFields(
        requested.filter((f) => f !== 'id'),
        key,
      ),
      onlyCurrent,
    );
    return negotiate(request, row, () => ({
      name: 'employee',
      attributes: { id: employee.id },
      children: Object.entries(row)
        .filter(([k]) => k !== 'id')
        .map(([k, v]) => fieldNode(k, v)),
    }));
  };
}

/** `GET /v1/employees/changed?since=`: Inserted / Updated / Deleted per employee since an ISO instant. */
function changed(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const sinceText = request.query.get('since');
    const since = sinceText ? Date.parse(sinceText) : Number.NaN;
    if (!sinceText || Number.isNaN(since)) return bambooError(400, 'since must be an ISO 8601 timestamp');
    const type = (request.query.get('type') ?? 'all').toLowerCase();
    if (!['all', 'inserted', 'updated', 'deleted'].includes(type)) return bambooError(400, 'Invalid type');
    const employees: Record<string, { id: string; action: string; lastChanged: string }> = {};
    let latest = 0;
    const add = (id: string, action: string, at: number) => {
      if (at < since || (type !== 'all' && type !== action.toLowerCase())) return;
      employees[id] = { id, action, lastChanged: timestamp(at) };
      latest = Math.max(latest, at);
    };
    for (const employee of context.company.employees.values())
      add(employee.id, employee.createdAt >= since ? 'Inserted' : 'Updated', employee.lastChanged);
    for (const [id, at] of context.company.deleted) add(id, 'Deleted', at);
    const body = { latest: latest ? timestamp(latest) : null, employees };
    return negotiate(request, body, () => ({
      name: 'employees',
      attributes: { latest: body.latest },
      children: Object.values(employees).map((e) => ({
        name: 'employee',
        attributes: { id: e.id, action: e.action, lastChanged: e.lastChanged },
      })),
    }));
  };
}

export function employeeRoutes(context: SandboxContext): void {
  context.api('GET', '/employees/directory', directory(context));
  context.api('GET', '/employees/changed', changed(context));
  context.api('GET', '/employees/:id', getEmployee(context));
  context.api('POST', '/reports/custom', customReport(context));
  context.api('GET', '/meta/fields', (request) => {
    const key = context.keyOf(request);
    const fields = [
      ...new Map([
        ...(function* () {
          for (const alias of [
            'firstName',
            'lastName',
            'hireDate',
            'department',
            'workEmail',
            'employmentHistoryStatus',
            'jobTitle',
            'location',
            'reportsTo',
            'status',
            'employeeNumber',
            'division',
            'terminationDate',
            'dateOfBirth',
            'gender',
            'payRate',
          ])
            if (!key.hiddenFields.has(alias)) {
              const field = resolveField(alias)!;
              yield [alias, { id: field.id, name: field.name, type: field.type, alias }] as const;
            }
        })(),
      ]).values(),
    ];
    return negotiate(request, fields, () => ({
      name: 'fields',
      children: fields.map((f) => ({
        name: 'field',
        attributes: { id: f.id, type: f.type, alias: f.alias },
        children: [f.name],
      })),
    }));
  });
}
