import { type SandboxRequest, streamReply } from '@hrkit/testkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import { resolveField } from '../state/field-catalog.js';
import type { KeyProfile, SandboxEmployee } from '../state/types.js';
import { employeeValue, fieldValue, viewOf } from '../view/employee-values.js';
import { bambooError, negotiate, timestamp } from '../view/http.js';
import { fieldNode, toXml } from '../view/xml.js';

/** Requested names the key may see, as catalogue aliases (unknown or forbidden ones are silently dropped). */
export function visibleFields(requested: readonly string[], key: KeyProfile): { name: string; alias: string }[] {
  const seen = new Set<string>();
  const result: { name: string; alias: string }[] = [];
  for (const name of requested) {
    const field = resolveField(name);
    if (!field || key.hiddenFields.has(field.alias) || seen.has(name)) continue;
    seen.add(name);
    result.push({ name, alias: field.alias });
  }
  return result;
}

function employeeRow(
  context: SandboxContext,
  employee: SandboxEmployee,
  fields: { name: string; alias: string }[],
  onlyCurrent: boolean,
) {
  const view = viewOf(context.company, employee, onlyCurrent);
  const row: Record<string, string | null> = { id: employee.id };
  for (const field of fields) row[field.name] = fieldValue(view, field.alias);
  return row;
}

function* reportJson(
  context: SandboxContext,
  title: string,
  fields: { name: string; alias: string }[],
  employees: Iterable<SandboxEmployee>,
  onlyCurrent: boolean,
) {
  const columns = fields.map((field) => {
    const entry = resolveField(field.alias)!;
    return { id: field.name, type: entry.type, name: entry.name };
  });
  yield `{"title":${JSON.stringify(title)},"fields":${JSON.stringify(columns)},"employees":[`;
  let first = true;
  for (const employee of employees) {
    yield `${first ? '' : ','}${JSON.stringify(employeeRow(context, employee, fields, onlyCurrent))}`;
    first = false;
  }
  yield ']}';
}

function* reportXml(
  context: SandboxContext,
  title: string,
  fields: { name: string; alias: string }[],
  employees: Iterable<SandboxEmployee>,
  onlyCurrent: boolean,
) {
  yield `<?xml version="1.0"?>\n<report>\n <title>${title.replace(/[<&]/g, '')}</title>\n <employees>\n`;
  for (const employee of employees) {
    const row = employeeRow(context, employee, fields, onlyCurrent);
    yield toXml({
      name: 'employee',
      attributes: { id: employee.id },
      children: fields.map((f) => fieldNode(f.name, row[f.name])),
    }).replace(/^<\?xml[^>]*>\n/, '');
  }
  yield ' </employees>\n</report>\n';
}

/** `POST /v1/reports/custom`: all employees incl. leavers, strings everywhere, the strict Content-Type quirk. */
function customReport(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const format = request.query.get('format')?.toLowerCase();
    const accept = request.header('accept') ?? '';
    const asJson = format ? format === 'json' : accept === 'application/json';
    const asXml = format ? format === 'xml' : accept === 'text/xml';
    if (format && !asJson && !asXml)
      return bambooError(400, `The sandbox renders JSON and XML reports only (got ${format})`);
    if (!asJson && !asXml) return bambooError(404, 'Unsupported Accept header; pass ?format=JSON');
    // BambooHR treats anything but exactly application/json as XML and then fails to parse it.
    if ((request.header('content-type') ?? '').trim().toLowerCase() !== 'application/json')
      return bambooError(400, 'Malformed XML');
    const body = request.json() as { title?: unknown; fields?: unknown; filters?: Record<string, unknown> } | undefined;
    if (!body || !Array.isArray(body.fields) || body.fields.some((field) => typeof field !== 'string'))
      return bambooError(400, 'fields must be a list of field names');
    if (body.fields.length > 400) return bambooError(400, 'A report may request at most 400 fields');
    const key = context.keyOf(request);
    const fields = visibleFields(
      (body.fields as string[]).filter((f) => f !== 'id'),
      key,
    );
    const onlyCurrent = request.query.get('onlyCurrent') !== 'false';
    const ids = Array.isArray(body.filters?.employeeIds)
      ? new Set((body.filters.employeeIds as unknown[]).map(String))
      : null;
    const lastChanged = body.filters?.lastChanged as { value?: string; includeNull?: string } | undefined;
    const since = lastChanged?.value ? Date.parse(lastChanged.value) : Number.NaN;
    const selected = function* () {
      for (const employee of context.company.employees.values()) {
        if (ids && !ids.has(employee.id)) continue;
        if (!Number.isNaN(since) && employee.lastChanged < since) continue;
        yield employee;
      }
    };
    const title = typeof body.title === 'string' ? body.title : 'Report';
    return asJson
      ? streamReply(200, reportJson(context, title, fields, selected(), onlyCurrent), 'application/json')
      : streamReply(200, reportXml(context, title, fields, selected(), onlyCurrent), 'text/xml; charset=UTF-8');
  };
}

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

const DIRECTORY_FIELDS = [
  ['displayName', 'text', 'Display name'],
  ['firstName', 'text', 'First name'],
  ['lastName', 'text', 'Last name'],
  ['preferredName', 'text', 'Preferred name'],
  ['jobTitle', 'list', 'Job title'],
  ['workPhone', 'text', 'Work Phone'],
  ['mobilePhone', 'text', 'Mobile Phone'],
  ['workEmail', 'email', 'Work Email'],
  ['department', 'list', 'Department'],
  ['location', 'list', 'Location'],
  ['division', 'list', 'Division'],
  ['supervisor', 'employee', 'Manager'],
  ['photoUploaded', 'bool', 'Employee photo exists'],
] as const;

/** `GET /v1/employees/directory`: Active people only (future hires with onlyCurrent=false), can be disabled (403). */
function directory(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const key = context.keyOf(request);
    if (!key.directory || !context.company.directoryEnabled)
      return bambooError(403, 'The employee directory is not shared with this user');
    const today = context.company.today();
    const withFuture = request.query.get('onlyCurrent') === 'false';
    const employees: Record<string, unknown>[] = [];
    for (const employee of context.company.employees.values()) {
      if (context.company.statusOf(employee) !== 'Active') continue;
      if (employee.hireDate > today && !withFuture) continue;
      const job = context.company.job(employee);
      const manager = job?.reportsToId ? context.company.employees.get(job.reportsToId) : undefined;
      employees.push({
        id: employee.id,
        displayName: employeeValue(context.company, employee, 'displayName'),
        firstName: employee.firstName,
        lastName: employee.lastName,
        preferredName: employee.preferredName,
        jobTitle: job?.jobTitle ?? null,
        workPhone: employee.workPhone,
        mobilePhone: employee.mobilePhone,
        workEmail: employee.workEmail,
        department: job?.department ?? null,
        location: job?.location ?? null,
        division: job?.division ?? null,
        // The directory names the manager "First Last" and never gives an id.
        supervisor: manager ? `${manager.firstName} ${manager.lastName}` : null,
        photoUploaded: false,
        canUploadPhoto: 1,
      });
    }
    if (employees.length === 0) return bambooError(404, 'The directory is empty');
    const fields = [
      ...DIRECTORY_FIELDS.map(([id, type, name]) => ({ id, type, name })),
      { type: 'bool', name: '', id: 'canUploadPhoto' },
    ];
    return negotiate(request, { fields, employees }, () => ({
      name: 'directory',
      children: [
        {
          name: 'fieldset',
          children: fields.map((f) => ({ name: 'field', attributes: { id: f.id }, children: [f.name] })),
        },
        {
          name: 'employees',
          children: employees.map((e) => ({
            name: 'employee',
            attributes: { id: String(e.id) },
            children: Object.entries(e)
              .filter(([k]) => k !== 'id')
              .map(([k, v]) => fieldNode(k, v)),
          })),
        },
      ],
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
