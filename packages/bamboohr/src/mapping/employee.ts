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

export function phones(row: RawEmployeeRow, includeSensitive: boolean): PhoneNumber[] {
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

export function personal(row: RawEmployeeRow, includeSensitive: boolean): Employee['personal'] {
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

export function customFields(row: RawEmployeeRow, context: EmployeeMappingContext): Record<string, CustomFieldValue> {
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

/**
 * One custom-report (or get-employee) row → the normalized Employee. Pure: no I/O. What does not change from row to
 * row — field names, options, the employment-type field — is worked out once per mapping context (docs/performance.md
 * › Mapping and listing); mapEmployeePlain (employee-plain.ts) is the reference this must match.
 */
export function mapEmployee(row: RawEmployeeRow, context: EmployeeMappingContext): Employee {
  return compiledFor(context)(row);
}

const compiled = new WeakMap<EmployeeMappingContext, (row: RawEmployeeRow) => Employee>();

function compiledFor(context: EmployeeMappingContext): (row: RawEmployeeRow) => Employee {
  let map = compiled.get(context);
  if (!map) {
    map = compile(context);
    compiled.set(context, map);
  }
  return map;
}

/** "0000-00-00" and "" are BambooHR's "no date", not unreadable ones. */
function isNoDate(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && (value.trim() === '' || value.startsWith('0000-00-00')))
  );
}

function compile(context: EmployeeMappingContext): (row: RawEmployeeRow) => Employee {
  const includeSensitive = context.includeSensitive === true;
  const includeRaw = context.includeRaw === true;
  const { provider, today, people, employmentTypes, legalEntityField, customFieldMap } = context;
  const typeFieldName = context.fieldNames.get('employmentHistoryStatus');
  const hasFieldMap = customFieldMap !== undefined && Object.keys(customFieldMap).length > 0;
  return (row) => {
    // What BambooHR sent but cannot be read is left null and reported on the record, never silently nulled.
    let dataIssues: DataIssue[] | null = null;
    const issue = (field: string, value: unknown, reason: string) => {
      dataIssues ??= [];
      dataIssues.push({ field, value, reason });
    };
    const readName = (field: string, value: unknown) => {
      const read = text(value);
      if (read === null && value !== null && value !== undefined && typeof value !== 'string')
        issue(field, value, 'not a text');
      return read;
    };
    const first = readName('name.first', row.firstName);
    const last = readName('name.last', row.lastName);
    const originalHireDate = date(row.originalHireDate);
    if (originalHireDate === null && !isNoDate(row.originalHireDate))
      issue('hireDate', row.originalHireDate, 'not a date (YYYY-MM-DD)');
    // The status's effective date is derived from the hire date: unreadable with it.
    const hireDate = date(row.hireDate);
    if (hireDate === null && !isNoDate(row.hireDate)) {
      issue('startDate', row.hireDate, 'not a date (YYYY-MM-DD)');
      if (!originalHireDate) issue('hireDate', row.hireDate, 'not a date (YYYY-MM-DD)');
      issue('employmentStatus.effectiveDate', row.hireDate, 'not a date (YYYY-MM-DD)');
    }
    const terminationDate = date(row.terminationDate);
    if (terminationDate === null && !isNoDate(row.terminationDate))
      issue('terminationDate', row.terminationDate, 'not a date (YYYY-MM-DD)');
    const typeLabel = text(row.employmentHistoryStatus);
    const department = text(row.department);
    const company = mapLegalEntity(row, legalEntityField);
    const custom = customFields(row, context);
    const employee: Employee = {
      id: hrkitId(provider, row.id),
      provider,
      remoteId: row.id,
      employeeNumber: text(row.employeeNumber),
      name: {
        first,
        middle: text(row.middleName),
        last,
        display: text(row.displayName) ?? (first && last ? `${first} ${last}` : (first ?? last)),
        preferred: text(row.preferredName),
      },
      emails: { work: text(row.workEmail), personal: text(row.homeEmail) },
      phones: phones(row, includeSensitive),
      jobTitle: text(row.jobTitle),
      department: department ? { id: null, name: department } : null,
      workLocation: mapWorkLocation(row),
      legalEntity: company?.name ?? null,
      company,
      groups: mapGroups(row),
      manager: people.supervisorOf(row),
      hireDate: originalHireDate ?? hireDate,
      startDate: hireDate,
      terminationDate,
      termination: mapTermination(terminationDate, context.terminations?.get(row.id)),
      employmentStatus: mapEmploymentStatus({
        status: text(row.status),
        hireDate,
        terminationDate,
        lifecycle: lifecycleOf(employmentTypes, typeLabel),
        today,
      }),
      employmentType: classifyEmploymentType(
        employmentTypes,
        context.typeBeforeLeaving?.get(row.id) ?? typeLabel,
        typeFieldName,
      ),
      weeklyHours: null,
      personal: personal(row, includeSensitive),
      customFields: hasFieldMap ? { ...custom, ...mapCustomFieldMap(row, customFieldMap, context.fieldNames) } : custom,
      updatedAt: instant(row.lastChanged),
    };
    if (includeRaw) employee.raw = { ...row };
    if (dataIssues !== null) employee.dataIssues = dataIssues;
    return employee;
  };
}
