import {
  type CustomFieldValue,
  type DataIssue,
  type Employee,
  emptyPersonalDetails,
  hrkitId,
  type PhoneNumber,
} from '@hrkit/core';
import type { RawEmployeeRow, RawReportField } from '../raw/report.js';
import type { EmploymentTypeRules } from '@hrkit/core';
import type { RawTableRow } from '../raw/tables.js';
import { mapCustomFieldMap } from './custom-field-map.js';
import { classifyEmploymentType, lifecycleOf } from './employment-type.js';
import { mapEmploymentStatus } from './employment-status.js';
import { mapGroups } from './groups.js';
import { mapLegalEntity } from './legal-entity.js';
import type { PeopleIndex } from './people-index.js';
import { mapTermination } from './termination.js';
import { mapWorkLocation } from './work-location.js';
import { date, instant, text } from './values.js';

export interface EmployeeMappingContext {
  provider: string;
  /** YYYY-MM-DD on the connection's clock. */
  today: string;
  people: PeopleIndex;
  employmentTypes: EmploymentTypeRules;
  /** Column names from the report's `fields`, by id (for labels such as "Employment Status"). */
  fieldNames: ReadonlyMap<string, string>;
  includeSensitive?: boolean;
  includeRaw?: boolean;
  /** Extra aliases the consumer asked for, emitted under `customFields`. */
  customFields?: readonly string[];
  /**
   * For leavers whose current Employment Status row is a lifecycle label ("Terminated"): the last type label they
   * had before, from the employmentStatus table, by employee id.
   */
  typeBeforeLeaving?: ReadonlyMap<string, string>;
  /** The latest "Terminated" employmentStatus row per leaver (reason, type, rehire). */
  terminations?: ReadonlyMap<string, RawTableRow>;
  legalEntityField?: string;
  customFieldMap?: Readonly<Record<string, string>>;
}

export function fieldNamesOf(fields: readonly RawReportField[] | null | undefined): Map<string, string> {
  return new Map((fields ?? []).map((field) => [field.id, field.name ?? field.id]));
}

function phones(row: RawEmployeeRow, includeSensitive: boolean): PhoneNumber[] {
  const result: PhoneNumber[] = [];
  const work = text(row.workPhone);
  if (work) {
    const extension = text(row.workPhoneExtension);
    result.push({ kind: 'work', number: extension ? `${work} x${extension}` : work, field: 'workPhone' });
  }
  const mobile = text(row.mobilePhone);
  if (mobile) result.push({ kind: 'mobile', number: mobile, field: 'mobilePhone' });
  const home = text(row.homePhone);
  if (home && includeSensitive) result.push({ kind: 'home', number: home, field: 'homePhone' });
  return result;
}

function personal(row: RawEmployeeRow, includeSensitive: boolean): Employee['personal'] {
  if (!includeSensitive) return emptyPersonalDetails();
  const address = {
    line1: text(row.address1),
    line2: text(row.address2),
    city: text(row.city),
    region: text(row.state),
    postalCode: text(row.zipcode),
    country: text(row.country),
  };
  const nationality = text(row.nationality);
  return {
    dateOfBirth: date(row.dateOfBirth),
    gender: text(row.gender),
    nationalities: nationality ? [nationality] : [],
    maritalStatus: text(row.maritalStatus),
    homeAddress: Object.values(address).some((value) => value !== null) ? address : null,
  };
}

function customFields(row: RawEmployeeRow, context: EmployeeMappingContext): Record<string, CustomFieldValue> {
  const result: Record<string, CustomFieldValue> = {};
  const division = text(row.division);
  if (division)
    result.division = {
      name: context.fieldNames.get('division') ?? 'Division',
      category: 'job',
      value: division,
      label: null,
    };
  for (const alias of context.customFields ?? []) {
    if (!(alias in row)) continue;
    result[alias] = {
      name: context.fieldNames.get(alias) ?? alias,
      category: null,
      value: row[alias] ?? null,
      label: null,
    };
  }
  return result;
}

/** One custom-report (or get-employee) row → the normalized Employee. Pure: no I/O. */
export function mapEmployee(row: RawEmployeeRow, context: EmployeeMappingContext): Employee {
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
