import { WORK_ELIGIBILITY_CATEGORY_ID, WORK_ELIGIBILITY_CATEGORY_NAME } from './custom-fields.js';

/** People's Data categories: the unit of "View" permission (hibob-api.md §1, §3). */
export const CATEGORIES = {
  root: 'Basic info',
  userData: 'User data',
  about: 'About',
  work: 'Work',
  employment: 'Employment',
  lifecycle: 'Lifecycle',
  payroll: 'Payroll',
  personal: 'Personal',
  personalContact: 'Personal contact details',
  home: 'Home',
  address: 'Address',
  financial: 'Financial',
  identification: 'Identification',
  emergency: 'Emergency contact',
  [WORK_ELIGIBILITY_CATEGORY_ID]: WORK_ELIGIBILITY_CATEGORY_NAME,
} as const satisfies Record<string, string>;

export type CategoryId = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as CategoryId[];

/** Categories whose fields make up the default set when `fields` is omitted (custom fields never do). */
export const DEFAULT_CATEGORIES: readonly CategoryId[] = ['root', 'about', 'employment', 'work'];
