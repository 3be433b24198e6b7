import { type SandboxRequest, streamReply } from '@hrkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import { resolveField } from '../state/field-catalog.js';
import type { KeyProfile, SandboxEmployee } from '../state/types.js';
import { fieldValue, viewOf } from '../view/employee-values.js';
import { bambooError } from '../view/http.js';
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

export function employeeRow(
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
export function customReport(context: SandboxContext) {
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
