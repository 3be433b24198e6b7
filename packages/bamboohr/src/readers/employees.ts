import type { Employee, GetEmployeeOptions, ListEmployeesOptions } from '@hrkit/core';
import { BAMBOOHR } from '../config.js';
import { isCurrent } from '../mapping/employment-status.js';
import { fieldNamesOf, mapEmployee } from '../mapping/employee.js';
import { PeopleIndex } from '../mapping/people-index.js';
import type { RawEmployeeRow } from '../raw/report.js';
import { type BambooHrReadContext, customFieldOption, extraReportFields, todayIn } from './context.js';
import { employeeReportFields } from './employee-fields.js';
import { historyByEmployee } from './employment-history.js';
import { loadPeople, loadTypesOfLeavers } from './people.js';
import { loadTerminations } from './terminations.js';

// #region read-employees
/** Everyone in one custom report (leavers included, filtered here unless asked for), with history on request. */
export async function* listEmployees(
  context: BambooHrReadContext,
  options: ListEmployeesOptions = {},
): AsyncIterable<Employee> {
  const fields = employeeReportFields({ ...options, customFields: extraReportFields(context) });
  const report = await context.client.customReport(fields, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onDataIssue ? { onDataIssue: options.onDataIssue } : {}),
  });
  const people = new PeopleIndex(BAMBOOHR, report.employees);
  const history = options.includeHistory ? await historyByEmployee(context, people, undefined, options) : undefined;
  const mappingContext = {
    ...employeeMappingContext(context, people, fieldNamesOf(report.fields), options),
    typeBeforeLeaving: await typesOfLeavers(context, report.employees, undefined, options.signal),
    terminations: await loadTerminations(context.client, report.employees, undefined, options.signal),
  };
  for (const row of report.employees) {
    const employee = mapEmployee(row, mappingContext);
    if (!options.includeInactive && !isCurrent(employee.employmentStatus)) continue;
    if (history) employee.employmentHistory = history.get(employee.remoteId) ?? [];
    yield employee;
  }
}

export async function getEmployee(
  context: BambooHrReadContext,
  remoteId: string,
  options: GetEmployeeOptions = {},
): Promise<Employee> {
  const fields = employeeReportFields({ ...options, customFields: extraReportFields(context) });
  const row = await context.client.employee(remoteId, fields, options.signal);
  // supervisorEId names the manager directly; only the employee-number or name forms need the whole index.
  const needsIndex = !row.supervisorEId && (row.supervisorId || row.supervisor);
  const people = needsIndex
    ? (await loadPeople(context.client, todayIn(context), options.signal)).people
    : new PeopleIndex(BAMBOOHR, [row]);
  const employee = mapEmployee(row, {
    ...employeeMappingContext(context, people, new Map(), options),
    typeBeforeLeaving: await typesOfLeavers(context, [row], remoteId, options.signal),
    terminations: await loadTerminations(context.client, [row], remoteId, options.signal),
  });
  if (options.includeHistory)
    employee.employmentHistory = (await historyByEmployee(context, people, [remoteId], options)).get(remoteId) ?? [];
  return employee;
}
// #endregion read-employees

function typesOfLeavers(
  context: BambooHrReadContext,
  rows: readonly RawEmployeeRow[],
  employeeId: string | undefined,
  signal?: AbortSignal,
) {
  return loadTypesOfLeavers(context.client, context.employmentTypes, rows, employeeId, signal);
}

function employeeMappingContext(
  context: BambooHrReadContext,
  people: PeopleIndex,
  fieldNames: ReadonlyMap<string, string>,
  options: GetEmployeeOptions,
) {
  return {
    provider: BAMBOOHR,
    today: todayIn(context),
    people,
    employmentTypes: context.employmentTypes,
    fieldNames,
    includeSensitive: options.includeSensitive === true,
    includeRaw: options.includeRaw === true,
    ...customFieldOption(context),
    ...(context.legalEntityField ? { legalEntityField: context.legalEntityField } : {}),
    ...(context.customFieldMap ? { customFieldMap: context.customFieldMap } : {}),
  };
}
