import { type DataIssue, type Employee, hrkitId } from '@hrkit/core';
import type { RawEmployeeRow } from '../raw/report.js';
import { mapCustomFieldMap } from './custom-field-map.js';
import { customFields, type EmployeeMappingContext, personal, phones } from './employee.js';
import { classifyEmploymentType, lifecycleOf } from './employment-type.js';
import { mapEmploymentStatus } from './employment-status.js';
import { mapGroups } from './groups.js';
import { mapLegalEntity } from './legal-entity.js';
import { mapTermination } from './termination.js';
import { mapWorkLocation } from './work-location.js';
import { date, instant, text } from './values.js';

/**
 * The report row mapped the plain way: every label, date and field name worked out again for each row. The compiled
 * mapEmployee (employee.ts) must give the same Employee for every row; the equivalence test maps generated companies
 * through both, and the bench refuses a ratio when they differ (docs/performance.md › Mapping and listing).
 */
export function mapEmployeePlain(row: RawEmployeeRow, context: EmployeeMappingContext): Employee {
  const includeSensitive = context.includeSensitive === true;
  // What BambooHR sent but cannot be read is left null and reported on the record, never silently nulled.
  const dataIssues: DataIssue[] = [];
  const readDate = (fields: string[], value: unknown) => {
    const parsed = date(value);
    // "0000-00-00" and "" are BambooHR's "no date", not unreadable ones.
    const empty =
      value === null ||
      value === undefined ||
      (typeof value === 'string' && (value.trim() === '' || value.startsWith('0000-00-00')));
    if (parsed === null && !empty)
      for (const field of fields) dataIssues.push({ field, value, reason: 'not a date (YYYY-MM-DD)' });
    return parsed;
  };
  const readName = (field: string, value: unknown) => {
    const read = text(value);
    if (read === null && value !== null && value !== undefined && typeof value !== 'string')
      dataIssues.push({ field, value, reason: 'not a text' });
    return read;
  };
  const first = readName('name.first', row.firstName);
  const last = readName('name.last', row.lastName);
  const originalHireDate = readDate(['hireDate'], row.originalHireDate);
  // The status's effective date is derived from the hire date: unreadable with it.
  const hireDate = readDate(
    ['startDate', ...(originalHireDate ? [] : ['hireDate']), 'employmentStatus.effectiveDate'],
    row.hireDate,
  );
  const terminationDate = readDate(['terminationDate'], row.terminationDate);
  const typeLabel = text(row.employmentHistoryStatus);
  const department = text(row.department);
  const employee: Employee = {
    id: hrkitId(context.provider, row.id),
    provider: context.provider,
    remoteId: row.id,
    employeeNumber: text(row.employeeNumber),
    name: {
      first,
      middle: text(row.middleName),
      last,
      display: text(row.displayName) ?? ([first, last].filter(Boolean).join(' ') || null),
      preferred: text(row.preferredName),
    },
    emails: { work: text(row.workEmail), personal: text(row.homeEmail) },
    phones: phones(row, includeSensitive),
    jobTitle: text(row.jobTitle),
    department: department ? { id: null, name: department } : null,
    workLocation: mapWorkLocation(row),
    legalEntity: mapLegalEntity(row, context.legalEntityField)?.name ?? null,
    company: mapLegalEntity(row, context.legalEntityField),
    groups: mapGroups(row),
    manager: context.people.supervisorOf(row),
    hireDate: originalHireDate ?? hireDate,
    startDate: hireDate,
    terminationDate,
    termination: mapTermination(terminationDate, context.terminations?.get(row.id)),
    employmentStatus: mapEmploymentStatus({
      status: text(row.status),
      hireDate,
      terminationDate,
      lifecycle: lifecycleOf(context.employmentTypes, typeLabel),
      today: context.today,
    }),
    employmentType: classifyEmploymentType(
      context.employmentTypes,
      context.typeBeforeLeaving?.get(row.id) ?? typeLabel,
      context.fieldNames.get('employmentHistoryStatus'),
    ),
    weeklyHours: null,
    personal: personal(row, includeSensitive),
    customFields: {
      ...customFields(row, context),
      ...mapCustomFieldMap(row, context.customFieldMap, context.fieldNames),
    },
    updatedAt: instant(row.lastChanged),
  };
  if (context.includeRaw) employee.raw = { ...row };
  if (dataIssues.length > 0) employee.dataIssues = dataIssues;
  return employee;
}
