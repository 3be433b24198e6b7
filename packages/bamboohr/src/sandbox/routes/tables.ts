import { type SandboxRequest, streamReply, textReply } from '@hrkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import { EMPLOYMENT_STATUS_OPTIONS } from '../state/field-catalog.js';
import type { SandboxEmployee } from '../state/types.js';
import { bambooError, negotiate, wantsJson } from '../view/http.js';
import { terminationColumns } from '../state/entities.js';
import { fieldNode, toXml, type XmlNode } from '../view/xml.js';

export const TABLES = ['jobInfo', 'employmentStatus', 'compensation'] as const;
export type TableName = (typeof TABLES)[number];

/** The rows of one table for one employee, all values strings, as BambooHR renders them. */
export function tableRows(
  context: SandboxContext,
  employee: SandboxEmployee,
  table: TableName,
): Record<string, unknown>[] {
  const employeeId = employee.id;
  if (table === 'jobInfo')
    return employee.jobInfo.map((row) => {
      const manager = row.reportsToId ? context.company.employees.get(row.reportsToId) : undefined;
      return {
        id: row.id,
        employeeId,
        date: row.date,
        location: row.location,
        department: row.department,
        division: row.division,
        jobTitle: row.jobTitle,
        reportsTo: manager ? `${manager.firstName} ${manager.lastName}` : null,
        teams: null,
      };
    });
  if (table === 'employmentStatus')
    return employee.employmentStatus.map((row) => ({
      id: row.id,
      employeeId,
      date: row.date,
      employmentStatus: row.employmentStatus,
      comment: row.comment,
      terminationReasonId: row.terminationReasonId,
      terminationTypeId: terminationColumns(row.terminationReasonId).type,
      terminationRehireId: terminationColumns(row.terminationReasonId).rehire,
    }));
  return employee.compensation.map((row) => ({
    id: row.id,
    employeeId,
    startDate: row.startDate,
    rate: row.rate,
    type: row.type,
    exempt: row.type === 'Salary' ? 'Exempt' : 'Non-exempt',
    reason: row.reason,
    comment: null,
    paidPer: row.paidPer,
    paySchedule: 'Twice a month',
  }));
}

function rowXml(row: Record<string, unknown>): XmlNode {
  return {
    name: 'row',
    attributes: { id: String(row.id), employeeId: String(row.employeeId) },
    children: Object.entries(row)
      .filter(([key]) => key !== 'id' && key !== 'employeeId')
      .map(([key, value]) =>
        fieldNode(key, value && typeof value === 'object' ? (value as { value: string }).value : value),
      ),
  };
}

/** `GET /v1/employees/{id|all}/tables/{table}`: history rows, XML unless JSON is asked for. */
function getTable(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const table = request.params.table as TableName;
    if (!TABLES.includes(table)) return bambooError(404, `Table not found: ${request.params.table}`);
    const key = context.keyOf(request);
    if (key.hiddenTables.has(table)) return bambooError(403, `You do not have access to the ${table} table`);
    const id = request.params.id === '0' ? key.employeeId : request.params.id!;
    if (id === 'all') {
      const employees = context.company.employees.values();
      const json = wantsJson(request);
      const chunks = function* () {
        yield json ? '[' : '<?xml version="1.0"?>\n<table>\n';
        let first = true;
        for (const employee of employees)
          for (const row of tableRows(context, employee, table)) {
            yield json
              ? `${first ? '' : ','}${JSON.stringify(row)}`
              : toXml(rowXml(row)).replace(/^<\?xml[^>]*>\n/, '');
            first = false;
          }
        yield json ? ']' : '</table>\n';
      };
      return streamReply(200, chunks(), json ? 'application/json' : 'text/xml; charset=UTF-8');
    }
    const employee = context.company.employees.get(id);
    if (!employee) return bambooError(404, 'Employee not found');
    const rows = tableRows(context, employee, table);
    return negotiate(request, rows, () => ({ name: 'table', children: rows.map(rowXml) }));
  };
}

/** `GET /v1/meta/lists`: list fields and their options (ids are JSON numbers here). */
function metaLists(context: SandboxContext) {
  return (request: SandboxRequest) => {
    const values = (pick: (employee: SandboxEmployee) => string | undefined) => {
      const set = new Set<string>();
      for (const employee of context.company.employees.values()) {
        const value = pick(employee);
        if (value) set.add(value);
      }
      return [...set].sort();
    };
    let optionId = 18_000;
    const list = (id: number, fieldId: number, name: string, alias: string, options: string[]) => ({
      id,
      fieldId,
      manageable: 'yes',
      multiple: 'no',
      name,
      alias,
      options: options.map((option) => ({
        id: optionId++,
        archived: 'no',
        manageable: option === 'Terminated' || option === 'Contractor' ? 'no' : 'yes',
        createdDate: '2025-12-15T22:28:38+00:00',
        archivedDate: null,
        name: option,
      })),
    });
    const lists = [
      list(3440, 16, 'Employment Status', 'employmentHistoryStatus', EMPLOYMENT_STATUS_OPTIONS),
      list(
        3441,
        4,
        'Department',
        'department',
        values((e) => e.jobInfo[0]?.department),
      ),
      list(
        3442,
        17,
        'Job Title',
        'jobTitle',
        values((e) => e.jobInfo[0]?.jobTitle),
      ),
      list(
        3443,
        18,
        'Location',
        'location',
        values((e) => e.jobInfo[0]?.location),
      ),
      list(
        3444,
        1355,
        'Division',
        'division',
        values((e) => e.jobInfo[0]?.division),
      ),
    ];
    if (request.query.get('format')?.toLowerCase() === 'json' && !wantsJson(request))
      return textReply(200, JSON.stringify(lists), 'application/json');
    return negotiate(request, lists, () => ({
      name: 'lists',
      children: lists.map((l) => ({
        name: 'list',
        attributes: { fieldId: l.fieldId, alias: l.alias },
        children: [
          { name: 'name', children: [l.name] },
          {
            name: 'options',
            children: l.options.map((o) => ({
              name: 'option',
              attributes: { id: o.id, archived: o.archived },
              children: [o.name],
            })),
          },
        ],
      })),
    }));
  };
}

export function tableRoutes(context: SandboxContext): void {
  context.api('GET', '/employees/:id/tables/:table', getTable(context));
  context.api('GET', '/meta/lists', metaLists(context));
}
