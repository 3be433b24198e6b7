import { LEGAL_ENTITY_FIELD_ID } from './entities.js';

/** The fields the sandbox knows, by alias, as `/v1/meta/fields` and report `fields` describe them. */
export interface CatalogField {
  alias: string;
  id: number | string;
  name: string;
  type: string;
  /** Sensitive (Personal) or job fields, for access levels. */
  group: 'basic' | 'job' | 'personal' | 'pay' | 'system';
}

const field = (alias: string, id: number | string, name: string, type: string, group: CatalogField['group']) => ({
  alias,
  id,
  name,
  type,
  group,
});

export const FIELD_CATALOG: readonly CatalogField[] = [
  field('id', 'id', 'EEID', 'int', 'system'),
  field('employeeNumber', 636, 'Employee #', 'employee_number', 'basic'),
  field('firstName', 1, 'First Name', 'text', 'basic'),
  field('lastName', 2, 'Last Name', 'text', 'basic'),
  field('middleName', 5, 'Middle Name', 'text', 'basic'),
  field('preferredName', 1358, 'Preferred Name', 'text', 'basic'),
  field('displayName', 'displayName', 'Display Name', 'text', 'basic'),
  field('workEmail', 15, 'Work Email', 'email', 'basic'),
  field('homeEmail', 1357, 'Home Email', 'email', 'personal'),
  field('workPhone', 10, 'Work Phone', 'text', 'basic'),
  field('mobilePhone', 13, 'Mobile Phone', 'text', 'basic'),
  field('homePhone', 14, 'Home Phone', 'text', 'personal'),
  field('hireDate', 3, 'Hire Date', 'date', 'basic'),
  field('originalHireDate', 1359, 'Original Hire Date', 'date', 'basic'),
  field('terminationDate', -38, 'Termination Date', 'date', 'basic'),
  field('status', 387, 'Status', 'status', 'basic'),
  field('employmentHistoryStatus', 16, 'Employment Status', 'list', 'job'),
  field('jobTitle', 17, 'Job Title', 'list', 'job'),
  field('department', 4, 'Department', 'list', 'job'),
  field('location', 18, 'Location', 'list', 'job'),
  field('division', 1355, 'Division', 'list', 'job'),
  field(LEGAL_ENTITY_FIELD_ID, Number(LEGAL_ENTITY_FIELD_ID), 'Legal Entity', 'list', 'job'),
  field('supervisorEId', 'supervisorEId', 'Supervisor EID', 'int', 'job'),
  field('supervisorId', 'supervisorId', 'Supervisor ID', 'text', 'job'),
  field('supervisor', 'supervisor', 'Supervisor name', 'text', 'job'),
  field('reportsTo', 91, 'Reporting to', 'employee', 'job'),
  field('lastChanged', 'lastChanged', 'Last Changed', 'timestamp', 'system'),
  field('dateOfBirth', 6, 'Birth Date', 'date', 'personal'),
  field('gender', 154, 'Gender', 'gender', 'personal'),
  field('maritalStatus', 156, 'Marital Status', 'marital_status', 'personal'),
  field('address1', 7, 'Address Line 1', 'text', 'personal'),
  field('address2', 8, 'Address Line 2', 'text', 'personal'),
  field('city', 9, 'City', 'text', 'personal'),
  field('state', 11, 'State', 'state', 'personal'),
  field('zipcode', 12, 'Zip Code', 'text', 'personal'),
  field('country', 1358.1, 'Country', 'country', 'personal'),
  field('payRate', 19, 'Pay rate', 'currency', 'pay'),
  field('payType', 156.1, 'Pay type', 'pay_type', 'pay'),
  field('payPer', 156.2, 'Paid per', 'paid_per', 'pay'),
];

export const FIELDS_BY_ALIAS: ReadonlyMap<string, CatalogField> = new Map(FIELD_CATALOG.map((f) => [f.alias, f]));
/** Numeric ids work in `fields=` too. */
export const FIELDS_BY_ID: ReadonlyMap<string, CatalogField> = new Map(FIELD_CATALOG.map((f) => [String(f.id), f]));

export function resolveField(name: string): CatalogField | undefined {
  return FIELDS_BY_ALIAS.get(name) ?? FIELDS_BY_ID.get(name);
}

/** BambooHR's stock list options of field 16, plus the sandbox company's own "Working Student". */
export const EMPLOYMENT_STATUS_OPTIONS = [
  'Full-Time',
  'Part-Time',
  'Contractor',
  'Intern',
  'Working Student',
  'Terminated',
  'Furloughed',
];
