import type { NamedList, NamedListItem, Site } from '../state/types.js';
import { EMPLOYMENT_TYPE_ITEMS, EMPLOYMENT_TYPE_LIST_ID } from './custom-fields.js';
import { ENTITIES } from './payment-data.js';

function item(id: string, name: string, children: NamedListItem[] = [], archived = false): NamedListItem {
  return { id, name, archived, children };
}

/** Items whose id is the name itself: HiBob does this for some built-in lists (pronouns, hobbies). */
function textual(names: readonly string[]): NamedListItem[] {
  return names.map((name) => item(name, name));
}

export const SITES: readonly Site[] = [
  { id: 2606110, name: 'London', timeZone: 'Europe/London', country: 'GB' },
  { id: 2606111, name: 'New York', timeZone: 'America/New_York', country: 'US' },
  { id: 2606112, name: 'Tel Aviv', timeZone: 'Asia/Jerusalem', country: 'IL' },
  { id: 2606113, name: 'Berlin', timeZone: 'Europe/Berlin', country: 'DE' },
  { id: 2606114, name: 'Remote', timeZone: 'UTC', country: 'PT' },
];

/** Departments form a hierarchy list (children under a parent). Leaves are what people belong to. */
export const DEPARTMENTS: readonly NamedListItem[] = [
  item('209192160', 'Engineering', [
    item('209192161', 'Backend'),
    item('209192162', 'Frontend'),
    item('209192164', 'Platform'),
  ]),
  item('209192170', 'Finance', [item('209192163', 'Account Receivables'), item('209192171', 'Payroll Operations')]),
  item('209192180', 'Sales', [item('209192181', 'Enterprise Sales'), item('209192182', 'SMB Sales')]),
  item('209192190', 'People'),
  item('209192195', 'Marketing'),
  item('209192199', 'Customer Success'),
  item('209192198', 'Legacy Operations', [], true),
];

export function leafDepartments(): NamedListItem[] {
  const leaves: NamedListItem[] = [];
  const walk = (items: readonly NamedListItem[]) => {
    for (const entry of items) {
      if (entry.archived) continue;
      if (entry.children.length > 0) walk(entry.children);
      else leaves.push(entry);
    }
  };
  walk(DEPARTMENTS);
  return leaves;
}

export const TITLES: readonly NamedListItem[] = [
  'Chief Executive Officer',
  'VP Engineering',
  'Engineering Manager',
  'Senior Software Engineer',
  'Software Engineer',
  'Staff Engineer',
  'QA Engineer',
  'Product Manager',
  'Product Designer',
  'Data Analyst',
  'Finance Manager',
  'Accountant',
  'Payroll Specialist',
  'Account Executive',
  'Sales Development Representative',
  'Sales Manager',
  'HR Business Partner',
  'Recruiter',
  'Marketing Manager',
  'Content Writer',
  'Customer Success Manager',
  'Support Specialist',
].map((name, index) => item(String(176349020 + index), name));

export const LIFECYCLE_STATUS_ITEMS: readonly NamedListItem[] = [
  // Machine ids of lifecycle statuses are UNKNOWN (hibob-api.md §2.3); the sandbox uses lower-case ids.
  item('hired', 'Hired'),
  item('employed', 'Employed'),
  item('leave', 'On leave'),
  item('terminated', 'Terminated'),
];

export const TERMINATION_REASONS: readonly NamedListItem[] = [
  item('1001', 'Resignation'),
  item('1002', 'Dismissal'),
  item('1003', 'End of contract'),
  item('1004', 'Retirement'),
  item('1005', 'Relocation', [], true),
];

export const PAYROLL_EMPLOYMENT_TYPES: readonly NamedListItem[] = [
  item('2001', 'Permanent'),
  item('2002', 'Temporary'),
  item('2003', 'Contractor'),
  item('2004', 'Intern'),
];

export const CONTRACTS: readonly NamedListItem[] = [
  item('3001', 'Full time'),
  item('3002', 'Part time'),
  item('3003', 'Freelance'),
];

export const COUNTRIES: readonly NamedListItem[] = [
  item('GB', 'United Kingdom'),
  item('US', 'United States'),
  item('IL', 'Israel'),
  item('DE', 'Germany'),
  item('PT', 'Portugal'),
  item('FR', 'France'),
  item('IN', 'India'),
  item('BR', 'Brazil'),
];

/** Every named list the sandbox serves; names are case-sensitive (`terminationreason`). */
export function buildNamedLists(): NamedList[] {
  return [
    { name: 'department', items: structuredClone([...DEPARTMENTS]) },
    { name: 'title', items: structuredClone([...TITLES]) },
    { name: 'site', items: SITES.map((site) => item(String(site.id), site.name)) },
    { name: 'status', items: [item('Active', 'Active'), item('Inactive', 'Inactive')] },
    { name: 'lifecycleStatus', items: structuredClone([...LIFECYCLE_STATUS_ITEMS]) },
    { name: 'terminationreason', items: structuredClone([...TERMINATION_REASONS]) },
    { name: 'entity', items: structuredClone([...ENTITIES]) },
    { name: 'lifecycleReasonType', items: [item('4001', 'Voluntary'), item('4002', 'Involuntary')] },
    { name: 'payrollEmploymentType', items: structuredClone([...PAYROLL_EMPLOYMENT_TYPES]) },
    { name: 'employmentstatus', items: structuredClone([...CONTRACTS]) },
    {
      name: 'workChangeType',
      items: [
        item('5001', 'New Employee'),
        item('5002', 'Promotion'),
        item('5003', 'Transfer'),
        item('5004', 'Manager change'),
      ],
    },
    { name: 'payPeriod', items: textual(['Annual', 'Monthly', 'Weekly', 'Daily', 'Hourly']) },
    { name: 'payFrequency', items: textual(['Monthly', 'Semi-monthly', 'Bi-weekly', 'Weekly']) },
    { name: 'countries', items: structuredClone([...COUNTRIES]) },
    { name: 'nationalities', items: COUNTRIES.map((country) => item(country.id, `${country.name} national`)) },
    { name: 'pronouns', items: textual(['He / Him', 'She / Her', 'They / Them']) },
    { name: 'honorific', items: textual(['Mr', 'Ms', 'Mx', 'Dr']) },
    { name: 'legalGenderEnhanced', items: [item('6001', 'Female'), item('6002', 'Male'), item('6003', 'Non-binary')] },
    {
      name: 'familystatus',
      items: [item('7001', 'Single'), item('7002', 'Married'), item('7003', 'Domestic partnership')],
    },
    { name: 'hobbies', items: textual(['Animals', 'Cooking', 'Cycling', 'Music', 'Reading', 'Travel', 'Yoga']) },
    { name: 'superpowers', items: textual(['Public speaking', 'Spreadsheets', 'Negotiation', 'Debugging']) },
    { name: 'foodPreferences', items: textual(['Vegetarian', 'Vegan', 'Kosher', 'Halal', 'Gluten free']) },
    { name: 'state', items: textual(['active', 'invited', 'uninvited']) },
    {
      name: EMPLOYMENT_TYPE_LIST_ID,
      items: Object.entries(EMPLOYMENT_TYPE_ITEMS).map(([name, id]) => item(id, name)),
    },
  ];
}
