import { CATEGORY_IDS } from '../data/categories.js';
import { WORK_ELIGIBILITY_CATEGORY_ID } from '../data/custom-fields.js';
import { type BobFeature, categoryPermission, featurePermission } from './service-users.js';

/**
 * The `check()` ids the HiBob adapter reports, and which sandbox permission each one depends on,
 * so a test can create a service user that lacks exactly that permission
 * (`sandbox.control.restrictedConnectionFor(checkId)`). `webhooks` depends on no API permission:
 * HiBob webhooks are set up in Bob's UI, so the check is about the connector's own configuration.
 */
export const SANDBOX_RESTRICTABLE_CHECK_IDS = [
  'employees.list',
  ...CATEGORY_IDS.filter((id) => id !== WORK_ELIGIBILITY_CATEGORY_ID).map((id) => `fields.${id}` as const),
  'customField.employmentType',
  'timeOff.whosOut',
  'timeOff.requests',
  'timeOff.pending',
  'timeOff.private',
  'timeOff.balances',
  'timeOff.policies',
  'compensation',
  'attendance',
  'webhooks',
] as const;
export type SandboxRestrictableCheckId = (typeof SANDBOX_RESTRICTABLE_CHECK_IDS)[number];

const feature = (name: BobFeature) => featurePermission(name);

export function permissionBehindCheck(checkId: string): string | null {
  if (checkId.startsWith('fields.')) return categoryPermission(checkId.slice('fields.'.length));
  switch (checkId) {
    case 'employees.list':
      return feature('people');
    case 'customField.employmentType':
      return categoryPermission(WORK_ELIGIBILITY_CATEGORY_ID);
    case 'timeOff.whosOut':
    case 'timeOff.requests':
      return feature('timeoff.whosout');
    case 'timeOff.pending':
      return feature('timeoff.pending');
    case 'timeOff.private':
      return feature('timeoff.private');
    case 'timeOff.balances':
      return feature('timeoff.balances');
    case 'timeOff.policies':
      return feature('timeoff.settings');
    case 'compensation':
      return categoryPermission('payroll');
    case 'attendance':
      return feature('attendance');
    default:
      return null;
  }
}
