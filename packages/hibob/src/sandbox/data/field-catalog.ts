import { displayName, lifecycleOn, statusOn } from '../state/lifecycle.js';
import type { BobEmployee } from '../state/types.js';
import { SITES } from './named-lists.js';
import { SITE_DETAILS, type SiteDetails } from './payment-data.js';
import { CATEGORIES, type CategoryId } from './categories.js';
import {
  COST_CENTER_FIELD_ID,
  EMPLOYMENT_TYPE_FIELD_ID,
  EMPLOYMENT_TYPE_FIELD_NAME,
  EMPLOYMENT_TYPE_LIST_ID,
  PAYROLL_CODE_FIELD_ID,
} from './custom-fields.js';

/** What a field reader may look up besides the employee itself. */
export interface FieldContext {
  today: string;
  companyId: number;
  employee(id: string): BobEmployee | undefined;
  directReports(id: string): number;
  siteName(siteId: number): string | null;
}

export type FieldType =
  | 'text'
  | 'text-area'
  | 'number'
  | 'date'
  | 'short-date'
  | 'time'
  | 'boolean'
  | 'list'
  | 'multi-list'
  | 'hierarchy-list'
  | 'list_id'
  | 'currency'
  | 'employee'
  | 'employee-reference'
  | 'avatar'
  | 'ssn'
  | 'period'
  | 'working_pattern'
  | 'duration_with_unit'
  | 'document';

export interface FieldDefinition {
  id: string;
  categoryId: CategoryId;
  name: string;
  description: string | null;
  /** Root fields have no `root.` prefix (hibob-api.md §3). */
  jsonPath: string;
  /** `jsonPath` split on dots, precomputed for the 100k-employee search. */
  pathParts: readonly string[];
  /** The flat response key, e.g. `/work/title`, `/root/email`. */
  slashKey: string;
  type: FieldType;
  listId: string | null;
  historical: boolean;
  custom: boolean;
  /** Machine value, or null. Fields without a reader serve what the control API stored, else null. */
  read(employee: BobEmployee, context: FieldContext): unknown;
}

type Reader = (employee: BobEmployee, context: FieldContext) => unknown;

/** One detail of the person's site (address, country, entity), null without a site. */
function siteDetail(employee: BobEmployee, key: keyof SiteDetails): string | null {
  return employee.siteId === null ? null : (SITE_DETAILS[employee.siteId]?.[key] ?? null);
}

/** [id, name, type, listId, historical, reader?] — compact so ~200 fields stay readable. */
type Row = readonly [string, string, FieldType, string | null, boolean, Reader?];

const yearsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000);

function period(from: string, to: string) {
  const days = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  const years = Math.floor(days / 365);
  const months = Math.floor((days % 365) / 30);
  return {
    humanize: `${years} years ${months} months`,
    periodISO: `P${years}Y${months}M${days % 30}D`,
    sortFactor: days,
  };
}

function reportsTo(employee: BobEmployee, context: FieldContext) {
  const manager = employee.managerId ? context.employee(employee.managerId) : undefined;
  if (!manager) return null;
  return {
    id: manager.id,
    firstName: manager.firstName,
    surname: manager.surname,
    email: manager.email,
    displayName: displayName(manager),
  };
}

const ROWS: Partial<Record<CategoryId, readonly Row[]>> = {
  root: [
    ['root.id', 'Employee ID', 'employee-reference', null, false, (e) => e.id],
    ['root.email', 'Email', 'text', null, false, (e) => e.email],
    ['root.firstName', 'First name', 'text', null, false, (e) => e.firstName],
    ['root.surname', 'Last name', 'text', null, false, (e) => e.surname],
    ['root.secondName', 'Middle name', 'text', null, false, (e) => e.secondName],
    ['root.displayName', 'Display name', 'text', null, false, (e) => displayName(e)],
    ['root.fullName', 'Full name', 'text', null, false, (e) => displayName(e)],
    ['root.companyId', 'Company ID', 'number', null, false, (_e, c) => c.companyId],
    ['root.creationDateTime', 'Creation date time', 'time', null, false, (e) => e.creationDateTime],
    ['root.avatarUrl', 'Avatar', 'avatar', null, false, (e) => `https://avatars.sandbox.invalid/${e.id}.png`],
  ],
  userData: [
    [
      'root.state',
      'State',
      'list',
      'state',
      false,
      (e, c) => (statusOn(e, c.today) === 'Active' ? 'active' : 'uninvited'),
    ],
    ['root.creationDate', 'Creation date', 'date', null, false, (e) => e.creationDateTime.slice(0, 10)],
  ],
  about: [
    ['about.avatar', 'Profile personalization', 'text', null, false],
    ['about.about', 'About', 'text-area', null, false],
    ['about.hobbies', 'Hobbies', 'multi-list', 'hobbies', false, (e) => (e.hobbies.length > 0 ? e.hobbies : null)],
    ['about.superpowers', 'Superpowers', 'multi-list', 'superpowers', false],
    ['about.foodPreferences', 'Food preferences', 'multi-list', 'foodPreferences', false],
    ['about.socialData.linkedin', 'LinkedIn', 'text', null, false],
    ['about.socialData.twitter', 'Twitter', 'text', null, false],
    ['about.socialData.facebook', 'Facebook', 'text', null, false],
  ],
  work: [
    ['work.title', 'Job title', 'list', 'title', true, (e) => e.title],
    ['work.department', 'Department', 'hierarchy-list', 'department', true, (e) => e.department],
    ['work.site', 'Site', 'text', null, false, (e, c) => (e.siteId === null ? null : c.siteName(e.siteId))],
    ['work.siteId', 'Site ID', 'list_id', 'site', true, (e) => e.siteId],
    ['work.entity', 'Entity', 'list', 'entity', true, (e) => siteDetail(e, 'entityId')],
    ['work.startDate', 'Start date', 'date', null, false, (e) => e.startDate],
    ['work.shortStartDate', 'Start date (short)', 'short-date', null, false, (e) => e.startDate.slice(5)],
    ['work.reportsTo', 'Reports to', 'employee', null, true, reportsTo],
    ['work.reportsTo.email', 'Reports to email', 'text', null, false, (e, c) => reportsTo(e, c)?.email ?? null],
    ['work.manager', 'Manager', 'employee-reference', null, true, (e) => e.managerId],
    [
      'work.secondLevelManager',
      'Second level manager',
      'employee-reference',
      null,
      false,
      (e, c) => (e.managerId ? (c.employee(e.managerId)?.managerId ?? null) : null),
    ],
    ['work.isManager', 'Is manager', 'boolean', null, false, (e, c) => c.directReports(e.id) > 0],
    ['work.directReports', 'Direct reports', 'number', null, false, (e, c) => c.directReports(e.id)],
    ['work.employeeIdInCompany', 'Employee ID in company', 'number', null, false, (e) => e.idInCompany],
    ['work.activeEffectiveDate', 'Work effective date', 'date', null, true, (e, c) => activeWorkDate(e, c.today)],
    [
      'work.workChangeType',
      'Change type',
      'list',
      'workChangeType',
      true,
      (e, c) => (e.changeDate !== null && e.changeDate <= c.today ? '5002' : '5001'),
    ],
    [
      'work.tenureDuration',
      'Tenure',
      'period',
      null,
      false,
      (e, c) => (e.startDate <= c.today ? period(e.startDate, c.today) : null),
    ],
    [
      'work.durationOfEmployment',
      'Duration of employment',
      'period',
      null,
      false,
      (e, c) => (e.startDate <= c.today ? period(e.startDate, e.terminationDate ?? c.today) : null),
    ],
    [
      'work.yearsOfService',
      'Years of service',
      'number',
      null,
      false,
      (e, c) => (e.startDate <= c.today ? Math.round(yearsBetween(e.startDate, c.today) * 10) / 10 : null),
    ],
    ['work.daysOfPreviousService', 'Days of previous service', 'number', null, false],
    ['work.customColumns.column_1655996461265', 'Work location type', 'list', 'workChangeType', true],
    [COST_CENTER_FIELD_ID, 'Cost center', 'text', null, false],
  ],
  employment: [
    ['payroll.employment.type', 'Employment type', 'list', 'payrollEmploymentType', true, (e) => e.payrollType],
    ['payroll.employment.contract', 'Employment contract', 'list', 'employmentstatus', true, (e) => e.contract],
    ['payroll.employment.weeklyHours', 'Weekly hours', 'number', null, true, (e) => e.weeklyHours],
    ['payroll.employment.fte', 'FTE %', 'number', null, true, (e) => e.fte],
    ['payroll.employment.activeEffectiveDate', 'Employment effective date', 'date', null, true, (e) => e.startDate],
    ['payroll.employment.salaryPayType', 'Salary pay type', 'list', 'payPeriod', true],
    ['payroll.employment.hoursInDayNotWorked', 'Hours in day not worked', 'number', null, true],
    ['payroll.employment.calendarId', 'Holiday calendar', 'list', null, true],
    ['payroll.employment.siteWorkingPattern', 'Site working pattern', 'working_pattern', null, true],
    ['payroll.employment.actualWorkingPattern', 'Actual working pattern', 'working_pattern', null, true],
    ['payroll.employment.flsaCode', 'FLSA code', 'list', null, true],
  ],
  lifecycle: [
    ['internal.status', 'Status', 'list', 'status', true, (e, c) => statusOn(e, c.today)],
    [
      'internal.lifecycleStatus',
      'Lifecycle status',
      'list',
      'lifecycleStatus',
      true,
      (e, c) => lifecycleOn(e, c.today),
    ],
    ['internal.terminationDate', 'Termination date', 'date', null, false, (e) => e.terminationDate],
    [
      'internal.terminationReason',
      'Termination reason',
      'list',
      'terminationreason',
      false,
      (e) => e.terminationReason,
    ],
    ['internal.terminationType', 'Termination type', 'list', 'lifecycleReasonType', false, (e) => e.terminationType],
    ['internal.probationEndDate', 'Probation end date', 'date', null, false, (e) => e.probationEndDate],
    [
      'internal.currentActiveStatusStartDate',
      'Current active status start date',
      'date',
      null,
      false,
      (e, c) => (statusOn(e, c.today) === 'Active' ? e.startDate : null),
    ],
    ['internal.noticePeriod', 'Notice period', 'duration_with_unit', null, false],
    ['internal.lastDayOfWork', 'Last day of work', 'date', null, false, (e) => e.terminationDate],
    ['internal.periodSinceTermination', 'Period since termination', 'period', null, false],
  ],
  payroll: [
    ['payroll.salary.payment', 'Base salary', 'currency', null, true],
    ['payroll.salary.payPeriod', 'Salary pay period', 'list', 'payPeriod', true],
    ['payroll.salary.payFrequency', 'Salary pay frequency', 'list', 'payFrequency', true],
    ['payroll.salary.activeEffectiveDate', 'Salary effective date', 'date', null, true],
    ['payroll.salary.monthlyPayment', 'Monthly payment', 'currency', null, false],
    ['payroll.salary.yearlyPayment', 'Yearly payment', 'currency', null, false],
    ['payroll.variable.Executive bonus.amount', 'Executive bonus amount', 'currency', null, true],
    ['payroll.variable.Executive bonus.paymentPeriod', 'Executive bonus payment period', 'list', 'payPeriod', true],
    ['payroll.entitlement.Company Car.amount', 'Company Car amount', 'currency', null, true],
    ['payroll.entitlement.Company Car.startDate', 'Company Car start date', 'date', null, true],
    ['payroll.taxCode', 'Tax code', 'text', null, false],
    [PAYROLL_CODE_FIELD_ID, 'Payroll code', 'text', null, false],
  ],
  personal: [
    ['personal.birthDate', 'Date of birth', 'date', null, false, (e) => e.birthDate],
    ['personal.shortBirthDate', 'Birthday', 'short-date', null, false, (e) => e.birthDate?.slice(5) ?? null],
    [
      'personal.age',
      'Age',
      'number',
      null,
      false,
      (e, c) => (e.birthDate ? Math.floor(yearsBetween(e.birthDate, c.today)) : null),
    ],
    [
      'personal.nationality',
      'Nationality',
      'multi-list',
      'nationalities',
      false,
      (e) => (e.nationality.length > 0 ? e.nationality : null),
    ],
    ['personal.pronouns', 'Pronouns', 'list', 'pronouns', false, (e) => e.pronouns],
    ['personal.honorific', 'Honorific', 'list', 'honorific', false],
    ['personal.communication.skypeUsername', 'Skype username', 'text', null, false],
    ['personal.communication.slackUsername', 'Slack username', 'text', null, false],
    ['personal.preferredName', 'Preferred name', 'text', null, false],
  ],
  personalContact: [
    ['home.privateEmail', 'Personal email', 'text', null, false, (e) => e.privateEmail],
    ['home.mobilePhone', 'Mobile phone', 'text', null, false, (e) => e.mobilePhone],
    ['home.privatePhone', 'Personal phone', 'text', null, false],
  ],
  home: [
    ['home.legalGender', 'Legal gender', 'list', 'legalGenderEnhanced', false, (e) => e.legalGender],
    ['home.familyStatus', 'Marital status', 'list', 'familystatus', false],
    ['home.spouse.firstName', 'Spouse first name', 'text', null, false],
    ['home.spouse.surname', 'Spouse last name', 'text', null, false],
    ['home.spouse.birthDate', 'Spouse birth date', 'date', null, false],
    ['home.numberOfKids', 'Number of children', 'number', null, false],
  ],
  address: [
    ['address.line1', 'Address line 1', 'text', null, true],
    ['address.line2', 'Address line 2', 'text', null, true],
    ['address.city', 'City', 'text', null, true, (e) => e.city],
    ['address.postCode', 'Postal code', 'text', null, true],
    ['address.country', 'Country', 'list', 'countries', true, (e) => e.country],
    ['address.usState', 'US state', 'list', null, true],
    [
      'address.fullAddress',
      'Full address',
      'text',
      null,
      false,
      (e) => (e.city && e.country ? `${e.city}, ${e.country}` : null),
    ],
    ['address.siteCity', 'Site city', 'text', null, false, (e) => siteDetail(e, 'city')],
    ['address.siteAddress1', 'Site address line 1', 'text', null, false, (e) => siteDetail(e, 'line1')],
    ['address.siteState', 'Site state', 'text', null, false, (e) => siteDetail(e, 'region')],
    ['address.sitePostalCode', 'Site postal code', 'text', null, false, (e) => siteDetail(e, 'postalCode')],
    ['address.siteCountry', 'Site country', 'list', 'countries', false, (e) => siteDetail(e, 'country')],
    [
      'address.siteTimezone',
      'Site time zone',
      'text',
      null,
      false,
      (e) => SITES.find((site) => site.id === e.siteId)?.timeZone ?? null,
    ],
  ],
  financial: [
    ['financial.iban', 'IBAN', 'text', null, false],
    ['financial.bankName', 'Bank name', 'text', null, false],
    ['financial.accountNumber', 'Account number', 'text', null, false],
    ['financial.routingNumber', 'Routing number', 'text', null, false],
    ['financial.accountType', 'Account type', 'list', null, false],
    ['financial.custom.field_1692991687729', 'Payment reference', 'text', null, false],
    ['financial.accountHolderName', 'Account holder name', 'text', null, false],
    ['financial.swift', 'SWIFT / BIC', 'text', null, false],
    ['financial.currency', 'Account currency', 'text', null, false],
  ],
  identification: [
    ['identification.ssn', 'Social security number', 'ssn', null, false],
    ['identification.passportNumber', 'Passport number', 'text', null, false],
    ['identification.passportExpiry', 'Passport expiry', 'date', null, false],
    ['identification.nationalId', 'National ID', 'text', null, false],
    ['identification.taxId', 'Tax ID', 'text', null, false],
    ['identification.custom.field_1697450926907', 'Payroll integration ID', 'text', null, false],
  ],
  emergency: [
    ['emergency.firstName', 'Emergency contact first name', 'text', null, false],
    ['emergency.surname', 'Emergency contact last name', 'text', null, false],
    ['emergency.relation', 'Emergency contact relation', 'list', null, false],
    ['emergency.phone', 'Emergency contact phone', 'text', null, false],
    ['emergency.email', 'Emergency contact email', 'text', null, false],
  ],
};

function activeWorkDate(employee: BobEmployee, today: string): string {
  return employee.changeDate !== null && employee.changeDate <= today ? employee.changeDate : employee.startDate;
}

/** Extra `employee.*` fields: ids start with `employee.` yet live in several categories (hibob-api.md §2.3). */
const EMPLOYEE_FIELDS: ReadonlyArray<readonly [CategoryId, ...Row]> = [
  ['work', 'employee.buddy', 'Buddy', 'employee-reference', null, false],
  ['work', 'employee.orgLevel', 'Org level', 'number', null, false],
  ['work', 'employee.workLocationId', 'Work location', 'list', null, false],
  ['work', 'employee.jobRoleId', 'Job role', 'list', null, false],
  ['personal', 'employee.preferredLanguage', 'Preferred language', 'list', null, false],
  ['lifecycle', 'employee.rehireEligible', 'Eligible for rehire', 'boolean', null, false],
];

function define(categoryId: CategoryId, row: Row, custom: boolean): FieldDefinition {
  const [id, name, type, listId, historical, reader] = row;
  const jsonPath = id.startsWith('root.') ? id.slice('root.'.length) : id;
  return {
    id,
    categoryId,
    name,
    description: null,
    jsonPath,
    pathParts: jsonPath.split('.'),
    slashKey: `/${id.split('.').join('/')}`,
    type,
    listId,
    historical,
    custom,
    read:
      reader ??
      (custom
        ? (employee) => employee.custom[id] ?? employee.extra[id] ?? null
        : (employee) => employee.extra[id] ?? null),
  };
}

/**
 * The metadata catalog: built-in categories, custom fields and the user-created "Work Eligibility"
 * category with the Remotepass list field. Generic `<category>.<field>_<n>` fillers bring the list
 * to a realistic size (the real tenant had 239).
 */
export function buildFieldCatalog(): FieldDefinition[] {
  const fields: FieldDefinition[] = [];
  for (const [categoryId, rows] of Object.entries(ROWS) as Array<[CategoryId, readonly Row[]]>) {
    for (const row of rows) fields.push(define(categoryId, row, row[0].includes('.custom.')));
  }
  for (const [categoryId, ...row] of EMPLOYEE_FIELDS) fields.push(define(categoryId, row, false));
  fields.push(
    define(
      'category_1720508362305',
      [EMPLOYMENT_TYPE_FIELD_ID, EMPLOYMENT_TYPE_FIELD_NAME, 'list', EMPLOYMENT_TYPE_LIST_ID, false],
      true,
    ),
  );
  fields.push(
    define(
      'category_1720508362305',
      ['category_1720508362305.field_1720508421733', 'Visa expiry date', 'date', null, false],
      true,
    ),
  );
  // Filler custom fields in non-default categories: real tenants carry dozens; they never join the default set.
  const fillerCategories: CategoryId[] = ['personal', 'financial', 'identification', 'payroll', 'home', 'address'];
  let n = 0;
  while (fields.length < 200) {
    const categoryId = fillerCategories[n % fillerCategories.length]!;
    const id = `${categoryId}.custom.field_${1655996461300 + n}`;
    n++;
    fields.push(
      define(categoryId, [id, `Custom ${CATEGORIES[categoryId].toLowerCase()} field ${n}`, 'text', null, false], true),
    );
  }
  return fields;
}

export function categoryDisplayName(categoryId: CategoryId): string {
  return CATEGORIES[categoryId];
}
