/**
 * The report columns the adapter asks for, chosen explicitly (BambooHR silently drops fields the key cannot
 * see, so `check()` compares this list with what came back).
 */
export const CORE_FIELDS = ['id', 'firstName', 'lastName', 'status', 'hireDate', 'terminationDate'] as const;

/** Job and employment data: the employment type lives in `employmentHistoryStatus` (list field 16). */
export const EMPLOYMENT_FIELDS = [
  'employmentHistoryStatus',
  'jobTitle',
  'department',
  'location',
  'division',
  'supervisorEId',
  'supervisorId',
  'supervisor',
] as const;

/** Contact and naming fields that are nice to have. */
export const CONTACT_FIELDS = [
  'employeeNumber',
  'middleName',
  'preferredName',
  'displayName',
  'workEmail',
  'homeEmail',
  'workPhone',
  'mobilePhone',
  'originalHireDate',
] as const;

/** Read only with `includeSensitive`. */
export const SENSITIVE_FIELDS = [
  'dateOfBirth',
  'gender',
  'maritalStatus',
  'homePhone',
  'address1',
  'address2',
  'city',
  'state',
  'zipcode',
  'country',
] as const;

/** Requested but not every account has it; never reported as missing. */
export const OPTIONAL_FIELDS = ['lastChanged'] as const;

export function employeeReportFields(options: { includeSensitive?: boolean; customFields?: readonly string[] }) {
  return [
    ...CORE_FIELDS,
    ...EMPLOYMENT_FIELDS,
    ...CONTACT_FIELDS,
    ...OPTIONAL_FIELDS,
    ...(options.includeSensitive ? SENSITIVE_FIELDS : []),
    ...(options.customFields ?? []),
  ];
}
