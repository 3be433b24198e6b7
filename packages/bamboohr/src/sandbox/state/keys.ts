import type { SeededGenerator } from '@hrkit/sandbox-kit';
import type { Company } from './company.js';
import type { KeyProfile } from './types.js';

/** What the restricted key's user cannot see: job/employment fields (incl. the employment type) and personal data. */
export const EMPLOYMENT_FIELDS_HIDDEN_FROM_RESTRICTED = [
  'employmentHistoryStatus',
  'jobTitle',
  'department',
  'location',
  'division',
  'supervisorEId',
  'supervisorId',
  'supervisor',
  'reportsTo',
];
const PERSONAL = [
  'dateOfBirth',
  'gender',
  'maritalStatus',
  'homePhone',
  'homeEmail',
  'address1',
  'address2',
  'city',
  'state',
  'zipcode',
  'country',
];
const PAY = ['payRate', 'payType', 'payPer'];

/** BambooHR keys: 40 hex characters (160 bits). */
function hexKey(random: SeededGenerator): string {
  let key = '';
  while (key.length < 40) key += random.int(0, 15).toString(16);
  return key;
}

export function keyProfiles(random: SeededGenerator, company: Company) {
  const owner = company.employees.keys().next().value ?? '1';
  const full: KeyProfile = {
    apiKey: hexKey(random),
    employeeId: owner,
    hiddenFields: new Set(),
    hiddenTables: new Set(),
    directory: true,
    webhooks: true,
  };
  const restricted: KeyProfile = {
    apiKey: hexKey(random),
    employeeId: owner,
    hiddenFields: new Set([...EMPLOYMENT_FIELDS_HIDDEN_FROM_RESTRICTED, ...PERSONAL, ...PAY]),
    hiddenTables: new Set(['jobInfo', 'employmentStatus', 'compensation']),
    directory: false,
    webhooks: false,
  };
  return { full, restricted, bad: hexKey(random), sampleWebhookSecret: hexKey(random).slice(0, 32) };
}
